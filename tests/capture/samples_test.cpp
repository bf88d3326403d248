// Every sample capture against samples.json: same packets, same order, same times.

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "capture_test_support.hpp"
#include "mctpkit/capture/link_types.hpp"

namespace mctpkit::capture::test {
namespace {

constexpr std::int64_t kFirstSampleNs = 1'700'000'000'000'000'000;  // 2023-11-14T22:13:20Z
constexpr std::int64_t kSampleSpacingNs = 1'001'000'000;               // frames are 1.001 s apart

void expect_samples(const std::vector<CaptureRecord>& records, bool smbus, std::uint32_t link_type,
                    bool check_times) {
  std::vector<Sample> samples = load_samples();
  ASSERT_EQ(samples.size(), 35u);
  ASSERT_EQ(records.size(), samples.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    SCOPED_TRACE("frame " + std::to_string(i + 1));
    EXPECT_EQ(records[i].number, i + 1);
    EXPECT_EQ(records[i].link, smbus ? "smbus" : "mctp");
    EXPECT_EQ(records[i].skip_reason, "");
    EXPECT_EQ(records[i].link_type, link_type);
    EXPECT_EQ(to_hex(records[i].data), to_hex(smbus ? samples[i].smbus : samples[i].mctp));
    EXPECT_EQ(records[i].original_length, records[i].data.size());
    if (check_times) {
      ASSERT_TRUE(records[i].time_ns.has_value());
      EXPECT_EQ(*records[i].time_ns, kFirstSampleNs + static_cast<std::int64_t>(i) * kSampleSpacingNs);
    }
  }
}

struct BinarySample {
  const char* file;
  const char* format;
  std::uint32_t link_type;
  bool smbus;
};

class BinarySampleTest : public ::testing::TestWithParam<BinarySample> {};

TEST_P(BinarySampleTest, MatchesSamplesJson) {
  const BinarySample& sample = GetParam();
  auto reader = open_ok(capture_path(sample.file));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->format_name(), sample.format);
  expect_samples(read_all(*reader), sample.smbus, sample.link_type, true);
  EXPECT_FALSE(reader->failed());
  EXPECT_TRUE(reader->diagnostics().empty());
  EXPECT_EQ(reader->records_returned(), 35u);
  EXPECT_EQ(reader->records_skipped(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Captures, BinarySampleTest,
                         ::testing::Values(BinarySample{"mctp-sll.pcap", "pcap", kDltLinuxSll, false},
                                           BinarySample{"mctp-sll2.pcap", "pcap", kDltLinuxSll2, false},
                                           BinarySample{"mctp-sll.pcapng", "pcapng", kDltLinuxSll, false},
                                           BinarySample{"mctp-smbus-i2c.pcap", "pcap", kDltI2cLinux, true}));

// The dumps were printed in UTC on the capture day, so with that zone their times are the
// pcap's times exactly.
OpenOptions utc_on_capture_day() {
  OpenOptions options;
  options.text_time.timezone = "UTC";
  options.text_time.date = "2023-11-14";
  return options;
}

const std::set<std::string> kSyntheticDumps = {
    "tcpdump-sll-x.txt",  "tcpdump-sll-xx.txt", "tcpdump-sll-X.txt",         "tcpdump-sll-XX.txt",
    "tcpdump-sll.txt",    "tcpdump-sll-e.txt",  "tcpdump-sll-e-XX-tttt.txt", "tcpdump-sll2-e-XX.txt",
    "tcpdump-i2c-xx.txt",
};

TEST(TextSamples, EveryDumpIsCovered) {
  std::set<std::string> present;
  for (const auto& entry : std::filesystem::directory_iterator(capture_path("tcpdump-text"))) {
    present.insert(entry.path().filename().string());
  }
  std::set<std::string> expected = kSyntheticDumps;
  expected.insert("tcpdump-libmctp-demux-e-xx.txt");
  EXPECT_EQ(present, expected) << "a dump was added: give it a test";
}

TEST(TextSamples, EveryStyleMatchesSamplesJson) {
  for (const std::string& name : kSyntheticDumps) {
    SCOPED_TRACE(name);
    auto reader = open_ok(capture_path("tcpdump-text/" + name), utc_on_capture_day());
    ASSERT_TRUE(reader);
    EXPECT_EQ(reader->format_name(), "tcpdump text");
    expect_samples(read_all(*reader), name.find("i2c") != std::string::npos, 0, true);
    EXPECT_FALSE(reader->failed());
    EXPECT_TRUE(reader->diagnostics().empty()) << reader->diagnostics().front().message;
  }
}

TEST(TextSamples, TttttDatesWinOverTheDateOption) {
  OpenOptions options = utc_on_capture_day();
  options.text_time.date = "2001-01-01";
  auto reader = open_ok(capture_path("tcpdump-text/tcpdump-sll-e-XX-tttt.txt"), options);
  ASSERT_TRUE(reader);
  expect_samples(read_all(*reader), false, 0, true);
}

// libmctp's demux test writes SLL2 records with hardware type 0 and interface 0: nine packets
// of a Get Version / Get Message Type exchange, stamped 2026-11-27T14:03:55.118679Z onwards.
TEST(LibmctpCapture, ReadsAllRecords) {
  auto reader = open_ok(capture_path("libmctp-demux-serial.pcap"));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->format_name(), "pcap");
  std::vector<CaptureRecord> records = read_all(*reader);
  ASSERT_EQ(records.size(), 9u);
  EXPECT_FALSE(reader->failed());
  for (const CaptureRecord& record : records) {
    EXPECT_EQ(record.link, "mctp");
    EXPECT_EQ(record.link_type, kDltLinuxSll2);
  }
  EXPECT_EQ(to_hex(records[0].data), "01 09 08 C9 00 82 04 FF");
  EXPECT_EQ(to_hex(records[1].data), "01 08 09 C1 00 02 04 00 04 F1 F0 FF 00 F1 F1 FF 00 F1 F2 FF 00 F1 F3 F3 00");
  EXPECT_EQ(to_hex(records[8].data), "01 09 08 CD 01 80 00 02");
  EXPECT_EQ(records[0].time_ns, 1'795'788'235'118'679'000);
  EXPECT_EQ(records[8].time_ns, 1'795'788'236'721'246'000);
}

TEST(LibmctpCapture, TextDumpMatchesThePcap) {
  auto pcap = open_ok(capture_path("libmctp-demux-serial.pcap"));
  OpenOptions options;
  options.text_time.timezone = "UTC";
  options.text_time.date = "2026-11-27";
  auto text = open_ok(capture_path("tcpdump-text/tcpdump-libmctp-demux-e-xx.txt"), options);
  ASSERT_TRUE(pcap && text);
  std::vector<CaptureRecord> from_pcap = read_all(*pcap);
  std::vector<CaptureRecord> from_text = read_all(*text);
  ASSERT_EQ(from_text.size(), from_pcap.size());
  for (std::size_t i = 0; i < from_pcap.size(); ++i) {
    EXPECT_EQ(from_text[i].link, "mctp");
    EXPECT_EQ(to_hex(from_text[i].data), to_hex(from_pcap[i].data));
    EXPECT_EQ(from_text[i].time_ns, from_pcap[i].time_ns);
  }
  EXPECT_TRUE(text->diagnostics().empty());
}

}  // namespace
}  // namespace mctpkit::capture::test
