// MCTP control commands answered as DSP0236 says (protocol reference 3.4), for a simple
// endpoint, a bridge and a bus owner. Malformed requests never reach these handlers (the
// responder answers them ERROR_INVALID_LENGTH / ERROR_INVALID_DATA from the decoder's findings);
// a handler checks only the values.

#include <algorithm>

#include "detail/handlers.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::endpoint::detail {

namespace {

using namespace mctp;

constexpr std::uint8_t kVersionNotSupported = 0x80;  // Get MCTP Version Support
constexpr std::uint8_t kRoutingTableFull = 0x80;     // Routing Information Update
constexpr std::size_t kMaxRoutes = 64;

bool is_assignable(std::uint64_t eid) { return eid >= 8 && eid <= 0xFE; }

std::uint8_t pool_status(const EndpointState& ep) {
  if (ep.config.role != Role::Bridge || ep.config.pool_size == 0) return 0;  // no pool
  return ep.pool_allocated ? 2 : 1;                                          // assigned / required
}

Reply set_endpoint_id(const Request& r) {
  EndpointState& ep = r.endpoint;
  std::uint64_t op = r.body->num("op");
  std::uint64_t eid = r.body->num("eid");
  std::uint64_t status = 0;  // accepted
  switch (op) {
    case 0:    // set
    case 1: {  // force
      if (!is_assignable(eid)) return control_reply(r, kCcInvalidData);
      // A plain Set from another bus owner than the one that assigned the EID is rejected.
      if (op == 0 && ep.eid != 0 && ep.bus_owner_physical && r.source_physical &&
          *ep.bus_owner_physical != *r.source_physical) {
        status = 1;
        break;
      }
      ep.eid = static_cast<std::uint8_t>(eid);
      ep.bus_owner_physical = r.source_physical;
      ep.discovered = true;
      break;
    }
    case 2:  // reset to the static EID
      if (!ep.config.static_eid) return control_reply(r, kCcInvalidData);
      ep.eid = *ep.config.static_eid;
      break;
    default:  // set discovered flag
      ep.discovered = true;
      break;
  }
  return control_reply(r, kCcSuccess,
                       make(r.registry, "set_endpoint_id_rsp",
                            {{"assign_status", status}, {"eid_alloc_status", pool_status(ep)},
                             {"eid_setting", ep.eid}, {"eid_pool_size", ep.config.pool_size}}));
}

Reply get_endpoint_id(const Request& r) {
  const EndpointState& ep = r.endpoint;
  std::uint64_t eid_type = 0;  // dynamic only
  if (ep.config.static_eid) eid_type = ep.eid == *ep.config.static_eid ? 2 : 3;
  return control_reply(r, kCcSuccess,
                       make(r.registry, "get_endpoint_id_rsp",
                            {{"eid", ep.eid}, {"endpoint_type", routes_traffic(ep) ? 1 : 0}, {"eid_type", eid_type},
                             {"medium_specific", 0}}));
}

Reply get_endpoint_uuid(const Request& r) {
  return control_reply(r, kCcSuccess, make(r.registry, "get_endpoint_uuid_rsp", {{"uuid", r.endpoint.config.uuid}}));
}

// Versions per DSP0236 1.3.1 for the base specification and the control protocol; 1.0 for the
// binding specification of another supported message type.
Reply get_mctp_version_support(const Request& r) {
  std::uint64_t type = r.body->num("msg_type_number");
  std::vector<std::uint32_t> versions;
  if (type == 0xFF || type == kControl) {
    versions = {0xF1F0FF00, 0xF1F1FF00, 0xF1F2FF00, 0xF1F3F100};
  } else {
    const auto& types = r.endpoint.config.message_types;
    if (std::find(types.begin(), types.end(), type) == types.end()) return control_reply(r, kVersionNotSupported);
    versions = {0xF1F0F000};
  }
  std::vector<Fields> entries;
  const Layer probe = make(r.registry, "get_mctp_version_support_rsp");
  const FieldDef& list = probe.defs()[probe.index_of("versions")];
  for (std::uint32_t v : versions) entries.emplace_back(*list.element, std::initializer_list<FieldInit>{{"version", v}});
  return control_reply(r, kCcSuccess, make(r.registry, "get_mctp_version_support_rsp", {{"versions", entries}}));
}

// DSP0236's count is of the types besides control, which is not listed.
Reply get_message_type_support(const Request& r) {
  const Layer probe = make(r.registry, "get_message_type_support_rsp");
  const FieldDef& list = probe.defs()[probe.index_of("types")];
  std::vector<Fields> entries;
  for (std::uint8_t t : r.endpoint.config.message_types) {
    entries.emplace_back(*list.element, std::initializer_list<FieldInit>{{"msg_type", t}});
  }
  return control_reply(r, kCcSuccess, make(r.registry, "get_message_type_support_rsp", {{"types", entries}}));
}

Reply get_vendor_defined_message_support(const Request& r) {
  const auto& sets = r.endpoint.config.vendor_sets;
  std::uint64_t selector = r.body->num("selector");
  if (selector >= sets.size()) return control_reply(r, kCcInvalidData);
  const VendorSet& set = sets[selector];
  std::uint64_t next = selector + 1 < sets.size() ? selector + 1 : 0xFF;
  Layer body = make(r.registry, "get_vendor_defined_message_support_rsp",
                    {{"next_selector", next}, {"format", set.format}, {"command_set", set.command_set}});
  body.set(set.format == 0 ? "pci_vendor_id" : "iana_enterprise", set.vendor_id);
  return control_reply(r, kCcSuccess, std::move(body));
}

Reply resolve_endpoint_id(const Request& r) {
  if (!routes_traffic(r.endpoint)) return control_reply(r, kCcUnsupported);
  std::uint64_t target = r.body->num("target_eid");
  const Route* route = route_to(r.endpoint, target);
  if (!route) return control_reply(r, kCcInvalidData);
  // A target behind a bridge is reached through the bridge, whose EID starts a bridge range.
  std::uint64_t bridge = route->entry_type == 1 || route->entry_type == 3 ? route->start_eid : target;
  return control_reply(r, kCcSuccess,
                       make(r.registry, "resolve_endpoint_id_rsp",
                            {{"bridge_eid", bridge}, {"phys_addr", route->physical_address}}));
}

Reply allocate_endpoint_ids(const Request& r) {
  EndpointState& ep = r.endpoint;
  if (ep.config.role != Role::Bridge) return control_reply(r, kCcUnsupported);
  std::uint64_t op = r.body->num("op");
  std::uint64_t count = r.body->num("pool_size");
  std::uint64_t start = r.body->num("start_eid");
  std::uint64_t status = 0;
  if (op == 3) return control_reply(r, kCcInvalidData);
  if (op != 2) {
    if (count > ep.config.pool_size) return control_reply(r, kCcInvalidData);
    if (count > 0 && (!is_assignable(start) || start + count > 0xFF)) return control_reply(r, kCcInvalidData);
    // A pool is taken from the first bus owner that gave one, unless forced.
    if (op == 0 && ep.pool_allocated && ep.bus_owner_physical && r.source_physical &&
        *ep.bus_owner_physical != *r.source_physical) {
      status = 1;
    } else {
      ep.pool_allocated = count > 0;
      ep.allocated_start = static_cast<std::uint8_t>(count > 0 ? start : 0);
      ep.allocated_size = static_cast<std::uint8_t>(count);
    }
  }
  return control_reply(r, kCcSuccess,
                       make(r.registry, "allocate_endpoint_ids_rsp",
                            {{"status", status}, {"pool_size", ep.config.pool_size},
                             {"start_eid", ep.pool_allocated ? ep.allocated_start : 0}}));
}

// Entries are read from the raw body: all entries have one size, and the physical address
// length is the link's (DSP0236: implied by the bus).
Reply routing_information_update(const Request& r) {
  EndpointState& ep = r.endpoint;
  if (!routes_traffic(ep)) return control_reply(r, kCcUnsupported);
  std::uint64_t count = r.body->num("count");
  std::size_t entry_size = 3 + r.address_size;
  const Layer& body = *r.body;
  Bytes raw;
  for (const Fields& item : body.items("entries")) {
    raw.push_back(static_cast<std::uint8_t>(item.num("entry_type")));
    raw.push_back(static_cast<std::uint8_t>(item.num("range_size")));
    raw.push_back(static_cast<std::uint8_t>(item.num("first_eid")));
    const Bytes& addr = item.bytes("phys_addr");
    raw.insert(raw.end(), addr.begin(), addr.end());
  }
  if (count == 0 || raw.size() != count * entry_size) return control_reply(r, kCcInvalidLength);
  std::vector<Route> routes = ep.config.routes;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint8_t* e = raw.data() + i * entry_size;
    if ((e[0] & 0xFC) != 0 || e[1] == 0 || !is_assignable(e[2])) return control_reply(r, kCcInvalidData);
    Route route;
    route.entry_type = e[0] & 0x03;
    route.range_size = e[1];
    route.start_eid = e[2];
    route.is_static = false;
    route.binding = r.link == "smbus" ? 0x01 : 0x00;
    route.physical_address.assign(e + 3, e + entry_size);
    // An entry replaces the one for the same EIDs.
    std::erase_if(routes, [&](const Route& old) { return !old.is_static && old.start_eid == route.start_eid; });
    routes.push_back(std::move(route));
  }
  if (routes.size() > kMaxRoutes) return control_reply(r, kRoutingTableFull);
  ep.config.routes = std::move(routes);
  return control_reply(r, kCcSuccess, make(r.registry, "routing_information_update_rsp"));
}

