#pragma once
// An answer about a field table that never changes, remembered per table.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/detail/fibonacci_slot.hpp"
#include "mctpkit/core/field.hpp"

namespace mctpkit::detail {

/// Remembers Answer(table) for the tables met last, found by the table's address (a slot per
/// address, the newest table in it): for answers that walk the fields of a table (and of its
/// list elements), or find one by name, but are asked for every layer of every packet.
template <auto Answer>
class TableMemo {
 public:
  using Value = decltype(Answer(std::span<const FieldDef>{}));

  Value of(std::span<const FieldDef> fields) {
    const auto at = reinterpret_cast<std::uintptr_t>(fields.data());
    // Tables are arrays in the program's data, close together: Fibonacci hashing spreads them.
    Entry& e = entries_[fibonacci_slot(at, kSlotBits)];
    if (e.fields != fields.data() || e.count != fields.size()) e = {fields.data(), fields.size(), Answer(fields)};
    return e.answer;
  }

 private:
  struct Entry {
    const FieldDef* fields = nullptr;
    std::size_t count = 0;
    Value answer{};
  };
  static constexpr unsigned kSlotBits = 6;
  std::array<Entry, std::size_t{1} << kSlotBits> entries_{};
};

}  // namespace mctpkit::detail
