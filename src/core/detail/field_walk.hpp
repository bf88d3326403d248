#pragma once
// Helpers shared by the decoder and the encoder.

#include <cstddef>
#include <span>

#include "mctpkit/core/field.hpp"
#include "mctpkit/core/frame.hpp"

namespace mctpkit::detail {

/// Bytes taken by the unconditional fixed-size fields in [from, to): what a "rest" field
/// before them must leave over.
std::size_t fixed_tail(std::span<const FieldDef> defs, std::size_t from, std::size_t to);

/// Index of the Payload marker, or defs.size().
std::size_t payload_index(std::span<const FieldDef> defs);

/// max_value() and numeric_of(), inline for the decoder's loop over every field; the exported
/// functions are these.
inline std::uint64_t max_value_inline(const FieldDef& def) {
  const unsigned bit_count = def.kind == FieldKind::Bits ? def.width : 8u * def.width;
  return bit_count >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bit_count) - 1;
}
inline Numeric numeric_of_inline(const FieldDef& def, const Fields& owner) {
  return def.numeric_by ? def.numeric_by(owner) : def.numeric;
}

/// Value of a dispatch key field: a field of `layer`, or "abbrev.field" of an earlier layer.
std::uint64_t key_field_value(const Frame& frame, std::size_t layer_index, std::string_view name);

}  // namespace mctpkit::detail
