// Damaged input of every kind must end in records and diagnostics, never a crash or a hang
// (the CI runs this under AddressSanitizer and UBSan).

#include <gtest/gtest.h>

#include <random>

#include "capture_test_support.hpp"

namespace mctpkit::capture::test {
namespace {

Bytes mutate(Bytes data, std::mt19937& random) {
  int edits = 1 + static_cast<int>(random() % 6);
  for (int k = 0; k < edits; ++k) {
    switch (random() % 4) {
      case 0:
        if (!data.empty()) data[random() % data.size()] = static_cast<std::uint8_t>(random());
        break;
      case 1:
        if (!data.empty()) data.resize(random() % data.size());
        break;
      case 2:
        data.insert(data.begin() + static_cast<std::ptrdiff_t>(data.empty() ? 0 : random() % data.size()),
                    static_cast<std::uint8_t>(random()));
        break;
      default:
        // A length field blown up: 0xFFFFFFFF somewhere past the magic.
        if (data.size() > 8) {
          std::size_t at = 4 + random() % (data.size() - 8);
          for (std::size_t j = 0; j < 4; ++j) data[at + j] = 0xFF;
        }
        break;
    }
  }
  return data;
}

class Mutations : public ::testing::TestWithParam<const char*> {};

TEST_P(Mutations, ReadersAlwaysFinish) {
  Bytes original = read_bytes(capture_path(GetParam()));
  ASSERT_FALSE(original.empty());
  std::mt19937 random(1234);
  OpenOptions options;
  options.text_time.timezone = "UTC";
  options.text_time.date = "2023-11-14";
  int opened_count = 0;
  for (int round = 0; round < 300; ++round) {
    OpenResult opened = open_capture_memory(mutate(original, random), options);
    if (!opened.reader) {
      // A sentence for the tool to prefix, never a prefix of its own.
      EXPECT_FALSE(opened.error.empty());
      EXPECT_NE(opened.error.rfind("Error", 0), 0u) << opened.error;
      continue;
    }
    ++opened_count;
    std::size_t records = 0;
    while (opened.reader->next()) {
      ++records;
      ASSERT_LT(records, 1000u);  // a mutated 35-packet capture cannot yield more
    }
    EXPECT_LE(opened.reader->diagnostics().size(), CaptureReader::kMaxDiagnostics + 1);
    if (opened.reader->failed()) {
      EXPECT_TRUE(opened.reader->diagnostics().back().fatal);
    }
  }
  EXPECT_GT(opened_count, 0);
}

INSTANTIATE_TEST_SUITE_P(Samples, Mutations,
                         ::testing::Values("mctp-sll.pcap", "mctp-sll.pcapng", "mctp-smbus-i2c.pcap",
                                           "libmctp-demux-serial.pcap", "tcpdump-text/tcpdump-i2c-xx.txt",
                                           "tcpdump-text/tcpdump-sll-e-XX-tttt.txt"));

}  // namespace
}  // namespace mctpkit::capture::test
