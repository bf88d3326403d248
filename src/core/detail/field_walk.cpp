#include "core/detail/field_walk.hpp"

namespace mctpkit::detail {

std::size_t fixed_tail(std::span<const FieldDef> defs, std::size_t from, std::size_t to) {
  std::size_t bit_total = 0;
  for (std::size_t i = from; i < to && i < defs.size(); ++i) {
    const FieldDef& f = defs[i];
    if (f.present || f.optional_trailer) continue;
    switch (f.kind) {
      case FieldKind::UInt: bit_total += 8u * f.width; break;
      case FieldKind::Bits: bit_total += f.width; break;
      case FieldKind::Bytes:
        if (f.length.kind == LengthRule::Kind::Fixed) bit_total += 8u * static_cast<std::size_t>(f.length.amount);
        break;
      case FieldKind::List:
      case FieldKind::Payload: break;
    }
  }
  return bit_total / 8;
}

std::size_t payload_index(std::span<const FieldDef> defs) {
  for (std::size_t i = 0; i < defs.size(); ++i) {
    if (defs[i].kind == FieldKind::Payload) return i;
  }
  return defs.size();
}

std::uint64_t key_field_value(const Frame& frame, std::size_t layer_index, std::string_view name) {
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return frame.layers[layer_index].num(name);
  std::string_view prefix = name.substr(0, dot);
  std::string_view field = name.substr(dot + 1);
  for (std::size_t i = layer_index + 1; i-- > 0;) {
    if (frame.layers[i].def().abbrev == prefix) return frame.layers[i].num(field);
  }
  return 0;
}

}  // namespace mctpkit::detail
