// Every MCTP control command, request and response, declared once (layouts: DSP0236 section 12,
// as summarized in the protocol reference section 3.4). Multi-byte fields are big-endian.

#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::mctp {

namespace {

constexpr LayerDef command(std::string_view id, std::string_view craft, std::string_view title,
                           std::string_view abbrev, std::uint8_t code, bool request,
                           std::span<const FieldDef> fields, std::string_view summary) {
  return LayerDef{.id = id,
                  .craft_name = craft,
                  .title = title,
                  .abbrev = abbrev,
                  .fields = fields,
                  .summary = summary,
                  .bind = {kControlCommandTable, Key{code, request ? 1u : 0u}}};
}

constexpr EnumEntry kBindings[] = {
    {0x00, "unspecified"}, {0x01, "smbus"}, {0x02, "pcie_vdm"}, {0x03, "usb"},  {0x04, "kcs"},
    {0x05, "serial"},      {0x06, "i3c"},   {0x07, "mmbi"},     {0x08, "pcc"},  {0x09, "ucie"},
    {0xFF, "vendor"},
};

// Physical medium identifiers (DSP0239; single source, see the protocol reference 2.3).
constexpr EnumEntry kMedia[] = {
    {0x00, "unspecified"},      {0x01, "smbus_2_100k"},    {0x02, "smbus_i2c_100k"},  {0x03, "i2c_100k"},
    {0x04, "smbus3_i2c_400k"},  {0x05, "smbus3_i2c_1m"},   {0x06, "i2c_3m4"},         {0x08, "pcie_1_1"},
    {0x09, "pcie_2_0"},         {0x0A, "pcie_2_1"},        {0x0B, "pcie_3_0"},        {0x0C, "pcie_4_0"},
    {0x0D, "pcie_5_0"},         {0x0F, "pci"},             {0x10, "usb_1_1"},         {0x11, "usb_2_0"},
    {0x12, "usb_3_0"},          {0x18, "ncsi_rbt"},        {0x20, "kcs_legacy"},      {0x21, "kcs_pci"},
    {0x22, "serial_host_legacy"}, {0x23, "serial_host_pci"}, {0x24, "async_serial"},  {0x30, "i3c"},
};

// ---- 0x01 Set Endpoint ID ----------------------------------------------------------------------
constexpr EnumEntry kSetEidOps[] = {{0, "set"}, {1, "force"}, {2, "reset"}, {3, "set_disc"}};
constexpr EnumEntry kAssignStatus[] = {{0, "accepted"}, {1, "rejected"}};
constexpr EnumEntry kAllocStatus[] = {{0, "no_pool"}, {1, "pool_required"}, {2, "pool_assigned"}};

constexpr FieldDef kSetEidReq[] = {
    bits("reserved", 6).reserved(),
    bits("op", 2).names(kSetEidOps).titled("Operation"),
    u8("eid").hex().titled("Endpoint ID"),
};
constexpr FieldDef kSetEidRsp[] = {
    bits("reserved", 2).reserved(),
    bits("assign_status", 2).names(kAssignStatus).titled("EID assignment status"),
    bits("reserved2", 2).reserved(),
    bits("eid_alloc_status", 2).names(kAllocStatus).titled("EID allocation status"),
    u8("eid_setting").hex().titled("EID setting"),
    u8("eid_pool_size").titled("EID pool size"),
};

// ---- 0x02 Get Endpoint ID ----------------------------------------------------------------------
constexpr EnumEntry kEndpointTypes[] = {{0, "simple"}, {1, "busowner"}};
constexpr EnumEntry kEidTypes[] = {
    {0, "dynamic"}, {1, "static_eid_supported"}, {2, "static_eid_match"}, {3, "static_eid_mismatch"}};

constexpr FieldDef kGetEidRsp[] = {
    u8("eid").hex().titled("Endpoint ID"),
    bits("reserved", 2).reserved(),
    bits("endpoint_type", 2).names(kEndpointTypes).titled("Endpoint type"),
    bits("reserved2", 2).reserved(),
    bits("eid_type", 2).names(kEidTypes).titled("Endpoint ID type"),
    u8("medium_specific").hex().titled("Medium-specific information"),
};

// ---- 0x03 Get Endpoint UUID / 0x0E Get Network ID ----------------------------------------------
constexpr FieldDef kUuidRsp[] = {uuid("uuid").titled("UUID")};
constexpr FieldDef kNetworkIdRsp[] = {uuid("network_id").titled("Network ID")};

// ---- 0x04 Get MCTP Version Support -------------------------------------------------------------
// Version entries are big-endian, major first (PyMCTP read them little-endian; see compat errata).
constexpr FieldDef kVersionEntry[] = {u32("version").show(Display::Version32).titled("Version")};
constexpr StructDef kVersionStruct{"version_entry", kVersionEntry, "0x{version:08X}", ", ", "Version entry"};

constexpr FieldDef kVersionReq[] = {
    u8("msg_type_number").hex().titled("Message type number (0xFF = base specification)"),
};
constexpr FieldDef kVersionRsp[] = {
    u8("count").count_of("versions").titled("Version entry count"),
    list("versions", kVersionStruct).length_from("count").titled("Versions"),
};

// ---- 0x05 Get Message Type Support -------------------------------------------------------------
// DSP0236's text counts only the types besides control, mctpd lists control too: the count
// field is taken as the number of type bytes that follow, which reads both.
constexpr FieldDef kTypeEntry[] = {u8("msg_type").hex().names(kMessageTypeNames).titled("Message type")};
constexpr StructDef kTypeStruct{"message_type", kTypeEntry, "{msg_type}", ", ", "Message type"};

constexpr FieldDef kMsgTypeRsp[] = {
    u8("count").count_of("types").titled("Message type count"),
    list("types", kTypeStruct).length_from("count").titled("Message types"),
};

// ---- 0x06 Get Vendor Defined Message Support ---------------------------------------------------
constexpr EnumEntry kVendorIdFormats[] = {{0, "pci"}, {1, "iana"}};
constexpr FieldDef kVendorReq[] = {u8("selector").hex().titled("Vendor ID set selector")};
constexpr FieldDef kVendorRsp[] = {
    u8("next_selector").hex().titled("Next vendor ID set selector (0xFF = none)"),
    u8("format").names(kVendorIdFormats).titled("Vendor ID format"),
    u16("pci_vendor_id").hex().when([](const Fields& f) { return f.num("format") == 0; }).titled("PCI vendor ID"),
    u32("iana_enterprise").when([](const Fields& f) { return f.num("format") == 1; }).titled("IANA enterprise number"),
    u16("command_set").hex().titled("Command set type/version"),
};

// ---- 0x07 Resolve Endpoint ID ------------------------------------------------------------------
// The physical address format is the binding's (1 byte on SMBus, a 2-byte BDF on PCIe): kept as bytes.
constexpr FieldDef kResolveEidReq[] = {u8("target_eid").hex().titled("Target endpoint ID")};
constexpr FieldDef kResolveEidRsp[] = {
    u8("bridge_eid").hex().titled("Bridge endpoint ID"),
    bytes("phys_addr").titled("Physical address"),
};

// ---- 0x08 Allocate Endpoint IDs ----------------------------------------------------------------
constexpr EnumEntry kAllocOps[] = {{0, "allocate"}, {1, "force"}, {2, "get_info"}, {3, "reserved"}};
constexpr EnumEntry kAllocResult[] = {{0, "accepted"}, {1, "rejected"}};
constexpr FieldDef kAllocReq[] = {
    bits("reserved", 6).reserved(),
    bits("op", 2).names(kAllocOps).titled("Operation"),
    u8("pool_size").titled("Number of EIDs in the pool"),
    u8("start_eid").hex().titled("Starting EID"),
};
constexpr FieldDef kAllocRsp[] = {
    bits("reserved", 6).reserved(),
    bits("status", 2).names(kAllocResult).titled("Allocation status"),
    u8("pool_size").titled("Dynamic EID pool size"),
    u8("start_eid").hex().titled("First EID of the allocated pool"),
};

// ---- 0x09 Routing Information Update -----------------------------------------------------------
// DSP0236 prints the entry type as bits [3:0] with 2-bit values; the low 2 bits are used.
constexpr EnumEntry kEntryTypes[] = {
    {0, "endpoint"}, {1, "bridge_and_range"}, {2, "bridge"}, {3, "range_behind_bridge"}};
constexpr FieldDef kUpdateEntry[] = {
    bits("reserved", 6).reserved(),
    bits("entry_type", 2).names(kEntryTypes).titled("Entry type"),
    u8("range_size").titled("EID range size"),
    u8("first_eid").hex().titled("First EID"),
    // The address length is implied by the bus; the entries share what the message leaves.
    bytes("phys_addr").titled("Physical address"),
};
constexpr StructDef kUpdateStruct{"routing_update_entry", kUpdateEntry,
                                  "[0x{first_eid:02X}:{range_size} {entry_type}]", " ", "Update entry"};
constexpr FieldDef kRoutingUpdateReq[] = {
    u8("count").count_of("entries").titled("Number of entries"),
    list("entries", kUpdateStruct).length_from("count").titled("Entries"),
};

// ---- 0x0A Get Routing Table Entries ------------------------------------------------------------
constexpr EnumEntry kStaticFlag[] = {{0, "dynamic"}, {1, "static"}};
constexpr FieldDef kRouteEntry[] = {
    u8("range_size").titled("EID range size"),
    u8("start_eid").hex().titled("Starting EID"),
    bits("entry_type", 2).names(kEntryTypes).titled("Entry type"),
    flag("static").names(kStaticFlag).titled("Static or dynamic"),
    bits("port", 5).titled("Port number"),
    u8("binding").hex().names(kBindings).titled("Physical transport binding"),
    u8("medium").hex().names(kMedia).titled("Physical medium"),
    u8("addr_size").length_of("phys_addr").titled("Physical address size"),
    bytes("phys_addr").length_from("addr_size").titled("Physical address"),
};
constexpr StructDef kRouteStruct{"routing_entry", kRouteEntry, " [0x{start_eid:02X}:{range_size}]", "",
                                 "Routing table entry"};
constexpr FieldDef kRoutingReq[] = {u8("handle").hex().titled("Entry handle")};
constexpr FieldDef kRoutingRsp[] = {
    u8("next_handle").hex().titled("Next entry handle (0xFF = none)"),
    u8("count").count_of("entries").titled("Number of entries"),
    list("entries", kRouteStruct).length_from("count").titled("Entries"),
};

// ---- 0x0F Query Hop ----------------------------------------------------------------------------
// DSP0236 1.3.1 prints the TU offsets as "4:5" and "5:6", a typo: two 16-bit fields are used.
constexpr FieldDef kQueryHopReq[] = {
    u8("target_eid").hex().titled("Target endpoint ID"),
    u8("msg_type").hex().titled("Message type"),
};
constexpr FieldDef kQueryHopRsp[] = {
    u8("next_hop_eid").hex().titled("Next bridge EID (0 = local)"),
    u8("msg_type").hex().titled("Message type (0xFF = all)"),
    u16("max_incoming_tu").titled("Maximum incoming unit (16-byte steps above 64)"),
    u16("max_outgoing_tu").titled("Maximum outgoing unit (16-byte steps above 64)"),
};

// ---- 0x10 Resolve UUID -------------------------------------------------------------------------
constexpr FieldDef kUuidEntry[] = {
    u8("eid").hex().titled("Endpoint ID"),
    u8("binding").hex().names(kBindings).titled("Physical transport binding"),
    u8("medium").hex().names(kMedia).titled("Physical medium"),
    u8("addr_size").length_of("phys_addr").titled("Physical address size"),
    bytes("phys_addr").length_from("addr_size").titled("Physical address"),
};
constexpr StructDef kUuidEntryStruct{"uuid_entry", kUuidEntry, "0x{eid:02X}", ", ", "Resolved endpoint"};
constexpr FieldDef kResolveUuidReq[] = {
    uuid("uuid").titled("Requested UUID"),
    u8("handle").hex().titled("Entry handle"),
};
constexpr FieldDef kResolveUuidRsp[] = {
    u8("next_handle").hex().titled("Next entry handle (0xFF = none)"),
    u8("count").count_of("entries").titled("Number of entries"),
    list("entries", kUuidEntryStruct).length_from("count").titled("Entries"),
};

// ---- 0x11 Query Rate Limit, 0x12 Request TX Rate Limit, 0x13 Update Rate Limit ------------------
constexpr FieldDef kQueryRateRsp[] = {
    u32("rx_buffer_size").titled("Receive buffer size (bytes)"),
    u32("max_rx_rate").titled("Maximum receive data rate (packets/s)"),
    u32("max_tx_rate").titled("Maximum supported TX rate (packets/s)"),
    u32("min_tx_rate").titled("Minimum supported TX rate (packets/s)"),
    u24("max_burst").titled("Maximum supported burst (packets)"),
    u24("tx_burst").titled("Present TX burst (packets)"),
    u32("tx_rate_limit").titled("Present TX rate limit (packets/s)"),
    bits("reserved", 6).reserved(),
    flag("unrequested_only").titled("Limiting applies to unrequested messages only"),
    flag("tx_limiting").titled("TX rate limiting supported"),
};
constexpr FieldDef kRateSetting[] = {
    u24("burst").titled("Burst size (packets)"),
    u32("rate").titled("Rate (packets/s)"),
};
// DSP0236 1.3.1 gives the response's burst field 4 bytes although the request's is 3: a 7-byte
// body is read as 3 + 4, an 8-byte body as 4 + 4; built with 4 bytes unless burst3 is set.
constexpr FieldDef kRequestTxRateRsp[] = {
    u32("burst").if_remaining_at_least(8).titled("Burst size in use (packets)"),
    u24("burst3")
        .if_remaining_below(8)
        .when([](const Fields& f) { return !f.has("burst"); })
        .titled("Burst size in use (packets, 3-byte form)"),
    u32("rate").titled("Rate in use (packets/s)"),
};

// ---- 0x14 Query Supported Interfaces -----------------------------------------------------------
// "Interface type" is an MCTP ID whose table DSP0236 does not name precisely; shown as a number.
constexpr FieldDef kInterfaceEntry[] = {
    u8("interface_type").hex().titled("Interface type"),
    u8("eid").hex().titled("Interface EID"),
};
constexpr StructDef kInterfaceStruct{"interface", kInterfaceEntry, "0x{eid:02X}", ", ", "Interface"};
constexpr FieldDef kInterfacesRsp[] = {
    u8("count").count_of("interfaces").titled("Interface count"),
    list("interfaces", kInterfaceStruct).length_from("count").titled("Interfaces"),
};

constexpr std::span<const FieldDef> kNone{};

// Request and response of every command. Summary texts follow PyMCTP where it decoded the
// command (compat doc section 1) and mctpkit's own "Name (field: value)" style elsewhere.
constexpr LayerDef kLayers[] = {
    command("set_endpoint_id_req", "set_endpoint_id", "Set Endpoint ID request", "mctpc.set_eid", kSetEndpointId,
            true, kSetEidReq, "SetEndpointIDPacket (eid: 0x{eid:02X}, op: {op})"),
    command("set_endpoint_id_rsp", "set_endpoint_id", "Set Endpoint ID response", "mctpc.set_eid", kSetEndpointId,
            false, kSetEidRsp,
            "SetEndpointIDPacket (assign_status: {assign_status}, eid_alloc_status: {eid_alloc_status}, "
            "eid_setting: 0x{eid_setting:02X}, eid_pool_size: {eid_pool_size})"),
    command("get_endpoint_id_req", "get_endpoint_id", "Get Endpoint ID request", "mctpc.get_eid", kGetEndpointId,
            true, kNone, "GetEndpointID"),
    command("get_endpoint_id_rsp", "get_endpoint_id", "Get Endpoint ID response", "mctpc.get_eid", kGetEndpointId,
            false, kGetEidRsp, "GetEndpointID (eid: {eid:02X}, type: {endpoint_type}, eid_type: {eid_type})"),
    command("get_endpoint_uuid_req", "get_endpoint_uuid", "Get Endpoint UUID request", "mctpc.get_uuid",
            kGetEndpointUuid, true, kNone, "GetEndpointUUIDPacket"),
    command("get_endpoint_uuid_rsp", "get_endpoint_uuid", "Get Endpoint UUID response", "mctpc.get_uuid",
            kGetEndpointUuid, false, kUuidRsp, "GetEndpointUUIDPacket"),
    command("get_mctp_version_support_req", "get_mctp_version_support", "Get MCTP Version Support request",
            "mctpc.get_version", kGetMctpVersionSupport, true, kVersionReq,
            "GetMctpVersionSupport (msg_type_number: {msg_type_number:d})"),
    command("get_mctp_version_support_rsp", "get_mctp_version_support", "Get MCTP Version Support response",
            "mctpc.get_version", kGetMctpVersionSupport, false, kVersionRsp, "GetMctpVersionSupport ({versions})"),
    command("get_message_type_support_req", "get_message_type_support", "Get Message Type Support request",
            "mctpc.get_msg_types", kGetMessageTypeSupport, true, kNone, "GetMessageTypeSupportPacket"),
    command("get_message_type_support_rsp", "get_message_type_support", "Get Message Type Support response",
            "mctpc.get_msg_types", kGetMessageTypeSupport, false, kMsgTypeRsp, "GetMessageTypeSupportPacket"),
    command("get_vendor_defined_message_support_req", "get_vendor_defined_message_support",
            "Get Vendor Defined Message Support request", "mctpc.get_vdm_support", kGetVendorDefinedMessageSupport,
            true, kVendorReq, "GetVendorDefinedMessageSupportPacket"),
    command("get_vendor_defined_message_support_rsp", "get_vendor_defined_message_support",
            "Get Vendor Defined Message Support response", "mctpc.get_vdm_support", kGetVendorDefinedMessageSupport,
            false, kVendorRsp, "GetVendorDefinedMessageSupportPacket"),
    command("resolve_endpoint_id_req", "resolve_endpoint_id", "Resolve Endpoint ID request", "mctpc.resolve_eid",
            kResolveEndpointId, true, kResolveEidReq, "ResolveEndpointIDPacket"),
    command("resolve_endpoint_id_rsp", "resolve_endpoint_id", "Resolve Endpoint ID response", "mctpc.resolve_eid",
            kResolveEndpointId, false, kResolveEidRsp, "ResolveEndpointIDPacket"),
    command("allocate_endpoint_ids_req", "allocate_endpoint_ids", "Allocate Endpoint IDs request",
            "mctpc.alloc_eids", kAllocateEndpointIds, true, kAllocReq, "AllocateEndpointIDsPacket"),
    command("allocate_endpoint_ids_rsp", "allocate_endpoint_ids", "Allocate Endpoint IDs response",
            "mctpc.alloc_eids", kAllocateEndpointIds, false, kAllocRsp, "AllocateEndpointIDsPacket"),
    command("routing_information_update_req", "routing_information_update", "Routing Information Update request",
            "mctpc.routing_update", kRoutingInformationUpdate, true, kRoutingUpdateReq,
            "RoutingInformationUpdatePacket"),
    command("routing_information_update_rsp", "routing_information_update", "Routing Information Update response",
            "mctpc.routing_update", kRoutingInformationUpdate, false, kNone, "RoutingInformationUpdatePacket"),
    command("get_routing_table_entries_req", "get_routing_table_entries", "Get Routing Table Entries request",
            "mctpc.routing_table", kGetRoutingTableEntries, true, kRoutingReq,
            "GetRoutingTableEntries (hdl=0x{handle:02X})"),
    command("get_routing_table_entries_rsp", "get_routing_table_entries", "Get Routing Table Entries response",
            "mctpc.routing_table", kGetRoutingTableEntries, false, kRoutingRsp,
            "GetRoutingTableEntries (next_hdl=0x{next_handle:02X}, cnt={count}) {entries}"),
    command("prepare_for_endpoint_discovery_req", "prepare_for_endpoint_discovery",
            "Prepare for Endpoint Discovery request", "mctpc.prepare_discovery", kPrepareForEndpointDiscovery, true,
            kNone, "PrepareForEndpointDiscoveryPacket"),
    command("prepare_for_endpoint_discovery_rsp", "prepare_for_endpoint_discovery",
            "Prepare for Endpoint Discovery response", "mctpc.prepare_discovery", kPrepareForEndpointDiscovery,
            false, kNone, "PrepareForEndpointDiscoveryPacket"),
    command("endpoint_discovery_req", "endpoint_discovery", "Endpoint Discovery request", "mctpc.discovery",
            kEndpointDiscovery, true, kNone, "EndpointDiscoveryPacket"),
    command("endpoint_discovery_rsp", "endpoint_discovery", "Endpoint Discovery response", "mctpc.discovery",
            kEndpointDiscovery, false, kNone, "EndpointDiscoveryPacket"),
    command("discovery_notify_req", "discovery_notify", "Discovery Notify request", "mctpc.discovery_notify",
            kDiscoveryNotify, true, kNone, "DiscoveryNotifyPacket"),
    command("discovery_notify_rsp", "discovery_notify", "Discovery Notify response", "mctpc.discovery_notify",
            kDiscoveryNotify, false, kNone, "DiscoveryNotifyPacket"),
    command("get_network_id_req", "get_network_id", "Get Network ID request", "mctpc.get_network_id",
            kGetNetworkId, true, kNone, "GetNetworkIDPacket"),
    command("get_network_id_rsp", "get_network_id", "Get Network ID response", "mctpc.get_network_id",
            kGetNetworkId, false, kNetworkIdRsp, "GetNetworkIDPacket"),
    command("query_hop_req", "query_hop", "Query Hop request", "mctpc.query_hop", kQueryHop, true, kQueryHopReq,
            "QueryHopPacket"),
    command("query_hop_rsp", "query_hop", "Query Hop response", "mctpc.query_hop", kQueryHop, false, kQueryHopRsp,
            "QueryHopPacket"),
    command("resolve_uuid_req", "resolve_uuid", "Resolve UUID request", "mctpc.resolve_uuid", kResolveUuid, true,
            kResolveUuidReq, "ResolveUUIDPacket"),
    command("resolve_uuid_rsp", "resolve_uuid", "Resolve UUID response", "mctpc.resolve_uuid", kResolveUuid, false,
            kResolveUuidRsp, "ResolveUUIDPacket"),
    command("query_rate_limit_req", "query_rate_limit", "Query Rate Limit request", "mctpc.query_rate_limit",
            kQueryRateLimit, true, kNone, "QueryRateLimitPacket"),
    command("query_rate_limit_rsp", "query_rate_limit", "Query Rate Limit response", "mctpc.query_rate_limit",
            kQueryRateLimit, false, kQueryRateRsp, "QueryRateLimitPacket"),
    command("request_tx_rate_limit_req", "request_tx_rate_limit", "Request TX Rate Limit request",
            "mctpc.request_tx_rate", kRequestTxRateLimit, true, kRateSetting, "RequestTxRateLimitPacket"),
    command("request_tx_rate_limit_rsp", "request_tx_rate_limit", "Request TX Rate Limit response",
            "mctpc.request_tx_rate", kRequestTxRateLimit, false, kRequestTxRateRsp, "RequestTxRateLimitPacket"),
    command("update_rate_limit_req", "update_rate_limit", "Update Rate Limit request", "mctpc.update_rate_limit",
            kUpdateRateLimit, true, kRateSetting, "UpdateRateLimitPacket"),
    command("update_rate_limit_rsp", "update_rate_limit", "Update Rate Limit response", "mctpc.update_rate_limit",
            kUpdateRateLimit, false, kNone, "UpdateRateLimitPacket"),
    command("query_supported_interfaces_req", "query_supported_interfaces", "Query Supported Interfaces request",
            "mctpc.interfaces", kQuerySupportedInterfaces, true, kNone, "QuerySupportedInterfacesPacket"),
    command("query_supported_interfaces_rsp", "query_supported_interfaces", "Query Supported Interfaces response",
            "mctpc.interfaces", kQuerySupportedInterfaces, false, kInterfacesRsp, "QuerySupportedInterfacesPacket"),
};

constexpr auto kLayerPointers = [] {
  std::array<const LayerDef*, std::size(kLayers)> out{};
  for (std::size_t i = 0; i < std::size(kLayers); ++i) out[i] = &kLayers[i];
  return out;
}();

}  // namespace

const std::span<const EnumEntry> kBindingNames = kBindings;
const std::span<const EnumEntry> kMediumNames = kMedia;

std::span<const LayerDef* const> control_command_layers() { return kLayerPointers; }

}  // namespace mctpkit::mctp
