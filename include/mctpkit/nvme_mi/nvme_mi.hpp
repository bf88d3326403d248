#pragma once
// NVMe-MI over MCTP (message type 0x04): the NVMe-MI message header with its CRC-32C message
// integrity check, control primitives, NVMe-MI commands, tunneled NVMe Admin commands, and the
// data structures an NVMe-MI response carries.
//
// A response does not say which request it answers, so decoded alone its data is left Raw;
// decoded with its request (decode_response, as capture analysis does once it has matched them)
// the data decodes by the request's opcode and data structure type. The response data layers
// (kSubsystemInfo, kPortInfo, ...) also serve to craft responses.

#include <cstdint>

#include "mctpkit/core/bytes.hpp"
#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::nvme_mi {

/// Table of message bodies under the header, keyed by (nmimt, ror).
inline constexpr std::string_view kMessageTable = "nvme_mi.message";
/// Table of NVMe-MI command requests, keyed by opcode.
inline constexpr std::string_view kMiCommandTable = "nvme_mi.mi_command";
/// Response data of NVMe-MI commands, keyed by (request opcode, request data structure type):
/// a response does not name its command, so its data decodes when the request is known.
inline constexpr std::string_view kResponseDataTable = "nvme_mi.response_data";

/// NVMe-MI message types (NMIMT).
enum MessageKind : std::uint8_t {
  kControlPrimitive = 0,
  kMiCommand = 1,
  kAdminCommand = 2,
  kPcieCommand = 4,
  kAsyncEvent = 5,
};

/// NVMe-MI command opcodes.
enum MiOpcode : std::uint8_t {
  kReadDataStructure = 0x00,
  kSubsystemHealthStatusPoll = 0x01,
  kControllerHealthStatusPoll = 0x02,
  kConfigurationSet = 0x03,
  kConfigurationGet = 0x04,
  kVpdRead = 0x05,
  kVpdWrite = 0x06,
  kReset = 0x07,
  kSesReceive = 0x08,
  kSesSend = 0x09,
  kMebRead = 0x0A,
  kMebWrite = 0x0B,
  kShutdown = 0x0C,
};

/// Header: ror, nmimt, csi, meb, then the body, then `mic` (CRC-32C, little-endian).
extern const LayerDef kHeader;

extern const LayerDef kControlPrimitiveRequest;
extern const LayerDef kControlPrimitiveResponse;
extern const LayerDef kMiCommandRequest;   // opcode; NMD0/NMD1 in the per-opcode layer after it
extern const LayerDef kMiCommandResponse;  // status, NMRESP; the data by the request (decode_response)
extern const LayerDef kAdminRequest;
extern const LayerDef kAdminResponse;

// Per-opcode NVMe-MI command requests (NMD0, NMD1, request data).
extern const LayerDef kReadDataStructureRequest;
extern const LayerDef kSubsystemHealthPollRequest;
extern const LayerDef kControllerHealthPollRequest;
extern const LayerDef kConfigurationSetRequest;
extern const LayerDef kConfigurationGetRequest;
extern const LayerDef kVpdReadRequest;
extern const LayerDef kVpdWriteRequest;
extern const LayerDef kResetRequest;
extern const LayerDef kSesReceiveRequest;
extern const LayerDef kSesSendRequest;
extern const LayerDef kMebReadRequest;
extern const LayerDef kMebWriteRequest;
extern const LayerDef kShutdownRequest;

// Response data (after kMiCommandResponse).
extern const LayerDef kSubsystemInfo;           // Read NVMe-MI Data Structure, DTYP 0
extern const LayerDef kPortInfo;                // DTYP 1
extern const LayerDef kControllerList;          // DTYP 2
extern const LayerDef kControllerInfo;          // DTYP 3
extern const LayerDef kOptionalCommandList;     // DTYP 4
extern const LayerDef kMebCommandList;          // DTYP 5
extern const LayerDef kSubsystemHealth;         // NVM Subsystem Health Status Poll
extern const LayerDef kControllerHealthList;    // Controller Health Status Poll

/// The MIC of a whole NVMe-MI message: CRC-32C over the message type byte and everything
/// after it, up to the MIC.
std::uint32_t message_mic(std::uint8_t type_byte, ByteView rest);

/// Declares and binds this module's layers (and links) into `registry`.
void register_nvme_mi(Registry& registry);

}  // namespace mctpkit::nvme_mi
