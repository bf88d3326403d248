// Capture readers fill the caller's record in place: once a record has held records as large,
// reading the next one (or skipping it) allocates nothing, in classic pcap and in pcapng alike
// (counted by allocation_counter.hpp). The captures are the samples repeated until they span
// several of the readers' 64 KiB blocks, so that refilling a block is counted too.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "mctpkit/capture/open.hpp"
#include "allocation_counter.hpp"

namespace mctpkit::testing {
namespace {

constexpr std::size_t kWantedSize = 256 * 1024;

Bytes sample(const std::string& name) {
  std::ifstream in(std::string(MCTPKIT_SHARED_DIR) + "/captures/" + name, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The pcap sample's records again and again after its one file header.
Bytes repeated_pcap(const std::string& name) {
  const Bytes file = sample(name);
  constexpr std::size_t kFileHeader = 24;
  Bytes out(file.begin(), file.end());
  while (out.size() < kWantedSize) out.insert(out.end(), file.begin() + kFileHeader, file.end());
  return out;
}

// The pcapng sample again and again: each copy is a section of its own.
Bytes repeated_pcapng(const std::string& name) {
  const Bytes file = sample(name);
  Bytes out;
  while (out.size() < kWantedSize) out.insert(out.end(), file.begin(), file.end());
  return out;
}

struct Case {
  std::string name;
  Bytes bytes;
};

std::vector<Case> cases() {
  return {{"mctp-sll.pcap", repeated_pcap("mctp-sll.pcap")},
          {"mctp-smbus-i2c.pcap", repeated_pcap("mctp-smbus-i2c.pcap")},
          {"mctp-sll.pcapng", repeated_pcapng("mctp-sll.pcapng")}};
}

TEST(CaptureReadAllocations, RecordsReadIntoAWarmRecordAllocateNothing) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    ASSERT_GT(c.bytes.size(), kWantedSize / 2) << "the sample was not found";
    capture::CaptureRecord record;
    // A first pass makes the record's storage as large as the largest record needs.
    capture::OpenResult warm = capture::open_capture_memory(c.bytes);
    ASSERT_TRUE(warm) << warm.error;
    std::size_t records = 0;
    while (warm.reader->next(record)) ++records;
    ASSERT_GT(records, 1000u);

    capture::OpenResult opened = capture::open_capture_memory(c.bytes);
    ASSERT_TRUE(opened) << opened.error;
    ASSERT_TRUE(opened.reader->next(record));  // the reader's block is made here
    const long before = allocations_so_far();
    std::size_t read = 1;
    while (opened.reader->next(record)) ++read;
    EXPECT_EQ(allocations_so_far() - before, 0);
    EXPECT_EQ(read, records);
    EXPECT_FALSE(opened.reader->failed());
    EXPECT_TRUE(opened.reader->diagnostics().empty());
  }
}

TEST(CaptureReadAllocations, SkippedRecordsAllocateNothing) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    capture::OpenResult opened = capture::open_capture_memory(c.bytes);
    ASSERT_TRUE(opened) << opened.error;
    bool carries_mctp = false;
    ASSERT_TRUE(opened.reader->skip(carries_mctp));
    const long before = allocations_so_far();
    std::size_t skipped = 1;
    while (opened.reader->skip(carries_mctp)) ++skipped;
    EXPECT_EQ(allocations_so_far() - before, 0);
    EXPECT_GT(skipped, 1000u);
    EXPECT_FALSE(opened.reader->failed());
  }
}

}  // namespace
}  // namespace mctpkit::testing
