// Frame::build works in storage its thread keeps from one build to the next. What one build
// leaves there must never show in another: not after a frame of another shape, not after a
// build that failed, and not in a build started from inside another one. A frame with no value
// left unset is built from its own values, without the workspace's copy; a value left unset
// anywhere, in a list element too, is still worked out.

#include <gtest/gtest.h>

#include <array>
#include <stdexcept>

#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/field.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {
namespace {

// None of these layers is declared: they are built from their tables alone.
const Registry& no_declarations() {
  static const Registry registry;
  return registry;
}

constexpr std::array kNoteFields{u8("a"), u16("b")};
constexpr LayerDef kNote{.id = "note", .fields = kNoteFields};

// The length of what follows, and a check byte worked out by building a frame of its own.
std::uint64_t size_of_a_built_note(const DeriveContext& ctx) {
  const Frame note(Layer(kNote, {{"a", ctx.payload.size()}, {"b", 0x0102}}));
  const Bytes built = note.build(no_declarations());
  return built.size() * 0x10 + built[0];
}

constexpr std::array kEnvelopeFields{u8("len").length_after(), u8("check").derived(size_of_a_built_note), payload(),
                                     u8("end")};
constexpr LayerDef kEnvelope{.id = "envelope", .fields = kEnvelopeFields};

constexpr std::array kBodyFields{u8("x"), bytes("rest")};
constexpr LayerDef kBody{.id = "body", .fields = kBodyFields};

TEST(BuildWorkspace, ABuildInsideABuildKeepsBothApart) {
  const Frame frame = Layer(kEnvelope, {{"end", 0xEE}}) / Layer(kBody, {{"x", 9}, {"rest", Bytes{1, 2, 3}}});
  // len: the check byte and 4 payload bytes (not the trailer); check: a note of 3 bytes whose
  // first byte is the payload's size, 4.
  EXPECT_EQ(frame.build(no_declarations()), (Bytes{5, 0x34, 9, 1, 2, 3, 0xEE}));
  EXPECT_EQ(frame.build(no_declarations()), (Bytes{5, 0x34, 9, 1, 2, 3, 0xEE}));
}

TEST(BuildWorkspace, FramesOfOtherShapesBuiltBeforeLeaveNothingBehind) {
  const Frame big = Layer(kEnvelope, {{"len", 1}, {"check", 2}, {"end", 3}}) /
                    Layer(kBody, {{"x", 4}, {"rest", Bytes(40, 0xAB)}});
  const Frame small(Layer(kBody, {{"x", 5}}));
  const Frame note(Layer(kNote, {{"a", 6}}));
  Bytes big_bytes{1, 2, 4};
  big_bytes.insert(big_bytes.end(), 40, 0xAB);
  big_bytes.push_back(3);
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(big.build(no_declarations()), big_bytes);
    EXPECT_EQ(small.build(no_declarations()), (Bytes{5}));
    EXPECT_EQ(note.build(no_declarations()), (Bytes{6, 0, 0}));
  }
}

TEST(BuildWorkspace, ABuildThatFailedLeavesTheNextOneWhole) {
  const Frame too_wide(Layer(kNote, {{"a", 1}}));
  Frame bad = too_wide;
  bad.layers[0].set_number(bad.layers[0].index_of("a"), 0x1FF);
  EXPECT_THROW((void)bad.build(no_declarations()), std::invalid_argument);
  EXPECT_EQ(too_wide.build(no_declarations()), (Bytes{1, 0, 0}));
  // A build inside a build after the failed one: each still has a workspace of its own.
  const Frame frame = Layer(kEnvelope, {{"end", 0xEE}}) / Layer(kBody, {{"x", 9}});
  EXPECT_EQ(frame.build(no_declarations()), (Bytes{2, 0x31, 9, 0xEE}));
}

constexpr std::array kChunkFields{u8("n").length_of("data"), bytes("data")};
constexpr StructDef kChunk{.name = "chunk", .fields = kChunkFields};
constexpr std::array kChunksFields{u8("count").count_of("items"), list("items", kChunk)};
constexpr LayerDef kChunks{.id = "chunks", .fields = kChunksFields};

TEST(BuildWorkspace, ValuesGivenAreWrittenAsGivenAndAnUnsetOneInAListElementIsWorkedOut) {
  const Fields given(kChunk, {{"n", 9}, {"data", Bytes{1, 2}}});
  const Fields unset(kChunk, {{"data", Bytes{1, 2}}});
  // Every value given, wrong ones included (a count of 7 for one element, a length of 9).
  const Frame settled(Layer(kChunks, {{"count", 7}, {"items", std::vector<Fields>{given}}}));
  EXPECT_EQ(settled.build(no_declarations()), (Bytes{7, 9, 1, 2}));
  // The element's length left unset: worked out, while the count stays as given.
  const Frame to_settle(Layer(kChunks, {{"count", 7}, {"items", std::vector<Fields>{unset}}}));
  EXPECT_EQ(to_settle.build(no_declarations()), (Bytes{7, 2, 1, 2}));
  EXPECT_EQ(settled.build(no_declarations()), (Bytes{7, 9, 1, 2}));
  // The frame built is not changed by the values its build worked out.
  EXPECT_FALSE(to_settle.layers[0].items("items")[0].value(0).is_set());
}

}  // namespace
}  // namespace mctpkit
