// Fields::assign and Layer::assign copy a table over another in place: the result must be the
// copy a plain copy gives, whatever the target held before. Fields::reset empties a table in
// place and gives its list elements to the caller's spares.

#include <gtest/gtest.h>

#include <array>

#include "mctpkit/core/field.hpp"
#include "mctpkit/core/fields.hpp"
#include "mctpkit/core/layer.hpp"

namespace mctpkit {
namespace {

constexpr std::array kItemFields{u8("id"), bytes("blob").fixed(2)};
constexpr StructDef kItem{.name = "item", .fields = kItemFields};
constexpr std::array kRich{u8("n"), bytes("data").fixed(3), list("items", kItem), u16("tail")};
constexpr std::array kPlain{u8("a"), u8("b")};
constexpr LayerDef kRichLayer{.id = "rich", .fields = kRich};
constexpr LayerDef kPlainLayer{.id = "plain", .fields = kPlain};

void expect_same(const Fields& a, const Fields& b) {
  ASSERT_EQ(a.defs().data(), b.defs().data());
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(a.owner(), b.owner());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const FieldValue& x = a.value(i);
    const FieldValue& y = b.value(i);
    EXPECT_EQ(x.state, y.state) << i;
    EXPECT_EQ(x.number, y.number) << i;
    EXPECT_EQ(x.bytes, y.bytes) << i;
    EXPECT_EQ(x.numeric, y.numeric) << i;
    EXPECT_EQ(x.cut, y.cut) << i;
    ASSERT_EQ(x.items.size(), y.items.size()) << i;
    for (std::size_t k = 0; k < x.items.size(); ++k) expect_same(x.items[k], y.items[k]);
  }
}

Fields rich(std::uint64_t n, Bytes data, std::size_t items) {
  Fields f(kRich, "rich");
  f.set("n", n).set("data", std::move(data)).set_absent("tail");
  std::vector<Fields> list;
  for (std::size_t k = 0; k < items; ++k) list.push_back(Fields(kItem, {{"id", k}, {"blob", Bytes{1, 2}}}));
  f.set("items", std::move(list));
  return f;
}

TEST(FieldsAssign, CopiesOverTablesOfEveryShape) {
  const Fields sources[] = {rich(1, {1, 2, 3}, 2), rich(2, {}, 0), Fields(kPlain, "plain"), rich(3, {9, 9, 9}, 5)};
  for (const Fields& before : sources) {
    for (const Fields& source : sources) {
      Fields target = before;
      target.assign(source);
      expect_same(target, source);
    }
  }
  Fields self = rich(4, {4, 4, 4}, 1);
  self.assign(self);
  expect_same(self, rich(4, {4, 4, 4}, 1));
}

TEST(FieldsAssign, ALayerTakesTheDeclarationAndPlaceToo) {
  Layer from(kRichLayer, {{"n", 7}});
  from.offset = 3;
  from.length = 9;
  from.complete = false;
  Layer to(kPlainLayer, {{"a", 1}});
  to.assign(from);
  EXPECT_TRUE(to.is(kRichLayer));
  EXPECT_EQ(to.offset, 3u);
  EXPECT_EQ(to.length, 9u);
  EXPECT_FALSE(to.complete);
  expect_same(to, from);
}

TEST(FieldsReset, GivesEveryListElementToTheSparesEvenPastTheNewEnd) {
  // `items` is the third field: a reset to a table of one field, or of two, leaves it past the end.
  constexpr std::array kOne{u8("only")};
  for (std::span<const FieldDef> smaller : {std::span<const FieldDef>(kOne), std::span<const FieldDef>(kPlain)}) {
    Fields table = rich(1, {1, 2, 3}, 4);
    std::vector<Fields> spare;
    table.reset(smaller, "smaller", &spare);
    ASSERT_EQ(table.size(), smaller.size());
    for (std::size_t i = 0; i < table.size(); ++i) EXPECT_EQ(table.value(i).state, FieldValue::State::Unset);
    ASSERT_EQ(spare.size(), 4u);
    for (std::size_t k = 0; k < spare.size(); ++k) EXPECT_EQ(spare[k].num("id"), k);
  }
  // Within the new size, as before.
  Fields table = rich(1, {1, 2, 3}, 2);
  std::vector<Fields> spare;
  table.reset(kRich, "rich", &spare);
  EXPECT_EQ(spare.size(), 2u);
  EXPECT_TRUE(table.value(2).items.empty());
  EXPECT_TRUE(table.value(1).bytes.empty());
}

}  // namespace
}  // namespace mctpkit
