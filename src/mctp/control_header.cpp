#include "mctpkit/core/text_append.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::mctp {

namespace {

constexpr EnumEntry kCommandNames[] = {
    {kSetEndpointId, "set_endpoint_id"},
    {kGetEndpointId, "get_endpoint_id"},
    {kGetEndpointUuid, "get_endpoint_uuid"},
    {kGetMctpVersionSupport, "get_mctp_version_support"},
    {kGetMessageTypeSupport, "get_message_type_support"},
    {kGetVendorDefinedMessageSupport, "get_vendor_defined_message_support"},
    {kResolveEndpointId, "resolve_endpoint_id"},
    {kAllocateEndpointIds, "allocate_endpoint_ids"},
    {kRoutingInformationUpdate, "routing_information_update"},
    {kGetRoutingTableEntries, "get_routing_table_entries"},
    {kPrepareForEndpointDiscovery, "prepare_for_endpoint_discovery"},
    {kEndpointDiscovery, "endpoint_discovery"},
    {kDiscoveryNotify, "discovery_notify"},
    {kGetNetworkId, "get_network_id"},
    {kQueryHop, "query_hop"},
    {kResolveUuid, "resolve_uuid"},
    {kQueryRateLimit, "query_rate_limit"},
    {kRequestTxRateLimit, "request_tx_rate_limit"},
    {kUpdateRateLimit, "update_rate_limit"},
    {kQuerySupportedInterfaces, "query_supported_interfaces"},
};

constexpr EnumEntry kCompletionCodes[] = {
    {0x00, "success"},
    {0x01, "error"},
    {0x02, "error_invalid_data"},
    {0x03, "error_invalid_length"},
    {0x04, "error_not_ready"},
    {0x05, "error_unsupported_cmd"},
};

// The table's own values are read by place (field_index(), after the table).
bool is_response(const Fields& f);

constexpr FieldDef kFields[] = {
    flag("rq").fallback(1).titled("Request"),
    flag("d").titled("Datagram"),
    flag("reserved").reserved(),
    bits("iid", 5).also("instance_id").titled("Instance ID"),
    u8("command").hex().names(kCommandNames).also("cmd").titled("Command code"),
    u8("cc").hex().names(kCompletionCodes).when(is_response).also("completion_code").titled("Completion code"),
};

constexpr std::size_t kRq = field_index(kFields, "rq"), kIid = field_index(kFields, "iid"),
                      kCommand = field_index(kFields, "command"), kCc = field_index(kFields, "cc");

bool is_response(const Fields& f) { return f.num_at(kRq) == 0; }

void summarize(const Layer& l, std::string& out) {
  const bool response = is_response(l);
  TextBuffer text(out);
  text.put(response ? "CONTROL RSP (instance_id: " : "CONTROL REQ (instance_id: ");
  text.decimal(l.num_at(kIid));
  text.put(", cmd_code=");
  text.decimal(l.num_at(kCommand));
  if (response) {
    text.put(", completion_code=");
    text.decimal(l.num_at(kCc));
  }
  text.put(')');
}

}  // namespace

const LayerDef kControlHeader{
    .id = "control",
    .title = "MCTP control message",
    .abbrev = "mctpc",
    .fields = kFields,
    .summary_fn = summarize,
    .next = {.table = kControlCommandTable,
             .key = {"command", "rq"},
             .body_optional = [](const Layer& l) { return is_response(l) && l.num_at(kCc) != 0; },
             // PyMCTP shows the command layer of an error response, with default values.
             .show_empty_body = true},
    .bind = {kMessageTypeTable, Key{kControl}},
};

void register_control(Registry& registry) {
  registry.declare(kControlHeader);
  for (const LayerDef* def : control_command_layers()) registry.declare(*def);
}

}  // namespace mctpkit::mctp