// As many whole entries as fit in one transmission unit, from the entry `handle`.
Reply get_routing_table_entries(const Request& r) {
  const EndpointState& ep = r.endpoint;
  if (!routes_traffic(ep)) return control_reply(r, kCcUnsupported);
  if (!ep.config.routing_ready) return control_reply(r, kCcNotReady);
  const auto& routes = ep.config.routes;
  std::uint64_t handle = r.body->num("handle");
  if (handle > routes.size() || (handle == routes.size() && handle != 0)) return control_reply(r, kCcInvalidData);
  const Layer probe = make(r.registry, "get_routing_table_entries_rsp");
  const FieldDef& list = probe.defs()[probe.index_of("entries")];
  std::vector<Fields> entries;
  std::size_t used = 6;  // message header byte, control header, cc, next handle, count
  std::size_t i = handle;
  for (; i < routes.size(); ++i) {
    const Route& route = routes[i];
    std::size_t size = 6 + route.physical_address.size();
    if (!entries.empty() && used + size > ep.config.mtu) break;
    used += size;
    entries.emplace_back(*list.element, std::initializer_list<FieldInit>{
                                            {"range_size", route.range_size},
                                            {"start_eid", route.start_eid},
                                            {"entry_type", route.entry_type},
                                            {"static", route.is_static ? 1 : 0},
                                            {"port", route.port},
                                            {"binding", route.binding},
                                            {"medium", route.medium},
                                            {"phys_addr", route.physical_address}});
  }
  std::uint64_t next = i < routes.size() ? i : 0xFF;
  return control_reply(r, kCcSuccess,
                       make(r.registry, "get_routing_table_entries_rsp", {{"next_handle", next}, {"entries", entries}}));
}

