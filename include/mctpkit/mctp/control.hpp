#pragma once
// MCTP control messages (message type 0x00, DSP0236 section 12).

#include <span>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::mctp {

/// Control header: rq, d, iid, command (alias cmd), and cc on responses. The command layer is
/// found in table "mctpc.command" by (command, rq). A response whose cc is not success may end
/// after the cc: its command layer then has no fields and no diagnostic.
extern const LayerDef kControlHeader;

inline constexpr std::string_view kControlCommandTable = "mctpc.command";

enum ControlCommand : std::uint8_t {
  kSetEndpointId = 0x01,
  kGetEndpointId = 0x02,
  kGetEndpointUuid = 0x03,
  kGetMctpVersionSupport = 0x04,
  kGetMessageTypeSupport = 0x05,
  kGetVendorDefinedMessageSupport = 0x06,
  kResolveEndpointId = 0x07,
  kAllocateEndpointIds = 0x08,
  kRoutingInformationUpdate = 0x09,
  kGetRoutingTableEntries = 0x0A,
  kPrepareForEndpointDiscovery = 0x0B,
  kEndpointDiscovery = 0x0C,
  kDiscoveryNotify = 0x0D,
  kGetNetworkId = 0x0E,
  kQueryHop = 0x0F,
  kResolveUuid = 0x10,
  kQueryRateLimit = 0x11,
  kRequestTxRateLimit = 0x12,
  kUpdateRateLimit = 0x13,
  kQuerySupportedInterfaces = 0x14,
};

/// Every control command layer, requests and responses (two per command).
std::span<const LayerDef* const> control_command_layers();

/// Names of physical transport bindings (DSP0239) and media, shared with other layers.
extern const std::span<const EnumEntry> kBindingNames;
extern const std::span<const EnumEntry> kMediumNames;

void register_control(Registry& registry);

}  // namespace mctpkit::mctp
