// Answers about field tables remembered per table (detail::TableMemo, detail::index_named) must be
// the answers worked out afresh, for more tables than the memo has room for, in any order.

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "core/detail/field_index.hpp"
#include "core/detail/table_memo.hpp"
#include "mctpkit/core/field.hpp"
#include "mctpkit/core/fields.hpp"

namespace mctpkit {
namespace {

// 300 tables of 1 to 3 fields; table k has "wanted" (or its second name "also") at place k % 3
// when k is even, and no such field when k is odd.
struct Tables {
  std::vector<std::array<FieldDef, 3>> storage;
  std::vector<std::span<const FieldDef>> tables;

  Tables() : storage(300) {
    for (std::size_t k = 0; k < storage.size(); ++k) {
      const std::size_t size = 1 + k % 3;
      for (std::size_t i = 0; i < size; ++i) storage[k][i] = u8("other");
      if (k % 2 == 0) storage[k][k % size] = k % 4 == 0 ? u8("wanted") : u8("x").also("wanted");
      tables.emplace_back(storage[k].data(), size);
    }
  }
};

std::size_t size_answer(std::span<const FieldDef> defs) { return defs.size() * 10; }

TEST(TableMemo, AnswersAreThoseWorkedOutAfreshForManyTables) {
  const Tables t;
  detail::TableMemo<size_answer> memo;
  for (int round = 0; round < 3; ++round) {
    for (std::size_t n = 0; n < t.tables.size(); ++n) {
      const std::size_t k = round == 1 ? t.tables.size() - 1 - n : (n * 7) % t.tables.size();
      ASSERT_EQ(memo.of(t.tables[k]), t.tables[k].size() * 10) << k;
    }
  }
}

TEST(TableMemo, AFieldFoundByNameIsTheOneIndexOfFinds) {
  const Tables t;
  for (int round = 0; round < 2; ++round) {
    for (std::size_t k = 0; k < t.tables.size(); ++k) {
      const Fields fields(t.tables[k], "table");
      const std::size_t expected = k % 2 == 0 ? k % t.tables[k].size() : Fields::npos;
      ASSERT_EQ(detail::index_named<"wanted">(fields), expected) << k;
      ASSERT_EQ(detail::index_named<"wanted">(fields), fields.index_of("wanted")) << k;
    }
  }
}

}  // namespace
}  // namespace mctpkit
