#pragma once
// What is made once per field table and text (a summary template's program, the JSON keys of a
// table under a prefix) is found again by the addresses and sizes of both: declarations live as
// long as the program. What is found this way is still checked against the table it was made
// from, since storage freed by other code may be reused at an address.

#include <cstddef>
#include <functional>
#include <span>
#include <string_view>

#include "mctpkit/core/field.hpp"

namespace mctpkit::detail {

struct TableTextKey {
  const FieldDef* defs = nullptr;
  std::size_t count = 0;
  const char* text = nullptr;
  std::size_t text_size = 0;

  TableTextKey() = default;
  TableTextKey(std::span<const FieldDef> table, std::string_view with)
      : defs(table.data()), count(table.size()), text(with.data()), text_size(with.size()) {}
  friend bool operator==(const TableTextKey&, const TableTextKey&) = default;
};

struct TableTextKeyHash {
  std::size_t operator()(const TableTextKey& k) const {
    return std::hash<const void*>()(k.text) * 31 + std::hash<const void*>()(k.defs) + k.count + k.text_size;
  }
};

}  // namespace mctpkit::detail
