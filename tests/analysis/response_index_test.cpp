// Requests learn the frame of their response from a reader running ahead of the output, within a
// bounded window of packets: memory stays flat for any capture length.

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "mctpkit/analysis/links.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/core/hex_text.hpp"

namespace mctpkit::analysis {
namespace {

Bytes hex(std::string_view text) { return std::get<Bytes>(parse_hex_text(text)); }

// Get Endpoint ID request from EID 8 to 9 with `tag`, and its response.
Bytes request(int tag) {
  Bytes b = hex("01 09 08 c8 00 82 02");
  b[3] = static_cast<std::uint8_t>(0xC8 | tag);
  return b;
}
Bytes response(int tag) {
  Bytes b = hex("01 08 09 c0 00 02 02 00 09 02 00");
  b[3] = static_cast<std::uint8_t>(0xC0 | tag);
  return b;
}
// A datagram nobody answers, to put distance between a request and its response.
Bytes filler() { return hex("01 0a 08 c0 7e 99 99 00 00"); }

class ResponseIndexTest : public ::testing::Test {
 protected:
  void SetUp() override { path_ = ::testing::TempDir() + "response_index_" + std::to_string(::getpid()) + ".pcap"; }
  void TearDown() override { std::remove(path_.c_str()); }

  void write(const std::vector<Bytes>& packets) {
    auto opened = capture::PcapWriter::open(path_);
    ASSERT_TRUE(opened.writer) << opened.error;
    std::int64_t t = 1'700'000'000'000'000'000;
    for (const Bytes& p : packets) ASSERT_TRUE(opened.writer->write(p, t += 1000, false));
    ASSERT_TRUE(opened.writer->close());
  }
  ResponseIndex index(std::uint64_t window) {
    capture::OpenResult opened = capture::open_capture(path_);
    EXPECT_TRUE(opened) << opened.error;
    return ResponseIndex(std::move(opened.reader), std::nullopt, default_registry(), window);
  }

  std::string path_;
};

TEST_F(ResponseIndexTest, FindsAResponseWithinTheWindowOnly) {
  // Frame 1: request tag 1; frames 2-4 filler; frame 5: its response. Frame 6: request tag 2;
  // frames 7-10 filler; frame 11: its response, 5 frames later.
  write({request(1), filler(), filler(), filler(), response(1), request(2), filler(), filler(), filler(), filler(),
         response(2)});
  ResponseIndex within = index(5);
  EXPECT_EQ(within.response_of(1), 5u);
  EXPECT_EQ(within.response_of(6), 11u);
  ResponseIndex narrow = index(4);
  EXPECT_EQ(narrow.response_of(1), 5u);
  EXPECT_EQ(narrow.response_of(6), std::nullopt);  // 5 frames after the request: past the window
  EXPECT_EQ(narrow.response_of(2), std::nullopt);  // not a request
}

TEST_F(ResponseIndexTest, HoldsAtMostAWindowOfEntries) {
  std::vector<Bytes> packets;
  for (int i = 0; i < 2000; ++i) {
    packets.push_back(request(i % 8));
    packets.push_back(response(i % 8));
  }
  write(packets);
  ResponseIndex idx = index(16);
  std::size_t most = 0;
  for (std::uint64_t frame = 1; frame <= 4000; frame += 2) {
    ASSERT_EQ(idx.response_of(frame), frame + 1) << frame;
    most = std::max(most, idx.size());
  }
  EXPECT_LE(most, 9u);  // the requests of the 16 frames ahead, the one asked included
  EXPECT_EQ(idx.response_of(4001), std::nullopt);  // past the end
}

}  // namespace
}  // namespace mctpkit::analysis
