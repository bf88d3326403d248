// Capture readers fill the caller's record in place: once the reader and the record have held
// records of every size, reading the next one (or skipping it) allocates nothing, in classic pcap,
// pcapng and tcpdump text alike (counted by allocation_counter.hpp). The captures are the samples
// repeated until they span several of the readers' 64 KiB blocks: the first half of each is read
// uncounted (every record of the sample has been seen by then), the second half counted, refills
// of the block included.

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

// The pcapng sample again and again: each copy is a section of its own. A text dump repeated
// is a longer dump (its banner line comes again, which changes nothing).
Bytes repeated_whole(const std::string& name) {
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
          {"mctp-sll.pcapng", repeated_whole("mctp-sll.pcapng")},
          {"tcpdump-text/tcpdump-sll-e-XX-tttt.txt", repeated_whole("tcpdump-text/tcpdump-sll-e-XX-tttt.txt")}};
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
    std::size_t read = 0;
    while (read < records / 2 && opened.reader->next(record)) ++read;
    const long before = allocations_so_far();
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
    std::size_t skipped = 0;
    while (skipped < 500 && opened.reader->skip(carries_mctp)) ++skipped;
    const long before = allocations_so_far();
    while (opened.reader->skip(carries_mctp)) ++skipped;
    EXPECT_EQ(allocations_so_far() - before, 0);
    EXPECT_GT(skipped, 1000u);
    EXPECT_FALSE(opened.reader->failed());
  }
}

}  // namespace
}  // namespace mctpkit::testing
