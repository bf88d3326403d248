// The responder: frames in, addressing and reassembly, dispatch to the handler tables, replies
// out (addresses swapped, fragmented at the endpoint's transmission unit).

#include "mctpkit/endpoint/responder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "detail/canned.hpp"
#include "detail/handlers.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::endpoint {

using detail::EndpointState;
using detail::HandlerTable;

namespace {

constexpr std::uint8_t kNullEid = 0x00;
constexpr std::uint8_t kBroadcastEid = 0xFF;

// The binding layer's physical addresses (a layer below MCTP with "dst" and "src" fields).
struct Physical {
  std::optional<std::uint8_t> dst, src;
};

Physical physical_of(const Frame& frame, std::size_t transport) {
  Physical p;
  for (std::size_t i = 0; i < transport; ++i) {
    const Layer& l = frame.layers[i];
    if (l.index_of("dst") != Fields::npos && l.index_of("src") != Fields::npos) {
      p.dst = static_cast<std::uint8_t>(l.num("dst"));
      p.src = static_cast<std::uint8_t>(l.num("src"));
    }
  }
  return p;
}

// The binding layers of a reply: the request's, going the other way: the addresses swapped,
// and a transfer direction turned (on I3C the controller wrote the request and reads the reply,
// and the PEC covers the direction bit). Derived fields (byte counts, checksums) are recomputed
// per packet by fragment().
std::vector<Layer> reply_binding(const Frame& request_packet, std::size_t transport) {
  std::vector<Layer> out;
  for (std::size_t i = 0; i < transport; ++i) {
    Layer l = request_packet.layers[i];
    std::size_t d = l.index_of("dst"), s = l.index_of("src");
    if (d != Fields::npos && s != Fields::npos) {
      std::uint64_t dst = l.num("dst");
      l.set_number(d, l.num("src"));
      l.set_number(s, dst);
    }
    if (std::size_t rnw = l.index_of("rnw"); rnw != Fields::npos) l.set_number(rnw, l.num("rnw") ^ 1);
    out.push_back(std::move(l));
  }
  return out;
}

// The completion code a request gets when its decoding found a problem, or nullopt.
std::optional<std::uint8_t> malformed_code(const Frame& message) {
  for (std::size_t i = 2; i < message.layers.size(); ++i) {
    if (message.layers[i].is(kRawLayer)) return detail::kCcInvalidLength;  // bytes beyond the command's fields
  }
  for (const Diagnostic& d : message.diagnostics) {
    if (d.layer == 0) continue;
    switch (d.kind) {
      case DiagKind::Truncated:
      case DiagKind::TrailingData: return detail::kCcInvalidLength;
      case DiagKind::Malformed:
      case DiagKind::Reserved: return detail::kCcInvalidData;
      default: break;
    }
  }
  return std::nullopt;
}

// An endpoint a frame reaches: directly at its physical address, or forwarded by a bridge of
// this process whose routing table covers the destination EID. A forwarded request reaches the
// endpoint from the bridge's physical address (the bridge rewrites the medium header), and the
// reply goes back out from the bridge's address, with the endpoint's EID.
struct Target {
  std::size_t index = 0;
  std::optional<std::uint8_t> bridge_physical;  // set when forwarded
  bool forwarded = false;
};

bool supports(const EndpointState& ep, std::uint8_t type) {
  if (type == mctp::kControl) return true;
  for (std::uint8_t t : ep.config.message_types) {
    if (t == type) return true;
  }
  return false;
}

}  // namespace

struct Responder::Impl {
  const Registry& registry;
  std::string link;
  std::size_t address_size = 0;
  std::vector<EndpointState> endpoints;
  mctp::Reassembler reassembler;
  HandlerTable control = detail::control_handlers();
  HandlerTable pldm;
  LogSink log;
  NoteSink notes;
  ClockSource clock = [] { return std::chrono::steady_clock::now(); };
  std::chrono::steady_clock::time_point start = clock();
  std::chrono::milliseconds uptime{0};  // of the frame being handled
  std::size_t transport_mtu = std::numeric_limits<std::size_t>::max();  // what the binding carries

  Impl(Config config, std::string link_name, const Registry& r)
      : registry(r), link(std::move(link_name)), reassembler(r) {
    for (EndpointConfig& c : config.endpoints) {
      EndpointState s;
      if (!c.pldm && std::find(c.message_types.begin(), c.message_types.end(), mctp::kPldm) != c.message_types.end()) {
        c.pldm = PldmModel{};
      }
      s.config = std::move(c);
      s.eid = s.config.eid;
      endpoints.push_back(std::move(s));
    }
    detail::add_pldm_base_handlers(pldm);
    detail::add_pldm_platform_handlers(pldm);
    detail::add_pldm_fru_handlers(pldm);
  }

