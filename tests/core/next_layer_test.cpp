// Registry::next_layer: the layer after a decoded one, by its declaration's dispatch key, however
// the layers were registered (declared before or after the layers bound in its table, or never).

#include <gtest/gtest.h>

#include <array>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/field.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {
namespace {

constexpr std::array kOuterFields{u8("kind"), payload()};
constexpr LayerDef kOuter{.id = "outer", .abbrev = "outer", .fields = kOuterFields, .next = {.table = "outer_kinds", .key = {"kind"}}};

// The inner layer's key mixes one of its own fields (by its second name) with one of the outer layer's.
constexpr std::array kInnerFields{u8("sub").also("subtype"), payload()};
constexpr LayerDef kInner{.id = "inner",
                          .fields = kInnerFields,
                          .next = {.table = "inner_kinds", .key = {"subtype", "outer.kind"}},
                          .bind = {"outer_kinds", Key(7)}};

constexpr std::array kLeafFields{u8("value")};
constexpr LayerDef kLeaf{.id = "leaf", .fields = kLeafFields, .bind = {"inner_kinds", Key(2, 7)}};

std::string layer_ids(const Frame& frame) {
  std::string out;
  for (const Layer& l : frame.layers) out += std::string(out.empty() ? "" : "/") + std::string(l.def().id);
  return out;
}

TEST(NextLayer, FindsTheLayerWhicheverOrderTheLayersWereRegisteredIn) {
  Registry forwards, backwards;
  for (const LayerDef* def : {&kOuter, &kInner, &kLeaf}) forwards.declare(*def);
  for (const LayerDef* def : {&kLeaf, &kInner, &kOuter}) backwards.declare(*def);
  for (const Registry* r : {&forwards, &backwards}) {
    Frame frame = decode(Bytes{7, 2, 0x55}, kOuter, *r);
    EXPECT_EQ(layer_ids(frame), "outer/inner/leaf");
    EXPECT_EQ(frame.layers.back().num("value"), 0x55u);
    Key key;
    EXPECT_EQ(r->next_layer(frame, 0, key), &kInner);
    EXPECT_EQ(key, Key(7));
    EXPECT_EQ(r->next_layer(frame, 1, key), &kLeaf);
    EXPECT_EQ(key, Key(2, 7));
  }
}

TEST(NextLayer, AnUnboundKeyFindsNothingAndSaysWhatItLookedFor) {
  Registry r;
  for (const LayerDef* def : {&kOuter, &kInner, &kLeaf}) r.declare(*def);
  Frame frame = decode(Bytes{7, 3, 0x55}, kOuter, r);
  EXPECT_EQ(layer_ids(frame), "outer/inner/raw");
  Key key;
  EXPECT_EQ(r.next_layer(frame, 1, key), nullptr);
  EXPECT_EQ(key, Key(3, 7));
  ASSERT_EQ(frame.diagnostics.size(), 1u);
  EXPECT_EQ(frame.diagnostics[0].text, "nothing decodes inner_kinds (0x3, 0x7)");
}

TEST(NextLayer, ALayerThatWasNeverDeclaredIsFollowedByItsTableName) {
  // Only bindings: the outer layer is decoded from its declaration without being registered.
  Registry r;
  r.bind("outer_kinds", Key(7), kInner);
  r.bind("inner_kinds", Key(2, 7), kLeaf);
  Frame frame = decode(Bytes{7, 2, 0x55}, kOuter, r);
  EXPECT_EQ(layer_ids(frame), "outer/inner/leaf");
}

TEST(NextLayer, ABindingAddedAfterTheDispatchingLayerIsFound) {
  Registry r;
  r.declare(kOuter);
  Frame before = decode(Bytes{7, 2}, kOuter, r);
  EXPECT_EQ(layer_ids(before), "outer/raw");
  r.declare(kInner);
  Frame after = decode(Bytes{7, 2}, kOuter, r);
  EXPECT_EQ(layer_ids(after), "outer/inner");
}

}  // namespace
}  // namespace mctpkit
