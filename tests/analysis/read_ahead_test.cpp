// Reading and decoding ahead on a second thread gives what reading one record at a time gives:
// the same records, frames and reader diagnostics in the same order, the same stop at a packet
// count, and the same analysis output in every mode; a reader left early lets its thread go.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "analyze_run.hpp"
#include "analysis/decoded_records.hpp"
#include "mctpkit/analysis/analyzer.hpp"
#include "mctpkit/capture/link_types.hpp"
#include "mctpkit/capture/open.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit::analysis {
namespace {

const std::string kCaptures = std::string(MCTPKIT_SHARED_DIR) + "/captures/";

std::string diagnostics_text(const std::vector<capture::CaptureDiagnostic>& diagnostics) {
  std::string text;
  for (const capture::CaptureDiagnostic& d : diagnostics) {
    text += std::to_string(d.line_or_record) + (d.fatal ? " fatal " : " ") + d.message + "\n";
  }
  return text;
}

class ReadAheadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string stem = ::testing::TempDir() + "read_ahead_" + std::to_string(::getpid());
    // Many more records than the batches read ahead hold: the samples of bare MCTP and of SMBus,
    // each over and over (requests, responses and multi-packet messages), then the same file cut
    // inside its last record.
    long_sll_ = stem + "_sll.pcap";
    long_smbus_ = stem + "_smbus.pcap";
    cut_ = stem + "_cut.pcap";
    repeat(kCaptures + "mctp-sll.pcap", long_sll_, 0);
    repeat(kCaptures + "mctp-smbus-i2c.pcap", long_smbus_, capture::kDltI2cLinux);
    std::ifstream in(long_sll_, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(cut_, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size() - 5));
  }
  void TearDown() override {
    for (const std::string& path : {long_sll_, long_smbus_, cut_}) std::remove(path.c_str());
  }

  static void repeat(const std::string& from, const std::string& to, std::uint32_t link_type) {
    auto writer = capture::PcapWriter::open(to);
    ASSERT_TRUE(writer.writer) << writer.error;
    if (link_type != 0) {
      ASSERT_TRUE(writer.writer->set_link_type(link_type));
    }
    std::int64_t time = 1'700'000'000'000'000'000;
    for (int round = 0; round < kRounds; ++round) {
      auto opened = capture::open_capture(from);
      ASSERT_TRUE(opened) << opened.error;
      capture::CaptureRecord record;
      while (opened.reader->next(record)) {
        time += 250'000;
        if (!record.link.empty()) {
          ASSERT_TRUE(writer.writer->write(record.data, time, false));
        }
      }
    }
    ASSERT_TRUE(writer.writer->close());
  }

  std::vector<std::string> sources() const {
    std::vector<std::string> paths = {long_sll_, long_smbus_, cut_, kCaptures + "mctp-sll.pcapng",
                                      kCaptures + "mctp-sll2.pcap"};
    for (const auto& entry : std::filesystem::directory_iterator(kCaptures + "tcpdump-text")) {
      paths.push_back(entry.path().string());
    }
    return paths;
  }

  static constexpr int kRounds = 30;
  std::string long_sll_, long_smbus_, cut_;
};

// Both ways of reading `path` item by item: records, frames (as JSON, which holds every field)
// and the reader's diagnostics.
void expect_same_items(const std::string& path, std::optional<std::uint64_t> limit) {
  auto one = capture::open_capture(path), two = capture::open_capture(path);
  ASSERT_TRUE(one && two) << path;
  detail::DecodedRecords in_turn(*one.reader, default_registry(), limit, false);
  detail::DecodedRecords ahead(*two.reader, default_registry(), limit, true);
  for (std::size_t n = 0;; ++n) {
    const detail::DecodedRecords::Item& a = in_turn.next();
    const detail::DecodedRecords::Item& b = ahead.next();
    const std::string where = path + " item " + std::to_string(n);
    ASSERT_EQ(a.read, b.read) << where;
    ASSERT_EQ(diagnostics_text(a.diagnostics), diagnostics_text(b.diagnostics)) << where;
    if (!a.read) break;
    ASSERT_EQ(a.record.number, b.record.number) << where;
    ASSERT_EQ(a.record.time_ns, b.record.time_ns) << where;
    ASSERT_EQ(a.record.link, b.record.link) << where;
    ASSERT_EQ(a.record.data, b.record.data) << where;
    ASSERT_EQ(a.record.skip_reason, b.record.skip_reason) << where;
    if (!a.record.link.empty()) {
      ASSERT_EQ(output::json(a.frame), output::json(b.frame)) << where;
    }
  }
  // The end stays the end, and the readers are where reading one at a time left them.
  EXPECT_FALSE(in_turn.next().read);
  EXPECT_FALSE(ahead.next().read);
  capture::CaptureRecord after_one, after_two;
  EXPECT_EQ(one.reader->next(after_one), two.reader->next(after_two)) << path;
  EXPECT_EQ(after_one.number, after_two.number) << path;
  EXPECT_EQ(one.reader->failed(), two.reader->failed()) << path;
}

