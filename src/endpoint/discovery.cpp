// Bus owner discovery (see discovery.hpp): Get Endpoint ID at every address, then EIDs for the
// dynamic endpoints, then message types and UUIDs. Requests are layer stacks built from the
// registry's declarations; responses are read through their decoded fields.

#include "mctpkit/endpoint/discovery.hpp"

#include <fmt/format.h>

#include <set>
#include <stdexcept>

#include "detail/handlers.hpp"
#include "mctpkit/core/format.hpp"

namespace mctpkit::endpoint {

namespace {

using detail::make;

constexpr std::uint8_t kNullEid = 0x00;

bool is_assignable(unsigned eid) { return eid >= 8 && eid <= 0xFE; }

// DSP0236 Get Endpoint ID EID types 1 ("static EID supported") and 2 ("static EID, current
// EID matches"): the endpoint uses its static EID and is not given one.
bool reports_static_eid(std::uint64_t eid_type) { return eid_type == 1 || eid_type == 2; }

std::string field_text(const Fields& fields, std::string_view name) {
  const std::size_t i = fields.index_of(name);
  return i == Fields::npos ? std::string() : format_value(fields.defs()[i], fields.value(i));
}

// What Get Endpoint ID told about one address.
struct Found {
  std::optional<std::uint8_t> address;
  std::uint8_t eid = 0;
  std::uint64_t eid_type = 0;
  std::string endpoint_type;
};

class Discovery {
 public:
  Discovery(exerciser::Exerciser& exerciser, const DiscoveryOptions& options, const Registry& registry)
      : options_(options), registry_(registry), requester_(exerciser, registry) {
    if (options_.on_unmatched) requester_.set_unmatched_listener(options_.on_unmatched);
    const LinkDef* link = registry.link(exerciser.link());
    if (link == nullptr) throw std::invalid_argument(fmt::format("discovery: the link '{}' is not known", exerciser.link()));
    // The binding layer is added here only when it carries a destination address to set per
    // request; otherwise the requester adds it.
    if (link->first->id != "mctp" && Layer(*link->first).index_of("dst") != Fields::npos) addressed_binding_ = link->first;
    if (addressed_binding_ == nullptr && !options_.addresses.empty()) {
      throw std::invalid_argument(
          fmt::format("discovery: the {} link has no physical addresses; leave the address list out", link->name));
    }
    if (addressed_binding_ != nullptr) {
      addresses_.assign(options_.addresses.begin(), options_.addresses.end());
      if (addresses_.empty()) {
        if (!exerciser.peer_address()) {
          throw std::invalid_argument("discovery: no physical address to ask (give addresses, or a peer address)");
        }
        addresses_.push_back(*exerciser.peer_address());
      }
    } else {
      addresses_.push_back(std::nullopt);
    }
  }

  DiscoveryResult run() {
    std::vector<Found> found;
    for (const std::optional<std::uint8_t>& address : addresses_) {
      if (stopped()) break;
      if (auto f = get_endpoint_id(address)) found.push_back(std::move(*f));
    }
    result_.answered = found.size();

    std::set<unsigned> taken{options_.own_eid};
    for (const Found& f : found) {
      if (reports_static_eid(f.eid_type) && is_assignable(f.eid)) taken.insert(f.eid);
    }
    for (const Found& f : found) {
      if (stopped()) break;
      DiscoveredEndpoint ep;
      ep.physical_address = f.address;
      ep.eid = f.eid;
      ep.endpoint_type = f.endpoint_type;
      if (reports_static_eid(f.eid_type) && is_assignable(f.eid)) {
        ep.static_eid = true;
      } else if (auto eid = assign(f.address, taken)) {
        ep.eid = *eid;
      } else {
        continue;
      }
      describe(ep);
      result_.endpoints.push_back(std::move(ep));
    }
    return std::move(result_);
  }

 private:
  // One control request: the binding layer (when addressed), MCTP from the bus owner's EID to
  // `eid`, the control header and the command's request layer.
  Frame control_request(const std::optional<std::uint8_t>& address, std::uint8_t eid, std::string_view command,
                        std::initializer_list<FieldInit> fields = {}) const {
    Frame frame;
    if (addressed_binding_ != nullptr) {
      Layer binding(*addressed_binding_);
      binding.set("dst", *address);
      if (options_.own_address) binding.set("src", *options_.own_address);
      frame.layers.push_back(std::move(binding));
    }
    frame.layers.push_back(make(registry_, "mctp", {{"dst", eid}, {"src", options_.own_eid}}));
    frame.layers.push_back(make(registry_, "control", {{"command", command}}));
    frame.layers.push_back(make(registry_, fmt::format("{}_req", command), fields));
    return frame;
  }

  void problem(const std::optional<std::uint8_t>& address, std::string_view command, ProblemKind kind,
               std::string detail) {
    result_.problems.push_back({address, std::string(command), kind, std::move(detail)});
  }

  bool stopped() {
    if (options_.stop != nullptr && options_.stop->load()) result_.stopped = true;
    return result_.stopped;
  }

