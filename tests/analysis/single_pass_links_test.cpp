// Requests name the frame of their response in one pass over the capture: output is held back
// from a request on until the response comes, a request the matcher forgets or that is further
// than the window from any response is known to have none, and past a bound of held bytes a
// second reader of the file takes over. Whichever way, each request names what a ResponseIndex
// over the same file names, and the text is the same byte for byte.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <sstream>
#include <string>

#include "analysis/held_output.hpp"
#include "mctpkit/analysis/analyzer.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/core/hex_text.hpp"

namespace mctpkit::analysis {
namespace {

Bytes hex(std::string_view text) { return std::get<Bytes>(parse_hex_text(text)); }

// Get Endpoint ID from EID 8 to `dst` with `tag` and instance ID `iid`, and the answer from `src`.
Bytes request(std::uint8_t dst, int tag, int iid) {
  Bytes b = hex("01 00 08 c8 00 80 02");
  b[1] = dst;
  b[3] = static_cast<std::uint8_t>(0xC8 | tag);
  b[5] = static_cast<std::uint8_t>(0x80 | iid);
  return b;
}
Bytes response(std::uint8_t src, int tag, int iid) {
  Bytes b = hex("01 08 00 c0 00 00 02 00 00 02 00");
  b[2] = src;
  b[3] = static_cast<std::uint8_t>(0xC0 | tag);
  b[5] = static_cast<std::uint8_t>(iid);
  b[8] = src;
  return b;
}
// A request with the datagram bit: nothing answers it.
Bytes datagram() { return hex("01 09 08 ce 00 c7 02"); }
// A vendor message to nobody, to put distance between packets.
Bytes filler() { return hex("01 0a 08 c0 7e 99 99 00 00"); }

constexpr std::uint64_t kWindow = 6;

class SinglePassLinksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "single_pass_links_" + std::to_string(::getpid()) + ".pcap";
    const std::vector<Bytes> packets = {
        request(9, 1, 1),     // 1: answered in 3
        filler(),             // 2
        response(9, 1, 1),    // 3
        request(9, 2, 2),     // 4: never answered
        datagram(),           // 5: waits for nothing
        request(9, 3, 3),     // 6: its tag is reused by 7 before any answer
        request(9, 3, 4),     // 7: answered in 13, the window's last frame
        request(0xFF, 4, 5),  // 8: broadcast, answered in 9 and 10
        response(0x1D, 4, 5),  // 9
        response(0x1E, 4, 5),  // 10
        request(9, 5, 6),     // 11: answered in 18, past the window
        filler(),             // 12
        response(9, 3, 4),    // 13
        filler(), filler(), filler(), filler(),  // 14-17
        response(9, 5, 6),    // 18
    };
    auto opened = capture::PcapWriter::open(path_);
    ASSERT_TRUE(opened.writer) << opened.error;
    std::int64_t t = 1'700'000'000'000'000'000;
    for (const Bytes& p : packets) ASSERT_TRUE(opened.writer->write(p, t += 1000, false));
    ASSERT_TRUE(opened.writer->close());
  }
  void TearDown() override { std::remove(path_.c_str()); }

  std::string run(OutputFormat format, std::size_t max_held, std::vector<std::string> paths = {},
                  std::optional<std::uint64_t> count = std::nullopt) {
    AnalyzeOptions options;
    options.format = format;
    options.fields = {"frame.number", "mctp.response_in", "mctp.response_to", "mctp.tag"};
    options.response_window = kWindow;
    options.max_held_output = max_held;
    options.count = count;
    std::ostringstream out, err;
    if (paths.empty()) paths = {path_};
    AnalyzeResult result = analyze(paths, options, out, err);
    EXPECT_EQ(err.str(), "");
    EXPECT_FALSE(result.usage_error || result.cannot_open || result.input_damaged);
    return out.str();
  }

  std::string path_;
};

const char* const kExpectedFields =
    "1\t3\t\t1\n"
    "2\t\t\t0\n"
    "3\t\t1\t1\n"
    "4\t\t\t2\n"
    "5\t\t\t6\n"
    "6\t\t\t3\n"
    "7\t13\t\t3\n"
    "8\t9\t\t4\n"
    "9\t\t8\t4\n"
    "10\t\t8\t4\n"
    "11\t\t\t5\n"
    "12\t\t\t0\n"
    "13\t\t7\t3\n"
    "14\t\t\t0\n"
    "15\t\t\t0\n"
    "16\t\t\t0\n"
    "17\t\t\t0\n"
    "18\t\t11\t5\n";  // a response names its request however far

TEST_F(SinglePassLinksTest, RequestsNameTheResponseTheSecondReaderFinds) {
  EXPECT_EQ(run(OutputFormat::Fields, 1 << 20), kExpectedFields);
  capture::OpenResult opened = capture::open_capture(path_);
  ASSERT_TRUE(opened) << opened.error;
  ResponseIndex index(std::move(opened.reader), std::nullopt, default_registry(), kWindow);
  EXPECT_EQ(index.response_of(1), 3u);
  EXPECT_EQ(index.response_of(4), std::nullopt);
  EXPECT_EQ(index.response_of(6), std::nullopt);
  EXPECT_EQ(index.response_of(7), 13u);
  EXPECT_EQ(index.response_of(8), 9u);
  EXPECT_EQ(index.response_of(11), std::nullopt);
}