TEST_F(ReadAheadTest, GivesTheRecordsFramesAndDiagnosticsOfReadingOneAtATime) {
  for (const std::string& path : sources()) expect_same_items(path, std::nullopt);
}

TEST_F(ReadAheadTest, StopsAtTheSamePacketCount) {
  for (const std::uint64_t limit : {0, 1, 7, 64, 65, 200, 100000}) {
    expect_same_items(long_sll_, limit);
    expect_same_items(long_smbus_, limit);
  }
}

TEST_F(ReadAheadTest, AReaderLeftEarlyLetsItsThreadGo) {
  auto opened = capture::open_capture(long_sll_);
  ASSERT_TRUE(opened);
  std::uint64_t last = 0;
  {
    detail::DecodedRecords ahead(*opened.reader, default_registry(), std::nullopt, true);
    for (int i = 0; i < 3; ++i) last = ahead.next().record.number;
  }
  // The thread stopped (its destructor returned) somewhere ahead of the third record, and the
  // reader goes on from there.
  EXPECT_EQ(last, 3u);
  capture::CaptureRecord record;
  ASSERT_TRUE(opened.reader->next(record));
  EXPECT_GT(record.number, last);
}

// The reading thread's work on each frame (DecodedRecords::Prepare): its text, and the thread it
// ran on.
std::atomic<std::thread::id> prepared_on;
void prepare_summary(const Frame& frame, std::string& out) {
  prepared_on = std::this_thread::get_id();
  out += "prepared: ";
  output::append_summary(frame, out);
}

TEST_F(ReadAheadTest, EachFrameReadAheadIsPreparedOnTheReadingThread) {
  for (const bool ahead : {false, true}) {
    auto opened = capture::open_capture(long_sll_);
    ASSERT_TRUE(opened);
    prepared_on = std::thread::id();
    detail::DecodedRecords records(*opened.reader, default_registry(), std::nullopt, ahead, prepare_summary);
    std::size_t prepared = 0;
    for (;;) {
      const detail::DecodedRecords::Item& item = records.next();
      if (!item.read) break;
      const std::string where = "item " + std::to_string(item.record.number);
      // Read one at a time, nothing is prepared: the caller does the work when it needs it.
      ASSERT_EQ(item.is_prepared, ahead && !item.record.link.empty()) << where;
      if (!item.is_prepared) continue;
      ASSERT_EQ(item.prepared, "prepared: " + output::summary(item.frame)) << where;
      ++prepared;
    }
    if (ahead) {
      EXPECT_GT(prepared, 1000u);
      EXPECT_NE(prepared_on.load(), std::this_thread::get_id());
      EXPECT_NE(prepared_on.load(), std::thread::id());
    } else {
      EXPECT_EQ(prepared_on.load(), std::thread::id());
    }
  }
}

using test_support::Output;
using test_support::run;

TEST_F(ReadAheadTest, AnalysisGivesTheSameOutputInEveryMode) {
  std::vector<AnalyzeOptions> modes(9);
  modes[1].format = OutputFormat::Json;
  modes[2].format = OutputFormat::Tree;
  modes[2].hexdump = true;
  modes[3].format = OutputFormat::Fields;
  modes[3].fields = {"frame.number", "frame.message_frames", "mctp.src", "mctp.response_in", "mctp.response_to"};
  modes[4].stats = true;
  modes[4].quiet = true;
  modes[5].filter = "mctp.dst == 9";
  modes[5].numbers = true;
  modes[6].count = 100;
  modes[6].diagnostics = true;
  modes[7].filter = "pldm";
  modes[7].stats = true;
  modes[8].format = OutputFormat::Json;
  modes[8].count = 333;
  for (std::size_t m = 0; m < modes.size(); ++m) {
    for (const std::string& path : sources()) {
      AnalyzeOptions one = modes[m], two = modes[m];
      one.threads = 1;
      two.threads = 2;
      const Output a = run({path}, one), b = run({path}, two);
      const std::string where = path + " mode " + std::to_string(m);
      EXPECT_EQ(a.out, b.out) << where;
      EXPECT_EQ(a.err, b.err) << where;
      EXPECT_EQ(a.result.packets, b.result.packets) << where;
      EXPECT_EQ(a.result.input_damaged, b.result.input_damaged) << where;
    }
    // Several files in turn, the count across them.
    AnalyzeOptions one = modes[m], two = modes[m];
    one.threads = 1;
    two.threads = 2;
    const std::vector<std::string> files = {long_smbus_, cut_, long_sll_};
    EXPECT_EQ(run(files, one).out, run(files, two).out) << "mode " << m;
  }
}

}  // namespace
}  // namespace mctpkit::analysis
