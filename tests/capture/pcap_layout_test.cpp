// pcap record layouts other than the usual one, and records read in place from large blocks:
// a record that straddles two blocks, one larger than a block, and a file read both as a
// regular file (whole blocks) and as a stream (only what is asked for).

#include <gtest/gtest.h>

#include "capture_test_support.hpp"
#include "mctpkit/capture/link_types.hpp"

namespace mctpkit::capture::test {
namespace {

constexpr std::size_t kPcapHeaderSize = 24;

void put_le16(Bytes& b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<std::uint8_t>(v);
  b[at + 1] = static_cast<std::uint8_t>(v >> 8);
}

void put_le32(Bytes& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
}

void append_le32(Bytes& b, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

// A bare MCTP packet (user link type) of `size` bytes whose body counts up from `seed`.
Bytes packet(std::size_t size, std::uint8_t seed) {
  Bytes p = hex("01 09 08 c8");
  for (std::size_t i = p.size(); i < size; ++i) p.push_back(static_cast<std::uint8_t>(seed + i));
  p.resize(size);
  return p;
}

std::vector<CaptureRecord> read_file_and_stream(const Bytes& pcap, std::vector<CaptureRecord>& from_stream) {
  TempDir dir;
  auto file_reader = open_ok(dir.write("layout.pcap", pcap));
  EXPECT_TRUE(file_reader);
  if (!file_reader) return {};
  std::vector<CaptureRecord> from_file = read_all(*file_reader);
  EXPECT_FALSE(file_reader->failed());
  OpenResult stream = open_capture_memory(pcap);
  EXPECT_TRUE(stream.reader) << stream.error;
  if (stream.reader) from_stream = read_all(*stream.reader);
  return from_file;
}

TEST(PcapLayout, RecordsAcrossManyBlocksAreReadWholeFromAFileAndAStream) {
  // About 600 KiB of records of sizes that do not divide a block, so that record headers and
  // data straddle block ends at many offsets; one record is larger than a whole block.
  std::vector<Bytes> records;
  for (std::size_t i = 0; i < 3000; ++i) records.push_back(packet(4 + (i * 37) % 389, static_cast<std::uint8_t>(i)));
  records.insert(records.begin() + 1500, packet(150000, 7));
  Bytes pcap = make_pcap(kDltUser0, records);
  put_le32(pcap, 16, 262144);  // snapshot length, so that the large record is kept whole
  std::vector<CaptureRecord> from_stream;
  std::vector<CaptureRecord> from_file = read_file_and_stream(pcap, from_stream);
  ASSERT_EQ(from_file.size(), records.size());
  ASSERT_EQ(from_stream.size(), records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    SCOPED_TRACE("record " + std::to_string(i + 1));
    EXPECT_EQ(from_file[i].number, i + 1);
    EXPECT_EQ(from_file[i].data, records[i]);
    EXPECT_EQ(from_file[i].original_length, records[i].size());
    EXPECT_EQ(from_file[i].time_ns, (1'700'000'000 + static_cast<std::int64_t>(i)) * 1'000'000'000);
    EXPECT_EQ(from_stream[i].data, records[i]);
  }
}

TEST(PcapLayout, TheModifiedFormatsLongerRecordHeadersAreSkipped) {
  // Magic 0xA1B2CD34: each record header carries 8 more bytes (interface, protocol, type).
  Bytes first = packet(9, 1), second = packet(12, 2);
  Bytes pcap = make_pcap(kDltUser0, {});
  put_le32(pcap, 0, 0xA1B2CD34);
  for (const Bytes& record : {first, second}) {
    append_le32(pcap, 1'700'000'000);
    append_le32(pcap, 250);  // microseconds
    append_le32(pcap, static_cast<std::uint32_t>(record.size()));
    append_le32(pcap, static_cast<std::uint32_t>(record.size()));
    pcap.insert(pcap.end(), {0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE});
    pcap.insert(pcap.end(), record.begin(), record.end());
  }
  std::vector<CaptureRecord> from_stream;
  std::vector<CaptureRecord> records = read_file_and_stream(pcap, from_stream);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].data, first);
  EXPECT_EQ(records[1].data, second);
  EXPECT_EQ(records[1].time_ns, 1'700'000'000'000'250'000);
  ASSERT_EQ(from_stream.size(), 2u);
  EXPECT_EQ(from_stream[1].data, second);
}

// One 9-byte record of a 20-byte packet, lengths written as (first, second).
Bytes old_file(std::uint16_t major, std::uint16_t minor, std::uint32_t first, std::uint32_t second) {
  Bytes pcap = make_pcap(kDltUser0, {packet(9, 3)});
  put_le16(pcap, 4, major);
  put_le16(pcap, 6, minor);
  put_le32(pcap, kPcapHeaderSize + 8, first);
  put_le32(pcap, kPcapHeaderSize + 12, second);
  return pcap;
}

TEST(PcapLayout, FilesBeforeVersion2Point3GiveTheOriginalLengthFirst) {
  struct Case {
    std::uint16_t major, minor;
    std::uint32_t first, second;
  };
  // 2.2 always in the old order; 2.3 in either (a captured length above the original one
  // shows the old order); 2.4 always in the new one.
  for (const Case& c : {Case{2, 2, 20, 9}, Case{2, 3, 20, 9}, Case{2, 3, 9, 20}, Case{2, 4, 9, 20}}) {
    SCOPED_TRACE(std::to_string(c.major) + "." + std::to_string(c.minor));
    OpenResult opened = open_capture_memory(old_file(c.major, c.minor, c.first, c.second));
    ASSERT_TRUE(opened.reader) << opened.error;
    std::vector<CaptureRecord> records = read_all(*opened.reader);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].data, packet(9, 3));
    EXPECT_EQ(records[0].original_length, 20u);
    EXPECT_FALSE(opened.reader->failed());
  }
}

TEST(PcapLayout, ARecordLongerThanTheSnapshotLengthIsCutToIt) {
  const Bytes long_packet = packet(40, 4);
  Bytes pcap = make_pcap(kDltUser0, {long_packet, packet(9, 5)});
  put_le32(pcap, 16, 16);  // snapshot length 16
  OpenResult opened = open_capture_memory(pcap);
  ASSERT_TRUE(opened.reader) << opened.error;
  std::vector<CaptureRecord> records = read_all(*opened.reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].data, Bytes(long_packet.begin(), long_packet.begin() + 16));
  EXPECT_EQ(records[0].original_length, 40u);
  EXPECT_EQ(records[1].data, packet(9, 5));  // the rest of the long record was skipped
  EXPECT_FALSE(opened.reader->failed());
}

}  // namespace
}  // namespace mctpkit::capture::test
