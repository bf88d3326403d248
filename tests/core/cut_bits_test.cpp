// Data that ends inside a group of bit fields: the fields read before the cut from the same bytes
// hold only part of those bytes, so they are not kept, and the bytes stay Raw. A frame then holds
// every received byte once, and builds back to them.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>
#include <string>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/field.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {
namespace {

// Two groups: one whole byte of nibbles, then a nibble and 12 bits across two bytes.
constexpr std::array kFields{u8("first"), bits("high", 4), bits("low", 4), bits("flags", 4), bits("length", 12),
                             u8("last")};
constexpr LayerDef kLayer{.id = "grouped", .abbrev = "grouped", .fields = kFields};

std::string states(const Frame& frame) {
  std::string out;
  for (const Layer& layer : frame.layers) {
    out += fmt::format("{}+{}:", layer.def().id, layer.length);
    for (std::size_t i = 0; i < layer.size(); ++i) {
      const FieldValue& v = layer.value(i);
      out += fmt::format(" {}", layer.defs()[i].name);
      if (!v.is_set()) {
        out += "-";
      } else if (layer.defs()[i].kind == FieldKind::Bytes) {
        out += fmt::format("[{}]", v.bytes.size());
      } else {
        out += fmt::format("={}", v.number);
      }
    }
    out += ";";
  }
  return out;
}

// The bytes the frame's layers hold, Raw included.
std::size_t bytes_held(const Frame& frame) {
  std::size_t held = 0;
  for (const Layer& layer : frame.layers) held += layer.length;
  return held;
}

TEST(CutBitFields, ABitGroupCutShortIsLeftRawAndTheFrameBuildsBack) {
  Registry planned, unknown;
  planned.declare(kLayer);
  for (const Registry* registry : {&planned, &unknown}) {
    const Bytes data{0x11, 0xAB, 0xC7};
    const Frame frame = decode(data, kLayer, *registry);
    EXPECT_EQ(states(frame), "grouped+2: first=17 high=10 low=11 flags- length- last-;raw+1: data[1];");
    ASSERT_EQ(frame.layers.size(), 2u);
    EXPECT_EQ(frame.layers[1].bytes("data"), (Bytes{0xC7}));
    ASSERT_EQ(frame.diagnostics.size(), 1u);
    EXPECT_EQ(frame.diagnostics[0].text, "data ends in field 'length'");
    EXPECT_EQ(frame.build(*registry), data);
  }
}

TEST(CutBitFields, EveryCutOfTheLayerBuildsBackToItsBytes) {
  Registry planned;
  planned.declare(kLayer);
  const Bytes whole{0x11, 0xAB, 0xC7, 0x3E, 0x42};
  for (std::size_t n = 0; n <= whole.size(); ++n) {
    const Bytes data(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(n));
    const Frame frame = decode(data, kLayer, planned);
    EXPECT_EQ(bytes_held(frame), n) << n << " bytes";
    EXPECT_EQ(frame.build(planned), data) << n << " bytes";
  }
}

// Groups of every shape: bits across bytes, a group after a whole number, a 40-bit field, a group
// with a field that depends on a value read before it (present or not, the group fills two bytes).
bool a_is_odd(const Fields& f) { return (f.num("a") & 1) != 0; }
bool a_is_even(const Fields& f) { return !a_is_odd(f); }
constexpr std::array kShapes{bits("a", 3),  bits("b", 5),  u16le("n"),  bits("c", 12), bits("d", 4),
                             u8("m"),       bits("wide", 40), bits("cross", 20), bits("tail", 4),
                             bits("e", 2),  bits("f", 4).when(a_is_odd), bits("g", 4).when(a_is_even),
                             bits("h", 10), u8("last")};
constexpr LayerDef kShapesLayer{.id = "shapes", .abbrev = "shapes", .fields = kShapes};

TEST(CutBitFields, AnyCutOfAnyGroupHoldsEachByteOnceAndBuildsBack) {
  Registry planned, unknown;
  planned.declare(kShapesLayer);
  std::size_t compared = 0, with_raw = 0;
  for (std::uint8_t seed : {0x00, 0x01, 0x5A, 0xA5, 0xFF, 0x37}) {
    Bytes whole;
    for (int k = 0; k < 20; ++k) whole.push_back(static_cast<std::uint8_t>(seed * (k + 1) + k));
    for (std::size_t n = 0; n <= whole.size(); ++n) {
      const Bytes data(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(n));
      for (const Registry* registry : {&planned, &unknown}) {
        const Frame frame = decode(data, kShapesLayer, *registry);
        EXPECT_EQ(bytes_held(frame), n) << n << " bytes of seed " << int{seed};
        EXPECT_EQ(frame.build(*registry), data) << n << " bytes of seed " << int{seed};
        with_raw += frame.layers.size() > 1;
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 252u);
  EXPECT_GT(with_raw, 100u);  // most cuts fall inside a group
}

}  // namespace
}  // namespace mctpkit
