// A build writes the fixed prefix of a declared layer from the plan its registry made at
// declaration (the places the decoder reads the fields at). The bytes must be exactly those of
// the walk over the declaration (which builds layers no registry knows): for any values, for
// values the walk masks or refuses, for absent values, defaults and values left to derive
// (tests/integration/build_plan_builtin_test.cpp: for every built-in layer).

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>

#include "core/detail/field_walk.hpp"
#include "core/detail/layer_plan.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/field.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {
namespace {

// Bit fields across byte boundaries, both byte orders, a reserved and an expected value, a
// count worked out at build time, and fields after the prefix (a conditional byte, a list).
bool low_bit_set(const Fields& f) { return (f.num("nibble") & 1) != 0; }
constexpr std::array kItemFields{u8("item")};
constexpr StructDef kItem{.name = "item", .fields = kItemFields};
constexpr std::array kFields{
    bits("version", 3), bits("rest", 5),   u16le("little"), u24("big"),
    bits("reserved", 12).reserved(),       bits("nibble", 4).expect(5),
    u8("count").count_of("items"),         u32le("le32"),   u8("sometimes").when(low_bit_set),
    list("items", kItem).length_from("count"),        payload().fixed(2),
    u8("check"),
};
constexpr LayerDef kLayer{.id = "planned", .abbrev = "planned", .fields = kFields};

// The bytes a build gives, or the text of what it threw.
std::string build_text(const Frame& frame, const Registry& registry) {
  try {
    return to_hex(frame.build(registry), "");
  } catch (const std::exception& e) {
    return std::string("threw: ") + e.what();
  }
}

Frame one_layer(const LayerDef& def) {
  Frame frame;
  frame.layers.emplace_back(def);
  return frame;
}

// Every number field of `layer` set to a random value of its width (lists are left empty).
void set_random(Layer& layer, std::mt19937_64& random) {
  for (std::size_t i = 0; i < layer.size(); ++i) {
    const FieldDef& f = layer.defs()[i];
    if (f.kind == FieldKind::Bits || f.kind == FieldKind::UInt) {
      layer.set_number(i, random() & detail::max_value_inline(f));
    }
  }
}

TEST(BuildPlan, TheTestLayersPrefixIsPlanned) {
  Registry planned;
  planned.declare(kLayer);
  // From "version" to "le32": the conditional byte ends it.
  EXPECT_EQ(planned.plan_of(kLayer)->prefix_fields, 8u);
  EXPECT_EQ(planned.plan_of(kLayer)->prefix_bytes, 13u);
}

TEST(BuildPlan, PlannedBuildsAreThoseOfTheWalkForAnyValues) {
  Registry planned, unknown;
  planned.declare(kLayer);
  std::mt19937_64 random(20261207);
  for (int round = 0; round < 200; ++round) {
    Frame frame = one_layer(kLayer);
    set_random(frame.layers[0], random);
    if (round % 2 == 0) frame.layers[0].value(6).state = FieldValue::State::Unset;  // the count, derived
    const std::string fast = build_text(frame, planned);
    ASSERT_EQ(fast, build_text(frame, unknown)) << round;
    ASSERT_EQ(fast.rfind("threw", 0), std::string::npos) << fast;
  }
}

TEST(BuildPlan, DefaultsAbsentValuesAndValuesTooWideAreBuiltAsByTheWalk) {
  Registry planned, unknown;
  planned.declare(kLayer);
  const auto both = [&](const Frame& frame) {
    const std::string fast = build_text(frame, planned);
    EXPECT_EQ(fast, build_text(frame, unknown));
    return fast;
  };
  // Nothing set: every default (the nibble's is the value it expects), the count worked out (no
  // elements). By field: version and rest, little, big, reserved and nibble, count, le32,
  // sometimes (there: the nibble is odd), check.
  EXPECT_EQ(both(one_layer(kLayer)), "00" "0000" "000000" "0005" "00" "00000000" "00" "00");
  // Two elements: the count left to derive in the prefix is worked out by the walk.
  Frame listed = one_layer(kLayer);
  for (std::uint64_t item : {0xAAu, 0xBBu}) {
    listed.layers[0].value(9).items.emplace_back(kItem.fields, kItem.name).set_number(0, item);
  }
  EXPECT_EQ(both(listed), "00" "0000" "000000" "0005" "02" "00000000" "00" "AABB" "00");
  // The plan writes a prefix with nothing left to derive in it: from here on the count is given.
  const auto counted = [] {
    Frame frame = one_layer(kLayer);
    frame.layers[0].set_number(6, 0);
    return frame;
  };
  EXPECT_EQ(both(counted()), "00" "0000" "000000" "0005" "00" "00000000" "00" "00");
  Frame frame = counted();
  frame.layers[0].set_number(0, 5);  // version
  frame.layers[0].set_number(2, 0x0201);
  EXPECT_EQ(both(frame), "A0" "0102" "000000" "0005" "00" "00000000" "00" "00");
  // Absent values are not written: without version and rest, the layer starts with "little".
  frame.layers[0].value(0).state = FieldValue::State::Absent;
  frame.layers[0].value(1).state = FieldValue::State::Absent;
  EXPECT_EQ(both(frame), "0102" "000000" "0005" "00" "00000000" "00" "00");
  // Too wide for its bits: masked, as the walk always has; too wide for its bytes: refused.
  Frame wide = counted();
  // (Set directly: set_number() refuses them.)
  wide.layers[0].value(0).state = FieldValue::State::Set;
  wide.layers[0].value(0).number = 0xFF;
  EXPECT_EQ(both(wide), "E0" "0000" "000000" "0005" "00" "00000000" "00" "00");
  wide.layers[0].value(2).state = FieldValue::State::Set;
  wide.layers[0].value(2).number = 0x1FFFF;
  EXPECT_EQ(both(wide), "threw: planned.little: value 131071 does not fit in 2 bytes");
}

// A decoded frame builds back to its bytes through the plan.
TEST(BuildPlan, ADecodedLayerBuildsBackToItsBytes) {
  Registry planned;
  planned.declare(kLayer);
  const Bytes data{0xA1, 0x01, 0x02, 0x03, 0x04, 0x05, 0x00, 0x05, 0x02, 0x0D, 0x0C, 0x0B, 0x0A, 0x07, 0x08, 0x09, 0x11, 0x22, 0x33};
  const Frame frame = decode(data, kLayer, planned);
  EXPECT_EQ(to_hex(frame.build(planned)), to_hex(data));
}

}  // namespace
}  // namespace mctpkit
