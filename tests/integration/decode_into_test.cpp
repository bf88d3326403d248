// decode_into() reuses a frame's storage from one packet to the next. Whatever the frame held
// before, the result must be what decode() gives; and decoding a packet into a frame that held a
// packet of the same shape must not allocate at all (counted by allocation_counter.hpp).

#include <gtest/gtest.h>

#include <vector>

#include "mctpkit/capture/open.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/output/output.hpp"
#include "allocation_counter.hpp"
#include "field_compare.hpp"
#include "vectors.hpp"

namespace mctpkit::testing {
namespace {

struct Input {
  std::string link;
  Bytes data;
  std::string where;
};

std::vector<Input> every_input() {
  std::vector<Input> inputs;
  for (const char* file : {"pymctp-control.tsv", "pymctp-pldm.tsv", "pymctp-vdm.tsv", "pymctp-ipmi.tsv", "seed-examples.tsv"}) {
    for (Vector& v : load_vectors(file)) inputs.push_back({v.link, std::move(v.data), v.source});
  }
  for (const char* name : {"mctp-sll.pcap", "mctp-smbus-i2c.pcap", "libmctp-demux-serial.pcap"}) {
    capture::OpenResult opened = capture::open_capture(std::string(MCTPKIT_SHARED_DIR) + "/captures/" + name);
    EXPECT_TRUE(opened) << name << ": " << opened.error;
    if (!opened) continue;
    while (auto record = opened.reader->next()) {
      if (record->link.empty()) continue;
      inputs.push_back({record->link, std::move(record->data), std::string(name) + " #" + std::to_string(record->number)});
    }
  }
  return inputs;
}

std::string diagnostics_text(const Frame& frame) {
  std::string out;
  for (const Diagnostic& d : frame.diagnostics) out += describe(d) + "\n";
  return out;
}

void expect_same(const Frame& reused, const Frame& fresh, const std::string& where) {
  EXPECT_EQ(output::summary(reused), output::summary(fresh)) << where;
  EXPECT_EQ(output::tree(reused), output::tree(fresh)) << where;
  EXPECT_EQ(output::json(reused), output::json(fresh)) << where;
  EXPECT_EQ(diagnostics_text(reused), diagnostics_text(fresh)) << where;
  EXPECT_EQ(reused.data, fresh.data) << where;
  EXPECT_EQ(reused.link, fresh.link) << where;
  EXPECT_EQ(reused.layers.size(), fresh.layers.size()) << where;
}

TEST(DecodeInto, GivesWhatDecodeGivesWhateverTheFrameHeldBefore) {
  const std::vector<Input> inputs = every_input();
  ASSERT_GT(inputs.size(), 600u);
  // Forwards, then backwards: each packet follows packets of other shapes both ways.
  Frame frame;
  for (const Input& in : inputs) {
    decode_into(frame, in.data, in.link);
    expect_same(frame, decode(in.data, in.link), in.where);
  }
  for (auto it = inputs.rbegin(); it != inputs.rend(); ++it) {
    decode_into(frame, it->data, it->link);
    expect_same(frame, decode(it->data, it->link), it->where + " (backwards)");
  }
}

TEST(DecodeInto, TheFramesOwnBytesAndAnUnknownLinkAreHandled) {
  Frame frame = decode(Bytes{0x01, 0x08, 0x09, 0xC8, 0x00, 0x80, 0x02}, "mctp");
  const std::string before = output::summary(frame);
  decode_into(frame, frame.data, "mctp");
  EXPECT_EQ(output::summary(frame), before);
  decode_into(frame, frame.data, "nonsense");
  ASSERT_EQ(frame.diagnostics.size(), 1u);
  EXPECT_EQ(describe(frame.diagnostics[0]), "error malformed at byte 0 in raw: unknown link 'nonsense'");
}

TEST(DecodeInto, APacketOfTheShapeDecodedBeforeAllocatesNothing) {
  const std::vector<Input> inputs = every_input();
  std::size_t checked = 0;
  Frame frame;
  // The first packets grow the decoder's pools of spare tables (one per thread) to their size.
  for (const Input& in : inputs) decode_into(frame, in.data, in.link);
  for (const Input& in : inputs) {
    decode_into(frame, in.data, in.link);
    // Diagnostics carry text, which is allocated; well-formed traffic has none.
    if (!frame.diagnostics.empty()) continue;
    const long before = allocations_so_far();
    decode_into(frame, in.data, in.link);
    const long allocations = allocations_so_far() - before;
    EXPECT_EQ(allocations, 0) << in.where << ": " << output::summary(frame);
    ++checked;
  }
  EXPECT_GT(checked, 500u);
}

TEST(DecodeInto, APacketWithMoreLayersThanTheOneBeforeFindsTheirStorage) {
  // The deepest and the shallowest well-formed packets, taken in turn: layers the short one does
  // not need are kept for the deep one that follows.
  const std::vector<Input> inputs = every_input();
  const Input* deep = nullptr;
  const Input* shallow = nullptr;
  std::size_t most = 0, fewest = 0;
  for (const Input& in : inputs) {
    const Frame frame = decode(in.data, in.link);
    if (!frame.diagnostics.empty()) continue;
    if (deep == nullptr || frame.layers.size() > most) deep = &in, most = frame.layers.size();
    if (shallow == nullptr || frame.layers.size() < fewest) shallow = &in, fewest = frame.layers.size();
  }
  ASSERT_NE(deep, nullptr);
  ASSERT_GE(most, fewest + 3);
  Frame frame;
  for (int warm = 0; warm < 2; ++warm) {
    decode_into(frame, deep->data, deep->link);
    decode_into(frame, shallow->data, shallow->link);
  }
  const long before = allocations_so_far();
  for (int turn = 0; turn < 3; ++turn) {
    decode_into(frame, deep->data, deep->link);
    decode_into(frame, shallow->data, shallow->link);
  }
  EXPECT_EQ(allocations_so_far() - before, 0) << deep->where << " after " << shallow->where;
  decode_into(frame, deep->data, deep->link);
  expect_same(frame, decode(deep->data, deep->link), deep->where);
}

TEST(DecodeInto, APacketCutShortAndTheWholePacketInTurnKeepNothingOfEachOther) {
  // The same tables at the same depths, with more or fewer of their fields in the data: each
  // packet cut at every length up to 24 bytes, and one byte short, decoded between the whole
  // packet before and after it.
  const std::vector<Input> inputs = every_input();
  Frame frame;
  std::size_t checked = 0;
  for (const Input& in : inputs) {
    const Frame whole = decode(in.data, in.link);
    for (std::size_t length = 0; length < in.data.size(); ++length) {
      if (length > 24 && length + 1 != in.data.size()) continue;
      const ByteView cut(in.data.data(), length);
      const std::string where = in.where + " cut to " + std::to_string(length);
      decode_into(frame, in.data, in.link);
      decode_into(frame, cut, in.link);
      const Frame fresh = decode(cut, in.link);
      expect_same(frame, fresh, where);
      expect_same_frames(frame, fresh, where);
      decode_into(frame, in.data, in.link);
      expect_same(frame, whole, where + ", then whole");
      expect_same_frames(frame, whole, where + ", then whole");
      ++checked;
    }
  }
  EXPECT_GT(checked, 10000u);
}

TEST(DecodeInto, PacketsOfEveryShapeInTurnAllocateNothingOnceEachWasSeen) {
  // Every input in turn, each after a packet of another shape, as a capture of mixed traffic
  // comes: once two passes have warmed the pools, each table finds a spare layer or list element
  // of its own, and the third pass allocates nothing for well-formed packets.
  const std::vector<Input> inputs = every_input();
  Frame frame;
  std::string line;
  for (int warm = 0; warm < 2; ++warm) {
    for (const Input& in : inputs) {
      decode_into(frame, in.data, in.link);
      line.clear();
      output::append_summary(frame, line);
    }
  }
  std::vector<std::string> allocating;
  std::size_t checked = 0;
  for (const Input& in : inputs) {
    const long before = allocations_so_far();
    decode_into(frame, in.data, in.link);
    line.clear();
    output::append_summary(frame, line);
    const long allocations = allocations_so_far() - before;
    // Diagnostics carry text, which is allocated; well-formed traffic has none.
    if (!frame.diagnostics.empty()) continue;
    if (allocations != 0) allocating.push_back(std::to_string(allocations) + " in " + in.where + ": " + line);
    ++checked;
  }
  EXPECT_EQ(allocating, std::vector<std::string>{});
  EXPECT_GT(checked, 500u);
}

TEST(DecodeInto, ASummaryWrittenIntoAWarmLineAllocatesNothing) {
  // The analyzer's loop: each packet decoded into one frame and summarized into one line buffer.
  const std::vector<Input> inputs = every_input();
  std::size_t checked = 0;
  Frame frame;
  std::string line;
  for (const Input& in : inputs) {
    decode_into(frame, in.data, in.link);
    line.clear();
    output::append_summary(frame, line);
  }
  std::vector<std::string> allocating;
  for (const Input& in : inputs) {
    decode_into(frame, in.data, in.link);
    if (!frame.diagnostics.empty()) continue;
    const long before = allocations_so_far();
    line.clear();
    output::append_summary(frame, line);
    if (allocations_so_far() != before) allocating.push_back(in.where + ": " + line);
    ++checked;
  }
  EXPECT_GT(checked, 500u);
  EXPECT_EQ(allocating.size(), 0u) << allocating.front();
}

// An NVMe-MI Read Data Structure request and its response, whose data decodes only in the
// request's context (as in tests/nvme_mi/response_context_test.cpp).
const Bytes kNvmeRequest = {0x01, 0x09, 0x08, 0xc8, 0x84, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xe2, 0x00, 0x06, 0x07};
Bytes nvme_response() {
  Bytes response = {0x01, 0x08, 0x09, 0xc0, 0x84, 0x88, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x01, 0x02};
  response.resize(response.size() + 29, 0x00);
  for (std::uint8_t b : {0xf7, 0x28, 0x7d, 0x6f}) response.push_back(b);
  return response;
}

TEST(DecodeInto, AResponseDecodedIntoAFrameIsWhatDecodeResponseGives) {
  const Frame request = decode(kNvmeRequest, "mctp");
  const Bytes response = nvme_response();
  ASSERT_NE(output::summary(decode_response(response, "mctp", request)), output::summary(decode(response, "mctp")));
  Frame frame;
  for (const Input& in : every_input()) {
    decode_response_into(frame, in.data, in.link, request);
    expect_same(frame, decode_response(in.data, in.link, request), in.where);
    decode_response_into(frame, response, "mctp", request);
    expect_same(frame, decode_response(response, "mctp", request), "the NVMe-MI response after " + in.where);
  }
  decode_response_into(frame, response, "nonsense", request);
  expect_same(frame, decode_response(response, "nonsense", request), "an unknown link");

  // Warm, it allocates nothing. Twice, because the frame was just replaced by the unknown link's
  // decoding: the first decoding after it lends the thread's spare layers in a new order, and in
  // about one address layout in a hundred one of their stacks grows once (measured).
  decode_response_into(frame, response, "mctp", request);
  decode_response_into(frame, response, "mctp", request);
  const long before = allocations_so_far();
  decode_response_into(frame, response, "mctp", request);
  EXPECT_EQ(allocations_so_far() - before, 0);
}

TEST(DecodeInto, TheAllocationCounterCounts) {
  // The test above could not fail if the counter missed the library's allocations.
  const long before = allocations_so_far();
  Frame frame = decode(Bytes{0x01, 0x08, 0x09, 0xC8, 0x00, 0x80, 0x02}, "mctp");
  EXPECT_GT(allocations_so_far() - before, 2);
}

}  // namespace
}  // namespace mctpkit::testing