  void log_frame(bool outgoing, ByteView wire, const Frame* decoded = nullptr) {
    if (!log) return;
    if (decoded) {
      log(LogEntry{outgoing, *decoded, wire});
    } else {
      Frame f = decode(wire, link, registry);
      log(LogEntry{outgoing, f, wire});
    }
  }

  // The reply layers from the message header up, or nothing.
  detail::Reply dispatch(EndpointState& ep, const Frame& message, const Physical& phys) {
    if (message.layers.size() < 2) return std::nullopt;
    const Layer& header = message.layers[1];
    std::uint8_t type = static_cast<std::uint8_t>(message.layers[0].num("msg_type"));
    const HandlerTable* table = nullptr;
    Key key;
    if (type == mctp::kControl && header.def().id == "control") {
      table = &control;
      key = Key{header.num("command")};
    } else if (type == mctp::kPldm && header.def().id == "pldm") {
      table = &pldm;
      key = Key{header.num("type"), header.num("command")};
    } else {
      return std::nullopt;
    }
    if (header.num("rq") != 1 || header.num("d") != 0) return std::nullopt;  // only requests are answered
    const Layer* body = message.layers.size() > 2 && !message.layers[2].is(kRawLayer) ? &message.layers[2] : nullptr;
    detail::Request request{message, *table, header, body, ep, registry, link, phys.src, address_size, uptime};
    auto error = [&](std::uint8_t cc) {
      return type == mctp::kControl ? detail::control_reply(request, cc) : detail::pldm_reply(request, cc);
    };
    if (type == mctp::kPldm) {
      auto served = detail::pldm_types(ep);
      if (std::find(served.begin(), served.end(), header.num("type")) == served.end()) {
        return error(0x20);  // ERROR_INVALID_PLDM_TYPE
      }
    }
    const detail::Handler* handler = table->find(key);
    if (!handler) return error(detail::kCcUnsupported);
    if (auto cc = malformed_code(message)) return error(*cc);
    // A command with request fields whose body did not decode at all is too short.
    Key request_key = type == mctp::kControl ? Key{key.parts[0], 1} : Key{key.parts[0], key.parts[1], 1};
    const LayerDef* request_def = registry.lookup(type == mctp::kControl ? mctp::kControlCommandTable : pldm::kCommandTable, request_key);
    if (!body && request_def && !request_def->fields.empty()) return error(detail::kCcInvalidLength);
    return (*handler)(request);
  }

  std::vector<Outgoing> on_message(const mctp::Event& event, const Frame& last_packet, std::size_t transport,
                                   const Physical& phys, const std::vector<Target>& targets) {
    std::vector<Outgoing> out;
    const Frame& message = event.message;
    if (message.layers.empty()) return out;
    const Layer& t = message.layers[0];
    if (t.num("to") != 1) return out;  // responses and unowned tags are not for a responder
    auto dst = static_cast<std::uint8_t>(t.num("dst"));
    auto type = static_cast<std::uint8_t>(t.num("msg_type"));
    for (const Target& target : targets) {
      EndpointState& ep = endpoints[target.index];
      bool for_us = (dst == ep.eid && ep.eid != kNullEid) ||
                    (!target.forwarded && (dst == kNullEid || (dst == kBroadcastEid && type == mctp::kControl)));
      Physical seen = target.forwarded ? Physical{ep.config.physical_address, target.bridge_physical} : phys;
      // A canned reply mined from a capture answers for the EID it was sent to there.
      const CannedReply* canned = detail::find_canned(ep.config.canned, event.body(), dst, for_us);
      if (!canned && (!for_us || !supports(ep, type))) continue;
      std::uint8_t reply_src = dst == kNullEid || dst == kBroadcastEid ? ep.eid : dst;
      if (canned && canned->source_eid) reply_src = *canned->source_eid;

      Frame reply;
      std::uint8_t type_byte = type;
      std::chrono::milliseconds delay{0};
      if (canned) {
        Bytes body = detail::answer_canned(*canned, event.body());
        Bytes packet{0x01, 0, 0, 0xC0};
        packet.insert(packet.end(), body.begin(), body.end());
        Frame decoded = decode(packet, "mctp", registry);
        reply.layers.assign(decoded.layers.begin() + 1, decoded.layers.end());
        type_byte = body[0];
        delay = canned->delay;
      } else {
        detail::Reply r = dispatch(ep, message, seen);
        if (!r) continue;
        reply = std::move(*r);
      }
      Frame whole;
      whole.layers = reply_binding(last_packet, transport);
      whole.layers.push_back(Layer(mctp::kTransport, {{"dst", t.num("src")},
                                                       {"src", reply_src},
                                                       {"to", 0},
                                                       {"tag", t.num("tag")},
                                                       {"ic", type_byte >> 7},
                                                       {"msg_type", type_byte & 0x7F}}));
      for (Layer& l : reply.layers) whole.layers.push_back(std::move(l));
      Outgoing o;
      o.delay = delay;
      o.frames = mctp::fragment_bytes(whole, std::min(ep.config.mtu, transport_mtu), registry);
      for (const Bytes& f : o.frames) log_frame(true, f);
      out.push_back(std::move(o));
    }
    return out;
  }