  // Sends `request`; returns the response's command layer, or records why there is none.
  std::optional<Layer> ask(const std::optional<std::uint8_t>& address, std::string_view title, Frame request) {
    if (stopped()) return std::nullopt;
    const std::string rsp_id = fmt::format("{}_rsp", request.layers.back().def().name_for_craft());
    exerciser::Exchange x = requester_.request(std::move(request), options_.request);
    if (options_.on_exchange) options_.on_exchange(x);
    switch (x.outcome) {
      case exerciser::Outcome::Response: break;
      case exerciser::Outcome::ErrorCompletion: {
        const Layer* header = x.response->find("control");
        const std::string name = header ? field_text(*header, "cc") : std::string();
        const std::uint64_t cc = x.completion_code.value_or(0);
        problem(address, title, ProblemKind::ErrorCompletion,
                name.empty() || name.starts_with("0x") ? fmt::format("completion code 0x{:02X}", cc)
                                                       : fmt::format("completion code 0x{:02X} ({})", cc, name));
        return std::nullopt;
      }
      case exerciser::Outcome::NoResponse:
        problem(address, title, ProblemKind::NoResponse, x.detail);
        return std::nullopt;
      case exerciser::Outcome::UnexpectedResponse:
        problem(address, title, ProblemKind::UnexpectedResponse, x.detail);
        return std::nullopt;
    }
    const Layer* body = x.response->find(rsp_id);
    if (body == nullptr || !body->complete || body->is_placeholder()) {
      problem(address, title, ProblemKind::UnexpectedResponse, "the response's data is incomplete");
      return std::nullopt;
    }
    return *body;
  }

  std::optional<Found> get_endpoint_id(const std::optional<std::uint8_t>& address) {
    auto rsp = ask(address, "Get Endpoint ID", control_request(address, kNullEid, "get_endpoint_id"));
    if (!rsp) return std::nullopt;
    return Found{address, static_cast<std::uint8_t>(rsp->num("eid")), rsp->num("eid_type"),
                 field_text(*rsp, "endpoint_type")};
  }

  // Set Endpoint ID with the lowest free pool EID; returns the EID the endpoint then has.
  std::optional<std::uint8_t> assign(const std::optional<std::uint8_t>& address, std::set<unsigned>& taken) {
    unsigned next = options_.pool_first;
    while (next <= options_.pool_last && taken.contains(next)) ++next;
    if (next > options_.pool_last) {
      problem(address, "", ProblemKind::PoolExhausted,
              fmt::format("no EID left in the pool 0x{:02X}-0x{:02X}", options_.pool_first, options_.pool_last));
      return std::nullopt;
    }
    auto rsp = ask(address, "Set Endpoint ID",
                   control_request(address, kNullEid, "set_endpoint_id", {{"op", "set"}, {"eid", next}}));
    if (!rsp) return std::nullopt;
    const auto setting = static_cast<std::uint8_t>(rsp->num("eid_setting"));
    const bool usable = is_assignable(setting) && (setting == next || !taken.contains(setting));
    if (rsp->num("assign_status") != 0) {
      problem(address, "Set Endpoint ID", ProblemKind::Rejected,
              fmt::format("EID 0x{:02X} rejected; the endpoint keeps EID 0x{:02X}", next, setting));
    } else if (setting != next) {
      problem(address, "Set Endpoint ID", ProblemKind::NotAssigned,
              fmt::format("EID 0x{:02X} accepted, but the endpoint reports EID 0x{:02X}", next, setting));
    }
    if (!usable) return std::nullopt;
    taken.insert(setting);
    return setting;
  }

  // Message types and UUID, asked at the endpoint's EID.
  void describe(DiscoveredEndpoint& ep) {
    const auto& address = ep.physical_address;
    if (auto rsp = ask(address, "Get Message Type Support", control_request(address, ep.eid, "get_message_type_support"))) {
      std::vector<std::string> names;
      for (const Fields& item : rsp->items("types")) names.push_back(field_text(item, "msg_type"));
      ep.message_types = std::move(names);
    }
    if (auto rsp = ask(address, "Get Endpoint UUID", control_request(address, ep.eid, "get_endpoint_uuid"))) {
      ep.uuid = field_text(*rsp, "uuid");
    }
  }

  const DiscoveryOptions& options_;
  const Registry& registry_;
  exerciser::Requester requester_;
  const LayerDef* addressed_binding_ = nullptr;
  std::vector<std::optional<std::uint8_t>> addresses_;
  DiscoveryResult result_;
};

void check_options(const DiscoveryOptions& o) {
  if (!is_assignable(o.own_eid)) {
    throw std::invalid_argument(fmt::format("discovery: the bus owner's EID 0x{:02X} is not in 0x08-0xFE", o.own_eid));
  }
  if (!is_assignable(o.pool_first) || !is_assignable(o.pool_last) || o.pool_first > o.pool_last) {
    throw std::invalid_argument(fmt::format("discovery: the EID pool 0x{:02X}-0x{:02X} is not a range within 0x08-0xFE",
                                            o.pool_first, o.pool_last));
  }
  for (std::uint8_t a : o.addresses) {
    if (a > 0x7F) throw std::invalid_argument(fmt::format("discovery: address 0x{:02X} is not a 7-bit address", a));
  }
}

}  // namespace

std::string_view to_string(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::NoResponse: return "no response";
    case ProblemKind::ErrorCompletion: return "error completion";
    case ProblemKind::UnexpectedResponse: return "unexpected response";
    case ProblemKind::Rejected: return "rejected";
    case ProblemKind::NotAssigned: return "not assigned";
    case ProblemKind::PoolExhausted: return "pool exhausted";
  }
  return "unknown";
}

DiscoveryResult discover(exerciser::Exerciser& exerciser, const DiscoveryOptions& options, const Registry& registry) {
  check_options(options);
  return Discovery(exerciser, options, registry).run();
}

}  // namespace mctpkit::endpoint
