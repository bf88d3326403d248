// CaptureReader::skip(), which the analyzer's count of a capture uses: it must see the records
// next() hands out, in every format, and stop where next() stops.

#include <gtest/gtest.h>

#include <filesystem>

#include "capture_test_support.hpp"
#include "mctpkit/capture/link_types.hpp"

namespace mctpkit::capture::test {
namespace {

std::vector<std::string> every_capture() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(captures_dir())) {
    const std::string path = entry.path().string();
    if (entry.is_regular_file() && (path.ends_with(".pcap") || path.ends_with(".pcapng") || path.ends_with(".txt"))) {
      paths.push_back(path);
    }
  }
  return paths;
}

TEST(Skip, SeesTheRecordsNextHandsOutInEveryFormat) {
  std::vector<std::string> paths = every_capture();
  ASSERT_GT(paths.size(), 10u);
  // And records that do not carry MCTP between ones that do.
  TempDir dir;
  paths.push_back(dir.write("mixed.pcap", make_pcap(kDltLinuxSll, {hex("0000 0001 0006 020000000001 0000 0800 4500"),
                                                                    hex("0004 0122 0000 0000000000000000 00fa 010008c80080010009"),
                                                                    hex("0000 0122 0000 0000"),
                                                                    hex("0004 0122 0000 0000000000000000 00fa 010908c8008002")})));
  for (const std::string& path : paths) {
    SCOPED_TRACE(path);
    auto read = open_ok(path);
    auto skipped = open_ok(path);
    auto mixed = open_ok(path);
    ASSERT_TRUE(read && skipped && mixed);
    const std::vector<CaptureRecord> records = read_all(*read);
    std::vector<bool> mctp;
    bool carries_mctp = false;
    while (skipped->skip(carries_mctp)) mctp.push_back(carries_mctp);
    ASSERT_EQ(mctp.size(), records.size());
    for (std::size_t i = 0; i < records.size(); ++i) EXPECT_EQ(mctp[i], !records[i].link.empty()) << "record " << i + 1;
    EXPECT_EQ(skipped->records_returned(), read->records_returned());
    EXPECT_EQ(skipped->records_skipped(), read->records_skipped());
    // Every other record skipped: the ones read in between are the same records.
    CaptureRecord record;
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (i % 2 == 0) {
        ASSERT_TRUE(mixed->skip(carries_mctp));
        continue;
      }
      ASSERT_TRUE(mixed->next(record));
      EXPECT_EQ(record.number, records[i].number);
      EXPECT_EQ(record.data, records[i].data);
      EXPECT_EQ(record.time_ns, records[i].time_ns);
    }
    EXPECT_FALSE(mixed->skip(carries_mctp));
    EXPECT_FALSE(mixed->next(record));
  }
}

TEST(Skip, ACutPcapStopsWhereNextStops) {
  Bytes pcap = make_pcap(kDltUser0, {hex("01 09 08 c8 00 80 02"), hex("01 09 08 c8 00 80 02 00")});
  pcap.resize(pcap.size() - 3);
  OpenResult opened = open_capture_memory(pcap);
  ASSERT_TRUE(opened.reader) << opened.error;
  bool carries_mctp = false;
  EXPECT_TRUE(opened.reader->skip(carries_mctp));
  EXPECT_TRUE(carries_mctp);
  EXPECT_FALSE(opened.reader->skip(carries_mctp));
  EXPECT_TRUE(opened.reader->failed());
  ASSERT_EQ(opened.reader->diagnostics().size(), 1u);
  EXPECT_EQ(opened.reader->diagnostics()[0].message, "cannot read record 2: the file ends after 5 of the 8 bytes of its data");
}

}  // namespace
}  // namespace mctpkit::capture::test
