#pragma once
// Returning a field value to Unset while keeping its storage, for tables that are reused from
// one decode to the next (Fields::reset, and the decoder's reuse of a layer of the same table).

#include <vector>

#include "mctpkit/core/fields.hpp"

namespace mctpkit::detail {

/// Hands the list elements of `v` to `spare_items` (when given) and empties its list. Out of
/// line: most values are numbers, whose lists are empty, and the loops that clear them stay small.
[[gnu::noinline]] void give_items(FieldValue& v, std::vector<Fields>* spare_items);

/// Makes `v` an Unset value, as a new table has it, keeping the storage of its byte string.
inline void clear_value(FieldValue& v, std::vector<Fields>* spare_items) {
  v.state = FieldValue::State::Unset;
  v.number = 0;
  v.numeric = Numeric::Unsigned;
  v.cut = false;
  v.bytes.clear();
  if (!v.items.empty()) give_items(v, spare_items);
}

}  // namespace mctpkit::detail
