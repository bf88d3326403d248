#pragma once
// An answer about a field table that never changes, remembered per table.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "mctpkit/core/field.hpp"

namespace mctpkit::detail {

/// Remembers Answer(table) for the tables met last, found by the table's address (a slot per
/// address, the newest table in it): for answers that walk every field of a table, and of its
/// list elements, but are asked for every layer of every packet.
template <bool (*Answer)(std::span<const FieldDef>)>
class TableMemo {
 public:
  bool of(std::span<const FieldDef> fields) {
    const auto at = reinterpret_cast<std::uintptr_t>(fields.data());
    Entry& e = entries_[(at >> 4 ^ at >> 12) % entries_.size()];
    if (e.fields != fields.data() || e.count != fields.size()) e = {fields.data(), fields.size(), Answer(fields)};
    return e.answer;
  }

 private:
  struct Entry {
    const FieldDef* fields = nullptr;
    std::size_t count = 0;
    bool answer = false;
  };
  std::array<Entry, 64> entries_{};
};

}  // namespace mctpkit::detail
