// DecodeScope: which layers a decoding enters (those read, and those that can lead to them
// through dispatch tables), and a decoding within it: the layers it enters as a whole decoding
// gives them, and nothing past them.

#include <gtest/gtest.h>

#include <array>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/decode_scope.hpp"
#include "mctpkit/core/field.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {
namespace {

// outer -> (kind 1) middle -> (sub 2) leaf; outer -> (kind 3) other, which leads nowhere.
constexpr std::array kOuterFields{u8("kind"), payload(), u8("trailer")};
constexpr LayerDef kOuter{.id = "outer", .abbrev = "outer", .fields = kOuterFields,
                          .next = {.table = "outer_kinds", .key = {"kind"}}};
constexpr std::array kMiddleFields{u8("sub"), payload()};
constexpr LayerDef kMiddle{.id = "middle", .abbrev = "middle", .fields = kMiddleFields,
                           .next = {.table = "middle_subs", .key = {"sub"}}, .bind = {"outer_kinds", Key(1)}};
constexpr std::array kLeafFields{u8("value"), u8("more")};
constexpr LayerDef kLeaf{.id = "leaf", .abbrev = "leaf", .fields = kLeafFields, .bind = {"middle_subs", Key(2)}};
constexpr std::array kOtherFields{u8("x")};
constexpr LayerDef kOther{.id = "other", .abbrev = "other", .fields = kOtherFields, .bind = {"outer_kinds", Key(3)}};

Registry registry() {
  Registry r;
  for (const LayerDef* def : {&kOuter, &kMiddle, &kLeaf, &kOther}) r.declare(*def);
  return r;
}

std::string layer_ids(const Frame& frame) {
  std::string out;
  for (const Layer& l : frame.layers) out += std::string(out.empty() ? "" : "/") + std::string(l.def().id);
  return out;
}

TEST(DecodeScope, EntersTheLayersReadAndThoseThatLeadToThem) {
  const Registry r = registry();
  const DecodeScope middle(r, [](const LayerDef& def) { return &def == &kMiddle; });
  EXPECT_TRUE(middle.enters(kOuter));
  EXPECT_TRUE(middle.enters(kMiddle));
  EXPECT_FALSE(middle.enters(kLeaf));
  EXPECT_FALSE(middle.enters(kOther));
  EXPECT_FALSE(middle.whole());

  const DecodeScope leaf(r, [](const LayerDef& def) { return &def == &kLeaf; });
  EXPECT_TRUE(leaf.enters(kOuter));
  EXPECT_TRUE(leaf.enters(kMiddle));
  EXPECT_TRUE(leaf.enters(kLeaf));
  EXPECT_FALSE(leaf.enters(kOther));

  const DecodeScope none(r, [](const LayerDef&) { return false; });
  for (const LayerDef* def : {&kOuter, &kMiddle, &kLeaf, &kOther}) EXPECT_FALSE(none.enters(*def)) << def->id;
}

TEST(DecodeScope, ReadingRawEntersEveryLayer) {
  // Any layer cut short ends in a Raw layer: a reader of Raw needs every layer decoded.
  const Registry r = registry();
  const DecodeScope raw(r, [](const LayerDef& def) { return &def == &kRawLayer; });
  EXPECT_TRUE(raw.whole());
  for (const LayerDef* def : {&kOuter, &kMiddle, &kLeaf, &kOther}) EXPECT_TRUE(raw.enters(*def)) << def->id;

  const DecodeScope all(r, [](const LayerDef& def) { return &def != &kRawLayer; });
  EXPECT_TRUE(all.whole());
}

TEST(DecodeScope, ALayerBoundLaterIsNotEnteredByAnEarlierScope) {
  // The scope is worked out from the registry as it was: made again after a plugin binds more.
  Registry r;
  r.declare(kOuter);
  auto reads_leaf = [](const LayerDef& def) { return &def == &kLeaf; };
  const DecodeScope before(r, reads_leaf);
  EXPECT_FALSE(before.enters(kMiddle));
  r.declare(kMiddle);
  r.declare(kLeaf);
  const DecodeScope after(r, reads_leaf);
  EXPECT_TRUE(after.enters(kMiddle));
}

TEST(DecodeScope, ADecodingWithinItStopsBeforeTheFirstLayerItDoesNotEnter) {
  const Registry r = registry();
  const Bytes data{1, 2, 0x55, 0x66, 0x99};  // outer kind 1, middle sub 2, leaf 0x55 0x66, outer trailer 0x99
  const Frame whole = decode(data, kOuter, r);
  ASSERT_EQ(layer_ids(whole), "outer/middle/leaf");
  ASSERT_TRUE(whole.diagnostics.empty());

  const DecodeScope middle(r, [](const LayerDef& def) { return &def == &kMiddle; });
  Frame frame;
  decode_into(frame, data, kOuter, r, &middle);
  EXPECT_EQ(layer_ids(frame), "outer/middle");
  for (std::size_t i = 0; i < frame.layers.size(); ++i) {
    const Layer& got = frame.layers[i];
    const Layer& want = whole.layers[i];
    EXPECT_EQ(got.offset, want.offset) << i;
    EXPECT_EQ(got.length, want.length) << i;
    for (std::size_t k = 0; k < got.size(); ++k) {
      EXPECT_EQ(got.value(k).state, want.value(k).state) << i << "." << k;
      EXPECT_EQ(got.value(k).number, want.value(k).number) << i << "." << k;
    }
  }
  EXPECT_EQ(frame.layers[0].num("trailer"), 0x99u);
  EXPECT_EQ(frame.data, data);

  // The same frame decoded again as a whole: the layers left out come back.
  decode_into(frame, data, kOuter, r, nullptr);
  EXPECT_EQ(layer_ids(frame), "outer/middle/leaf");
  EXPECT_EQ(frame.layers.back().num("more"), 0x66u);
}

TEST(DecodeScope, TheFirstLayerIsDecodedEvenOutsideTheScope) {
  const Registry r = registry();
  const DecodeScope none(r, [](const LayerDef&) { return false; });
  Frame frame;
  decode_into(frame, Bytes{1, 2, 0x55, 0x66, 0x99}, kOuter, r, &none);
  EXPECT_EQ(layer_ids(frame), "outer");
  EXPECT_EQ(frame.layers[0].num("kind"), 1u);
}

TEST(DecodeScope, DiagnosticsOfTheLayersLeftOutAreNotMade) {
  // The leaf is cut short (one byte of two): a whole decoding says so, one that stops before the
  // leaf has nothing to say.
  const Registry r = registry();
  const Bytes data{1, 2, 0x55, 0x99};
  const Frame whole = decode(data, kOuter, r);
  ASSERT_EQ(whole.diagnostics.size(), 1u);
  EXPECT_EQ(whole.diagnostics[0].text, "data ends in field 'more'");
  const DecodeScope middle(r, [](const LayerDef& def) { return &def == &kMiddle; });
  Frame frame;
  decode_into(frame, data, kOuter, r, &middle);
  EXPECT_EQ(layer_ids(frame), "outer/middle");
  EXPECT_TRUE(frame.diagnostics.empty());
}

}  // namespace
}  // namespace mctpkit
