#include <algorithm>

#include "mctp/detail/carried_end.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::mctp {

namespace {

// Bytes on the wire after a layer's payload (a PEC, an FCS): the set fields after its marker.
std::size_t trailer_size(const Layer& layer) {
  const auto defs = layer.defs();
  std::size_t bytes = 0, bit_count = 0;
  bool after_marker = false;
  for (std::size_t i = 0; i < defs.size(); ++i) {
    if (defs[i].kind == FieldKind::Payload) {
      after_marker = true;
      continue;
    }
    if (!after_marker || layer.value(i).state != FieldValue::State::Set) continue;
    switch (defs[i].kind) {
      case FieldKind::UInt: bytes += defs[i].width; break;
      case FieldKind::Bits: bit_count += defs[i].width; break;
      case FieldKind::Bytes: bytes += layer.value(i).bytes.size(); break;
      case FieldKind::List:
      case FieldKind::Payload: break;
    }
  }
  return bytes + bit_count / 8;
}

bool has_payload_marker(const Layer& layer) {
  return std::any_of(layer.defs().begin(), layer.defs().end(),
                     [](const FieldDef& f) { return f.kind == FieldKind::Payload; });
}

}  // namespace

std::size_t detail::carried_end(const Frame& frame, std::size_t index) {
  for (std::size_t i = index; i-- > 0;) {
    const Layer& outer = frame.layers[i];
    if (has_payload_marker(outer)) {
      std::size_t end = outer.offset + outer.length;
      std::size_t tail = trailer_size(outer);
      return end >= tail ? end - tail : 0;
    }
  }
  return frame.data.size();
}

ByteView packet_bytes(const Frame& decoded) {
  const std::size_t transport = transport_index(decoded);
  if (transport == decoded.layers.size()) return {};
  const std::size_t begin = decoded.layers[transport].offset;
  const std::size_t end = std::min(detail::carried_end(decoded, transport), decoded.data.size());
  return end > begin ? ByteView(decoded.data).subspan(begin, end - begin) : ByteView();
}

}  // namespace mctpkit::mctp