TEST_F(SinglePassLinksTest, TooMuchHeldOutputHandsOverToTheSecondReader) {
  // Nothing may wait: the first request hands over at once; a little may: later.
  EXPECT_EQ(run(OutputFormat::Fields, 0), kExpectedFields);
  EXPECT_EQ(run(OutputFormat::Fields, 40), kExpectedFields);
  for (OutputFormat format : {OutputFormat::Json, OutputFormat::Tree}) {
    const std::string held = run(format, 1 << 20);
    EXPECT_NE(held.find(format == OutputFormat::Json ? "{\"frame\":7,\"response_in\":13,\"time\""
                                                     : "Response in frame 13 [mctp.response_in]"),
              std::string::npos);
    EXPECT_EQ(run(format, 0), held);
    EXPECT_EQ(run(format, 500), held);
  }
}

TEST_F(SinglePassLinksTest, ACountOverSeveralFilesKeepsTheSecondReaderOfEachLaterFile) {
  // The second file is read for 12 packets; its second reader goes up to the count (30) in that
  // file, so that its request 7 names frame 13 still, as it always did.
  const std::string out = run(OutputFormat::Fields, 1 << 20, {path_, path_}, 30);
  const std::string first(kExpectedFields);
  EXPECT_EQ(out.substr(0, first.size()), first);
  EXPECT_EQ(out.substr(first.size()),
            "1\t3\t\t1\n2\t\t\t0\n3\t\t1\t1\n4\t\t\t2\n5\t\t\t6\n6\t\t\t3\n7\t13\t\t3\n8\t9\t\t4\n9\t\t8\t4\n"
            "10\t\t8\t4\n11\t\t\t5\n12\t\t\t0\n");
}

TEST(HeldOutput, WholeLinesWaitForTheFirstOpenHoleOnly) {
  std::ostringstream out;
  HeldOutput held(out, out);
  held.text() += "a\nb";
  held.hole(1, HeldOutput::LinkStyle::Field, "mctp.response_in");
  held.text() += "|c\nd";
  held.hole(2, HeldOutput::LinkStyle::Json);
  held.text() += "|e\n";
  held.commit(true);
  EXPECT_EQ(out.str(), "a\n");  // the line of the first hole waits, whole
  EXPECT_TRUE(held.waiting());
  held.answered(2, 7);
  held.answered(2, 8);  // a second answer (a broadcast's) changes nothing
  held.commit(true);
  EXPECT_EQ(out.str(), "a\n");
  held.answered(1, 5);
  held.commit();  // the text up to the last hole may go, but is less than a block: it gathers
  EXPECT_EQ(out.str(), "a\n");
  held.commit(true);
  EXPECT_EQ(out.str(), "a\nb5|c\nd,\"response_in\":7|e\n");
  EXPECT_FALSE(held.waiting());
  EXPECT_EQ(held.held(), 0u);
}

TEST(HeldOutput, MessagesForStandardErrorWaitWithTheText) {
  std::ostringstream both;
  HeldOutput held(both, both);
  held.text() += "1";
  held.hole(1, HeldOutput::LinkStyle::Field, "mctp.response_in");
  held.text() += "\n";
  held.error("warning: after frame 1\n");
  held.text() += "2\t\n";
  held.commit(true);
  EXPECT_EQ(both.str(), "");
  held.answered(1, 2);
  held.commit(true);
  EXPECT_EQ(both.str(), "12\nwarning: after frame 1\n2\t\n");
  held.error("warning: now\n");  // nothing waits: at once
  EXPECT_EQ(both.str(), "12\nwarning: after frame 1\n2\t\nwarning: now\n");
}

// A stream buffer that counts the writes it is given.
class CountingBuffer : public std::stringbuf {
 public:
  int writes = 0;

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    ++writes;
    return std::stringbuf::xsputn(s, n);
  }
};

// JSON output has a hole in every request: the text between holes, filled one after another,
// gathers into blocks of 64 KiB rather than going out a line or two at a time.
TEST(HeldOutput, TextBetweenFilledHolesGoesOutInBlocks) {
  CountingBuffer buffer;
  std::ostream out(&buffer);
  HeldOutput held(out, out);
  std::string expected;
  for (std::uint64_t request = 1; request <= 1000; ++request) {
    const std::string line = "{\"frame\":" + std::to_string(request) + std::string(80, ' ');
    held.text() += line;
    held.hole(request, HeldOutput::LinkStyle::Json);
    held.text() += "}\n";
    held.answered(request, request + 1);
    held.commit();
    expected += line + ",\"response_in\":" + std::to_string(request + 1) + "}\n";
  }
  ASSERT_GT(expected.size(), 64u * 1024);
  ASSERT_LT(expected.size(), 2u * 64 * 1024);
  EXPECT_EQ(buffer.writes, 1);  // one block so far; the rest waits for more or for the end
  held.commit(true);
  EXPECT_EQ(buffer.writes, 2);
  EXPECT_EQ(buffer.str(), expected);
}

TEST(HeldOutput, RequestsBeforeAFrameGetNoAnswerAnyMore) {
  std::ostringstream out;
  HeldOutput held(out, out);
  held.hole(3, HeldOutput::LinkStyle::Tree);
  held.text() += "x\n";
  held.hole(5, HeldOutput::LinkStyle::Tree);
  held.text() += "y\n";
  held.unanswered_before(5);
  held.commit(true);
  EXPECT_EQ(out.str(), "x\n");
  held.resolve([](std::uint64_t request) { return std::optional<std::uint64_t>(request + 1); });
  held.commit(true);
  EXPECT_EQ(out.str(), "x\nRequest/response\n    Response in frame 6 [mctp.response_in]\ny\n");
}

}  // namespace
}  // namespace mctpkit::analysis
