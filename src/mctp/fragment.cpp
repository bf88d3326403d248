#include "mctpkit/mctp/fragment.hpp"

#include <algorithm>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::mctp {

namespace {

constexpr std::size_t kTransportHeaderSize = 4;

void set_field(Layer& layer, std::string_view name, std::uint64_t value) {
  std::size_t i = layer.index_of(name);
  if (i != Fields::npos) layer.set_number(i, value);
}

// A binding layer copied into each packet must recompute what depends on the packet (byte
// count, PEC): a decoded or crafted value belongs to the whole-message frame, not to a packet.
Layer fresh_binding_layer(const Layer& original) {
  Layer copy = original;
  const auto defs = copy.defs();
  for (std::size_t i = 0; i < defs.size(); ++i) {
    if (defs[i].is_derived() && copy.value(i).state == FieldValue::State::Set) {
      copy.value(i) = FieldValue{};
    }
  }
  return copy;
}

std::size_t require_transport(const Frame& message) {
  std::size_t m = transport_index(message);
  if (m == message.layers.size()) throw FragmentError("the frame has no MCTP transport layer to fragment");
  return m;
}

// The message from its transport layer (index `m`) up, built as one SOM+EOM packet: what the
// transport header and the body are when nothing is split.
Bytes whole_message_packet(const Frame& message, std::size_t m, const Registry& registry) {
  Frame whole;
  whole.layers.assign(message.layers.begin() + static_cast<std::ptrdiff_t>(m), message.layers.end());
  set_field(whole.layers.front(), "som", 1);
  set_field(whole.layers.front(), "eom", 1);
  return whole.build(registry);
}

// The transport layer every packet of the message starts from: `transport` with the values it
// left unset taken from the whole message as built (`whole`). Some defaults follow the layers
// above the header (TO is set for a request); a packet that carries a piece of the body as Raw
// bytes no longer has those layers to follow, and would take the bare header's default.
Layer settled_transport(const Layer& transport, const Bytes& whole, const Registry& registry) {
  Layer settled = transport;
  const Frame built = decode(whole, transport.def(), registry);
  if (built.layers.empty() || !built.layers.front().is(transport.def())) return settled;
  const Layer& header = built.layers.front();
  for (std::size_t i = 0; i < settled.size() && i < header.size(); ++i) {
    if (settled.value(i).state == FieldValue::State::Unset && header.value(i).is_set()) {
      settled.set_number(i, header.value(i).number);
    }
  }
  return settled;
}

}  // namespace

std::size_t transport_index(const Frame& frame) {
  for (std::size_t i = 0; i < frame.layers.size(); ++i) {
    if (frame.layers[i].is(kTransport)) return i;
  }
  return frame.layers.size();
}

Bytes message_body(const Frame& message, const Registry& registry) {
  Bytes packet = whole_message_packet(message, require_transport(message), registry);
  // The transport header always builds to 4 bytes; the message header byte starts the body.
  packet.erase(packet.begin(), packet.begin() + static_cast<std::ptrdiff_t>(std::min(packet.size(), kTransportHeaderSize)));
  return packet;
}

std::vector<Frame> fragment(const Frame& message, std::size_t transmission_unit, const Registry& registry) {
  if (transmission_unit == 0) throw FragmentError("the transmission unit must be at least 1 byte");
  const std::size_t m = require_transport(message);
  const Bytes whole = whole_message_packet(message, m, registry);
  const ByteView body = ByteView(whole).subspan(std::min(whole.size(), kTransportHeaderSize));

  if (body.size() <= transmission_unit) {
    // Returned as a crafted frame: decoded bytes and diagnostics would no longer match it.
    Frame single;
    single.link = message.link;
    single.layers = message.layers;
    for (std::size_t i = 0; i < m; ++i) single.layers[i] = fresh_binding_layer(message.layers[i]);
    set_field(single.layers[m], "som", 1);
    set_field(single.layers[m], "eom", 1);
    return {single};
  }

  const Layer transport = settled_transport(message.layers[m], whole, registry);
  const std::uint64_t first_seq = transport.num("pkt_seq") & 3;
  std::vector<Frame> packets;
  packets.reserve((body.size() + transmission_unit - 1) / transmission_unit);
  for (std::size_t start = 0, n = 0; start < body.size(); start += transmission_unit, ++n) {
    const std::size_t end = std::min(body.size(), start + transmission_unit);
    Frame packet;
    packet.link = message.link;
    for (std::size_t i = 0; i < m; ++i) packet.layers.push_back(fresh_binding_layer(message.layers[i]));

    Layer header = transport;
    const bool som = start == 0;
    set_field(header, "som", som ? 1 : 0);
    set_field(header, "eom", end == body.size() ? 1 : 0);
    set_field(header, "pkt_seq", (first_seq + n) & 3);
    std::size_t piece_start = start;
    if (som) {
      // The message header byte belongs to the transport layer on a SOM packet.
      set_field(header, "ic", body[0] >> 7);
      set_field(header, "msg_type", body[0] & 0x7F);
      piece_start = 1;
    } else {
      // Later packets carry no message header byte.
      header.set_absent("ic");
      header.set_absent("msg_type");
    }
    packet.layers.push_back(std::move(header));

    Layer piece(kRawLayer);
    piece.set("data", Bytes(body.begin() + static_cast<std::ptrdiff_t>(piece_start),
                            body.begin() + static_cast<std::ptrdiff_t>(end)));
    packet.layers.push_back(std::move(piece));
    packets.push_back(std::move(packet));
  }
  return packets;
}

std::vector<Bytes> fragment_bytes(const Frame& message, std::size_t transmission_unit, const Registry& registry) {
  std::vector<Bytes> out;
  for (const Frame& packet : fragment(message, transmission_unit, registry)) out.push_back(packet.build(registry));
  return out;
}

}  // namespace mctpkit::mctp