// Discovery commands belong to bindings with a discovered flag; SMBus has none (DSP0236 says
// such devices answer ERROR_UNSUPPORTED_CMD).
bool has_discovery(const Request& r) { return r.link != "smbus"; }

Reply prepare_for_endpoint_discovery(const Request& r) {
  if (!has_discovery(r)) return control_reply(r, kCcUnsupported);
  r.endpoint.discovered = false;
  return control_reply(r, kCcSuccess, make(r.registry, "prepare_for_endpoint_discovery_rsp"));
}

Reply endpoint_discovery(const Request& r) {
  if (!has_discovery(r)) return control_reply(r, kCcUnsupported);
  if (r.endpoint.discovered) return std::nullopt;  // only undiscovered endpoints answer
  return control_reply(r, kCcSuccess, make(r.registry, "endpoint_discovery_rsp"));
}

// Discovery Notify goes from an endpoint to its bus owner: a bus owner or bridge accepts it.
Reply discovery_notify(const Request& r) {
  if (!routes_traffic(r.endpoint)) return control_reply(r, kCcUnsupported);
  return control_reply(r, kCcSuccess, make(r.registry, "discovery_notify_rsp"));
}

Reply get_network_id(const Request& r) {
  if (!r.endpoint.config.network_id) return control_reply(r, kCcUnsupported);
  return control_reply(r, kCcSuccess,
                       make(r.registry, "get_network_id_rsp", {{"network_id", *r.endpoint.config.network_id}}));
}

