// Answers about field tables remembered per table (detail::TableMemo) must be the answers worked
// out afresh, for more tables than the memo has room for, in any order.

#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "core/detail/table_memo.hpp"
#include "mctpkit/core/field.hpp"

namespace mctpkit {
namespace {

// 300 tables of 1 to 3 fields.
struct Tables {
  std::vector<std::array<FieldDef, 3>> storage;
  std::vector<std::span<const FieldDef>> tables;

  Tables() : storage(300) {
    for (std::size_t k = 0; k < storage.size(); ++k) {
      const std::size_t size = 1 + k % 3;
      for (std::size_t i = 0; i < size; ++i) storage[k][i] = u8("field");
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

}  // namespace
}  // namespace mctpkit
