#pragma once
// The place of a field found by name once per table and thread, for code that reads a field of
// whichever table a layer has ("iid" of a control or a PLDM header) for every packet: a name
// lookup each time costs more than the rest of what such code does, and a FieldHandle remembers
// one table only.

#include <algorithm>
#include <cstddef>
#include <span>
#include <string_view>

#include "core/detail/per_thread.hpp"
#include "core/detail/table_memo.hpp"
#include "mctpkit/core/fields.hpp"

namespace mctpkit::detail {

/// A field name as a template argument.
template <std::size_t N>
struct FieldName {
  char text[N];
  constexpr FieldName(const char (&name)[N]) { std::copy_n(name, N, text); }
  constexpr std::string_view view() const { return {text, N - 1}; }
};

template <FieldName Name>
std::size_t find_named(std::span<const FieldDef> defs) {
  return Fields(defs, {}).index_of(Name.view());
}

/// Fields::index_of(Name) of `fields`, remembered per table.
template <FieldName Name>
std::size_t index_named(const Fields& fields) {
  return per_thread<TableMemo<&find_named<Name>>>().of(fields.defs());
}

}  // namespace mctpkit::detail