Reply query_hop(const Request& r) {
  const EndpointState& ep = r.endpoint;
  if (!routes_traffic(ep)) return control_reply(r, kCcUnsupported);
  std::uint64_t target = r.body->num("target_eid");
  if (target == 0 || target == 0xFF) return control_reply(r, kCcInvalidData);
  std::uint64_t next_hop = 0;  // local to the requester's bus, or this bridge itself
  if (target != ep.eid) {
    const Route* route = route_to(ep, target);
    if (!route) return control_reply(r, kCcInvalidData);
    if (route->entry_type == 1 && target != route->start_eid) next_hop = route->start_eid;
    if (route->entry_type == 3) next_hop = route->start_eid;
  }
  std::uint64_t tu = ep.config.mtu > 64 ? (ep.config.mtu - 64) / 16 : 0;
  return control_reply(r, kCcSuccess,
                       make(r.registry, "query_hop_rsp",
                            {{"next_hop_eid", next_hop}, {"msg_type", r.body->num("msg_type")},
                             {"max_incoming_tu", tu}, {"max_outgoing_tu", tu}}));
}

Reply query_rate_limit(const Request& r) {
  const EndpointState& ep = r.endpoint;
  if (!ep.config.rate_limit) return control_reply(r, kCcUnsupported);
  const RateLimit& rl = *ep.config.rate_limit;
  return control_reply(r, kCcSuccess,
                       make(r.registry, "query_rate_limit_rsp",
                            {{"rx_buffer_size", rl.rx_buffer_size}, {"max_rx_rate", rl.max_rx_rate},
                             {"max_tx_rate", rl.max_tx_rate}, {"min_tx_rate", rl.min_tx_rate},
                             {"max_burst", rl.max_burst}, {"tx_burst", ep.tx_burst}, {"tx_rate_limit", ep.tx_rate},
                             {"unrequested_only", 0}, {"tx_limiting", rl.max_tx_rate > 0 ? 1 : 0}}));
}

Reply request_tx_rate_limit(const Request& r) {
  EndpointState& ep = r.endpoint;
  if (!ep.config.rate_limit) return control_reply(r, kCcUnsupported);
  const RateLimit& rl = *ep.config.rate_limit;
  std::uint64_t burst = r.body->num("burst");
  std::uint64_t rate = r.body->num("rate");
  if (burst != 0 && (rl.max_tx_rate == 0 || burst > rl.max_burst || rate > rl.max_tx_rate || rate < rl.min_tx_rate)) {
    return control_reply(r, kCcInvalidData);
  }
  ep.tx_burst = static_cast<std::uint32_t>(burst);
  ep.tx_rate = burst == 0 ? 0 : static_cast<std::uint32_t>(rate);
  return control_reply(r, kCcSuccess,
                       make(r.registry, "request_tx_rate_limit_rsp", {{"burst", ep.tx_burst}, {"rate", ep.tx_rate}}));
}

Reply update_rate_limit(const Request& r) {
  if (!r.endpoint.config.rate_limit) return control_reply(r, kCcUnsupported);
  return control_reply(r, kCcSuccess, make(r.registry, "update_rate_limit_rsp"));
}

}  // namespace

bool routes_traffic(const EndpointState& ep) { return ep.config.role != Role::Endpoint; }

const Route* route_to(const EndpointState& ep, std::uint64_t eid) {
  for (const Route& route : ep.config.routes) {
    if (eid >= route.start_eid && eid < route.start_eid + route.range_size) return &route;
  }
  return nullptr;
}

HandlerTable control_handlers() {
  HandlerTable t;
  t.add(Key{kSetEndpointId}, set_endpoint_id);
  t.add(Key{kGetEndpointId}, get_endpoint_id);
  t.add(Key{kGetEndpointUuid}, get_endpoint_uuid);
  t.add(Key{kGetMctpVersionSupport}, get_mctp_version_support);
  t.add(Key{kGetMessageTypeSupport}, get_message_type_support);
  t.add(Key{kGetVendorDefinedMessageSupport}, get_vendor_defined_message_support);
  t.add(Key{kResolveEndpointId}, resolve_endpoint_id);
  t.add(Key{kAllocateEndpointIds}, allocate_endpoint_ids);
  t.add(Key{kRoutingInformationUpdate}, routing_information_update);
  t.add(Key{kGetRoutingTableEntries}, get_routing_table_entries);
  t.add(Key{kPrepareForEndpointDiscovery}, prepare_for_endpoint_discovery);
  t.add(Key{kEndpointDiscovery}, endpoint_discovery);
  t.add(Key{kDiscoveryNotify}, discovery_notify);
  t.add(Key{kGetNetworkId}, get_network_id);
  t.add(Key{kQueryHop}, query_hop);
  t.add(Key{kQueryRateLimit}, query_rate_limit);
  t.add(Key{kRequestTxRateLimit}, request_tx_rate_limit);
  t.add(Key{kUpdateRateLimit}, update_rate_limit);
  return t;
}

}  // namespace mctpkit::endpoint::detail