  std::vector<Outgoing> handle(ByteView wire) {
    uptime = std::chrono::duration_cast<std::chrono::milliseconds>(clock() - start);
    Frame packet = decode(wire, link, registry);
    log_frame(false, wire, &packet);
    std::size_t transport = mctp::transport_index(packet);
    if (transport == packet.layers.size()) return {};
    Physical phys = physical_of(packet, transport);
    std::vector<Target> targets;
    for (std::size_t i = 0; i < endpoints.size(); ++i) {
      const auto& own = endpoints[i].config.physical_address;
      if (!own || !phys.dst || *own == *phys.dst) targets.push_back(Target{i, std::nullopt, false});
    }
    if (phys.dst) add_forwarded(static_cast<std::uint8_t>(packet.layers[transport].num("dst")), targets);
    if (targets.empty()) return {};
    std::vector<Outgoing> out;
    for (const mctp::Event& e : reassembler.push(packet)) {
      if (e.kind != mctp::EventKind::Message) continue;
      for (Outgoing& o : on_message(e, packet, transport, phys, targets)) out.push_back(std::move(o));
    }
    return out;
  }

  // Adds the endpoints that the bridges among `targets` forward a packet for EID `dst` to: one
  // of their routes covers `dst` and an endpoint of this process has that EID. The null and
  // broadcast EIDs are bus-local and never forwarded; a routed EID that nobody here has is
  // dropped, as a bridge drops a packet it cannot deliver.
  void add_forwarded(std::uint8_t dst, std::vector<Target>& targets) {
    if (dst == kNullEid || dst == kBroadcastEid) return;
    const std::size_t direct = targets.size();
    for (std::size_t t = 0; t < direct; ++t) {
      const EndpointState& bridge = endpoints[targets[t].index];
      if (!bridge.config.physical_address || !detail::routes_traffic(bridge) || dst == bridge.eid ||
          !detail::route_to(bridge, dst)) {
        continue;
      }
      auto behind = std::find_if(endpoints.begin(), endpoints.end(), [&](const EndpointState& ep) {
        return ep.eid == dst && &ep != &bridge;
      });
      if (behind == endpoints.end()) {
        if (notes) {
          notes(fmt::format("{}: a packet for EID 0x{:02X} dropped: the routing table covers it, but no emulated "
                            "endpoint has it",
                            bridge.config.name, dst));
        }
        continue;
      }
      auto index = static_cast<std::size_t>(behind - endpoints.begin());
      bool known = std::any_of(targets.begin(), targets.end(), [&](const Target& x) { return x.index == index; });
      if (!known) targets.push_back(Target{index, bridge.config.physical_address, true});
    }
  }
};

Responder::Responder(Config config, std::string link, const Registry& registry)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(link), registry)) {
  // Bytes of a physical address on this link, for messages that carry one (Resolve Endpoint ID).
  impl_->address_size = impl_->link == "mctp" || impl_->link == "serial" ? 0 : 1;
}

Responder::~Responder() = default;

void Responder::add_canned(const std::vector<CannedReply>& replies) {
  for (EndpointState& ep : impl_->endpoints) {
    for (const CannedReply& r : replies) ep.config.canned.push_back(r);
  }
}

std::vector<Outgoing> Responder::handle(ByteView frame) { return impl_->handle(frame); }

std::vector<std::uint8_t> Responder::eids() const {
  std::vector<std::uint8_t> out;
  for (const EndpointState& ep : impl_->endpoints) out.push_back(ep.eid);
  return out;
}

const EndpointConfig& Responder::endpoint(std::size_t index) const { return impl_->endpoints.at(index).config; }

void Responder::set_log(LogSink sink) { impl_->log = std::move(sink); }

void Responder::set_notes(NoteSink sink) { impl_->notes = std::move(sink); }

void Responder::limit_transmission_unit(std::size_t bytes) { impl_->transport_mtu = std::max<std::size_t>(bytes, 1); }

void Responder::set_clock(ClockSource now) {
  impl_->clock = std::move(now);
  impl_->start = impl_->clock();
}

}  // namespace mctpkit::endpoint
