// The decoder reads the fields of a declared layer by the plan its registry made at declaration.
// What it reads must be exactly what the full walk over the declaration reads (the walk decodes
// layers no registry knows): every value, state and place, every diagnostic, for data cut at
// every length.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/detail/layer_plan.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/field.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {
namespace {

bool low_bit_set(const Fields& f) { return (f.num("nibble") & 1) != 0; }

// Bit fields across byte boundaries, both byte orders, reserved and expected values, and fields
// the plan leaves to the walk (a condition, a 40-bit field, a byte string) in between.
constexpr std::array kFields{
    bits("version", 3),   bits("rest", 5),          u16le("little"),     u24("big"),
    bits("reserved", 12).reserved(),                bits("nibble", 4).expect(5),
    u8("sometimes").when(low_bit_set),              bits("wide", 40),    bits("cross", 20),
    bits("tail", 4),      u32le("le32"),            bytes("blob").fixed(2), u64("be64"),
    payload().fixed(3),   u8("check"),
};
constexpr LayerDef kLayer{.id = "planned", .abbrev = "planned", .fields = kFields};

std::string describe(const Frame& frame) {
  std::string out;
  for (const Layer& layer : frame.layers) {
    out += std::string(layer.def().id) + " @" + std::to_string(layer.offset) + "+" + std::to_string(layer.length) +
           (layer.complete ? "" : " incomplete") + ":";
    for (std::size_t i = 0; i < layer.size(); ++i) {
      const FieldValue& v = layer.value(i);
      out += " " + std::string(layer.defs()[i].name) + "=" + std::to_string(static_cast<int>(v.state)) + "/" +
             std::to_string(v.number) + "/" + std::to_string(static_cast<int>(v.numeric)) + "/" +
             std::to_string(v.bytes.size()) + (v.cut ? "/cut" : "");
    }
    out += "\n";
  }
  for (const Diagnostic& d : frame.diagnostics) {
    out += std::string(to_string(d.kind)) + " " + std::to_string(static_cast<int>(d.severity)) + " layer " +
           std::to_string(d.layer) + " @" + std::to_string(d.offset) + ": " + d.text + " [" + d.field + "|" + d.found +
           "|" + d.expected + "]\n";
  }
  return out;
}

TEST(DecodePlan, MostFieldsOfTheTestLayerArePlanned) {
  Registry planned;
  planned.declare(kLayer);
  const detail::LayerPlan* plan = planned.plan_of(kLayer);
  ASSERT_NE(plan, nullptr);
  std::string ops;
  for (const detail::FieldStep& s : plan->steps) ops += "WBLb"[static_cast<int>(s.op)];
  // Walked: the conditional byte, the 40-bit field, the byte string, the payload marker.
  EXPECT_EQ(ops, "bbLBbbWWbbLWBWB");
  // The fixed prefix: from "version" to "nibble", 8 bytes, up to the conditional byte.
  EXPECT_EQ(plan->prefix_fields, 6u);
  EXPECT_EQ(plan->prefix_bytes, 8u);
  EXPECT_FALSE(plan->has_checksums);
  EXPECT_EQ(Registry().plan_of(kLayer), nullptr);
}

TEST(DecodePlan, PlannedReadsAreThoseOfTheWalkAtEveryLength) {
  Registry planned, unknown;
  planned.declare(kLayer);
  std::vector<Bytes> patterns;
  Bytes counting, ones(40, 0xFF), zeros(40, 0x00), mixed;
  for (int i = 0; i < 40; ++i) counting.push_back(static_cast<std::uint8_t>(i * 37 + 11));
  for (int i = 0; i < 40; ++i) mixed.push_back(static_cast<std::uint8_t>(i % 2 ? 0x5A : 0xA5));
  std::size_t compared = 0, with_diagnostics = 0;
  for (const Bytes& pattern : {counting, ones, zeros, mixed}) {
    for (std::size_t n = 0; n <= pattern.size(); ++n) {
      const ByteView data(pattern.data(), n);
      const Frame fast = decode(data, kLayer, planned);
      const Frame walked = decode(data, kLayer, unknown);
      ASSERT_EQ(describe(fast), describe(walked)) << n << " bytes";
      ++compared;
      with_diagnostics += !fast.diagnostics.empty();
    }
  }
  EXPECT_EQ(compared, 164u);
  EXPECT_GT(with_diagnostics, 100u);  // cut short, reserved bits set, an unexpected nibble
}

// A prefix must end on a byte boundary, and a number field after leftover bits ends it.
bool first_is_odd(const Fields& f) { return (f.num("a") & 1) != 0; }
constexpr std::array kUnevenFields{bits("a", 4), bits("b", 4), bits("c", 4), bits("d", 4).when(first_is_odd), u8("e")};
constexpr LayerDef kUneven{.id = "uneven", .fields = kUnevenFields};
constexpr std::array kLeftoverFields{u16le("n"), bits("x", 3), u8("y"), u8("z")};
constexpr LayerDef kLeftover{.id = "leftover", .fields = kLeftoverFields};

TEST(DecodePlan, APrefixEndsOnAByteBoundaryAndReadsAsTheWalkDoes) {
  Registry planned, unknown;
  planned.declare(kUneven);
  planned.declare(kLeftover);
  EXPECT_EQ(planned.plan_of(kUneven)->prefix_fields, 2u);  // "c" would end mid-byte
  EXPECT_EQ(planned.plan_of(kUneven)->prefix_bytes, 1u);
  EXPECT_EQ(planned.plan_of(kLeftover)->prefix_fields, 1u);  // "y" starts after 5 leftover bits
  EXPECT_EQ(planned.plan_of(kLeftover)->prefix_bytes, 2u);
  for (const Bytes& data : {Bytes{0x13, 0xA7, 0xFF, 0x42, 0x99}, Bytes{0x24, 0x5C, 0x00, 0x81}}) {
    for (const LayerDef* def : {&kUneven, &kLeftover}) {
      for (std::size_t n = 0; n <= data.size(); ++n) {
        const ByteView cut(data.data(), n);
        ASSERT_EQ(describe(decode(cut, *def, planned)), describe(decode(cut, *def, unknown))) << def->id << " " << n;
      }
    }
  }
}

// A long run of fixed fields: the prefix stops where reading its last field would reach past
// the window a short layer is copied into; the plan reads the rest one by one.
constexpr std::array<FieldDef, 30> long_fields() {
  std::array<FieldDef, 30> fields{};
  constexpr std::string_view kNames[] = {"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9",
                                         "g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9",
                                         "h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9"};
  for (std::size_t i = 0; i < fields.size(); ++i) fields[i] = i % 3 == 1 ? u32le(kNames[i]) : u16(kNames[i]);
  return fields;
}
constexpr std::array kLongFields = long_fields();
constexpr LayerDef kLong{.id = "long", .fields = kLongFields};

TEST(DecodePlan, APrefixLongerThanTheWindowStopsAtItsEdge) {
  Registry planned, unknown;
  planned.declare(kLong);
  const detail::LayerPlan& plan = *planned.plan_of(kLong);
  // Fields of 2, 4 and 2 bytes: 8 bytes per three. "h1" starts at byte 56, the last place whose
  // eight bytes end within the window; "h2", at 58, is read after the prefix.
  EXPECT_EQ(plan.prefix_fields, 22u);
  EXPECT_EQ(plan.prefix_bytes, 58u);
  EXPECT_EQ(plan.prefix_reach, detail::LayerPlan::kPrefixWindow);
  Bytes data;
  for (int i = 0; i < 80; ++i) data.push_back(static_cast<std::uint8_t>(i * 73 + 5));
  for (std::size_t n = 0; n <= data.size(); ++n) {
    const ByteView cut(data.data(), n);
    ASSERT_EQ(describe(decode(cut, kLong, planned)), describe(decode(cut, kLong, unknown))) << n;
  }
}

// Lengths read from other fields (one by its second name, one with an adjustment, one naming
// no field), which the plan finds once: the same lengths and diagnostics as by name.
constexpr std::array kCountedFields{u8("n").also("size"), bytes("data").length_from("size"), u8("k"),
                                    bytes("none").length_from("missing"), payload().length_from("k", -1),
                                    u8("end")};
constexpr LayerDef kCounted{.id = "counted", .fields = kCountedFields};

TEST(DecodePlan, LengthsFromOtherFieldsAreThoseOfTheWalk) {
  Registry planned, unknown;
  planned.declare(kCounted);
  const auto& steps = planned.plan_of(kCounted)->steps;
  EXPECT_EQ(steps[1].length_field, 0u);
  EXPECT_EQ(steps[3].length_field, detail::FieldStep::kNoField);
  EXPECT_EQ(steps[4].length_field, 2u);
  for (const Bytes& data : {Bytes{2, 0xA, 0xB, 3, 0xC, 0xD, 0xE}, Bytes{1, 0xA, 0, 0xE}, Bytes{4, 1, 2, 3, 4, 9, 1}}) {
    for (std::size_t n = 0; n <= data.size(); ++n) {
      const ByteView cut(data.data(), n);
      ASSERT_EQ(describe(decode(cut, kCounted, planned)), describe(decode(cut, kCounted, unknown))) << n;
    }
  }
}

TEST(DecodePlan, APlannedReadMakesTheSameDiagnostics) {
  Registry planned;
  planned.declare(kLayer);
  // version 1, rest 0; little 0x0201; big 0x030405; reserved 0x00F with nibble 6 (5 expected).
  const Bytes data{0x20, 0x01, 0x02, 0x03, 0x04, 0x05, 0x00, 0xF6};
  const Frame frame = decode(data, kLayer, planned);
  ASSERT_EQ(frame.layers.size(), 1u);
  EXPECT_EQ(frame.layers[0].num("little"), 0x0201u);
  EXPECT_EQ(frame.layers[0].num("big"), 0x030405u);
  EXPECT_EQ(frame.layers[0].num("reserved"), 0x00Fu);
  std::string texts;
  for (const Diagnostic& d : frame.diagnostics) texts += d.text + " @" + std::to_string(d.offset) + "\n";
  EXPECT_EQ(texts,
            "reserved field 'reserved' is 0xF, not 0 @6\n"
            "nibble is 6, expected 5 @7\n"
            "data ends in field 'wide' @8\n");
}

}  // namespace
}  // namespace mctpkit
