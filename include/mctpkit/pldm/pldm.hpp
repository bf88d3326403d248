#pragma once
// PLDM over MCTP (message type 0x01; DSP0241 binding, DSP0240 base). All PLDM multi-byte
// fields are little-endian.

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::pldm {

/// PLDM header: rq, d, iid, hdr_ver, type, command (alias cmd), cc on responses. Command
/// layers are found in table "pldm.command" by (type, command, rq). An error response (cc not
/// 0) may end after the cc, and then has no command layer.
extern const LayerDef kHeader;

inline constexpr std::string_view kCommandTable = "pldm.command";

enum Type : std::uint8_t {
  kBase = 0x00,
  kSmbios = 0x01,
  kPlatform = 0x02,
  kBios = 0x03,
  kFru = 0x04,
  kFirmwareUpdate = 0x05,
  kRde = 0x06,
  kFileTransfer = 0x07,
  kOem = 0x3F,
};

/// The bind key of a PLDM command layer.
constexpr BindDef command_binding(std::uint8_t type, std::uint8_t command, bool request) {
  return BindDef{kCommandTable, Key{type, command, request ? 1u : 0u}};
}

/// Registers the header and every PLDM type below.
void register_pldm(Registry& registry);

void register_base(Registry& registry);             // type 0
void register_platform(Registry& registry);         // type 2, with PDRs
void register_fru(Registry& registry);              // type 4
void register_firmware_update(Registry& registry);  // type 5
void register_other_types(Registry& registry);      // SMBIOS, BIOS, RDE, file transfer, OEM

}  // namespace mctpkit::pldm
