// Fields::assign and Layer::assign copy a table over another in place: the result must be the
// copy a plain copy gives, whatever the target held before.

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

}  // namespace
}  // namespace mctpkit
