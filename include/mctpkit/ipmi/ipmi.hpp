#pragma once
// IPMI messages as tools carry MCTP through a BMC: the IPMI message header (netFn/LUN, command)
// and Master Write-Read (netFn App, command 0x52), whose written bytes are an SMBus/I2C frame
// without its destination byte (binding::kSmbusNoDst) carrying an MCTP packet.

#include <cstdint>
#include <string_view>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::ipmi {

/// Fields: netfn (6 bits), lun (2), cmd (alias command), then the command layer, found in
/// kCommandTable by (netfn, cmd). The start of link "ipmi".
extern const LayerDef kHeader;
/// Master Write-Read request: channel, bus, bus_type, phys_addr (the 8-bit slave address byte as
/// on the wire; the carried frame's PEC covers it), read_count, then the written bytes.
extern const LayerDef kMasterWriteReadRequest;
/// Master Write-Read response: cc, then the bytes read.
extern const LayerDef kMasterWriteReadResponse;

/// Command layers bind here under Key{netfn, cmd}.
inline constexpr std::string_view kCommandTable = "ipmi.command";
/// What a Master Write-Read request writes (one entry, no key): the SMBus frame without its
/// destination byte.
inline constexpr std::string_view kWriteDataTable = "ipmi.mwr.write";

/// Network function codes of requests (IPMI v2.0); a response uses the code plus one.
enum NetFn : std::uint8_t {
  kChassis = 0x00,
  kBridge = 0x02,
  kSensorEvent = 0x04,
  kApp = 0x06,
  kFirmware = 0x08,
  kStorage = 0x0A,
  kTransport = 0x0C,
  kGroupExtension = 0x2C,
  kOemGroup = 0x2E,
  kOemFirst = 0x30,  // 0x30-0x3F: OEM
  kOemLast = 0x3F,
};

inline constexpr std::uint8_t kMasterWriteRead = 0x52;

/// The BindDef of an IPMI command layer.
constexpr BindDef command_binding(std::uint8_t netfn, std::uint8_t cmd) { return {kCommandTable, Key{netfn, cmd}}; }

/// Declares and binds this module's layers and the link "ipmi" into `registry`. The carried
/// frame's layer (binding::kSmbusNoDst) and what it carries are registered by their modules.
void register_ipmi(Registry& registry);

}  // namespace mctpkit::ipmi
