// pcap files that are damaged, odd or of other link types.

#include <gtest/gtest.h>

#include <random>

#include "capture_test_support.hpp"
#include "mctpkit/capture/link_types.hpp"

namespace mctpkit::capture::test {
namespace {

constexpr std::size_t kPcapHeaderSize = 24;
constexpr std::size_t kRecordHeaderSize = 16;

std::uint32_t le32(const Bytes& b, std::size_t at) {
  return b[at] | b[at + 1] << 8 | b[at + 2] << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
}

void put_le32(Bytes& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
}

// Offset of the last record of a little-endian pcap.
std::size_t last_record_offset(const Bytes& pcap) {
  std::size_t at = kPcapHeaderSize;
  std::size_t last = at;
  while (at < pcap.size()) {
    last = at;
    at += kRecordHeaderSize + le32(pcap, at + 8);
  }
  return last;
}

class TruncatedPcap : public ::testing::TestWithParam<const char*> {};

TEST_P(TruncatedPcap, EveryCutInsideTheLastRecordKeepsTheEarlierRecords) {
  Bytes whole = read_bytes(capture_path(GetParam()));
  auto full_reader = open_ok(capture_path(GetParam()));
  ASSERT_TRUE(full_reader);
  std::vector<CaptureRecord> full = read_all(*full_reader);
  ASSERT_EQ(full.size(), 35u);
  std::size_t last = last_record_offset(whole);
  std::uint32_t last_length = le32(whole, last + 8);
  TempDir dir;

  for (std::size_t cut = last; cut < whole.size(); ++cut) {
    SCOPED_TRACE("cut at " + std::to_string(cut));
    Bytes part(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(cut));
    // Both ways in: a regular file (read in whole blocks) and a stream.
    OpenResult from_file = open_capture(dir.write("cut.pcap", part));
    OpenResult from_memory = open_capture_memory(part);
    for (OpenResult* opened : {&from_file, &from_memory}) {
      ASSERT_TRUE(opened->reader) << opened->error;
      CaptureReader& reader = *opened->reader;
      std::vector<CaptureRecord> records = read_all(reader);
      ASSERT_EQ(records.size(), 34u);
      for (std::size_t i = 0; i < records.size(); ++i) EXPECT_EQ(records[i].data, full[i].data);
      if (cut == last) {
        EXPECT_FALSE(reader.failed());
        EXPECT_TRUE(reader.diagnostics().empty());
        continue;
      }
      EXPECT_TRUE(reader.failed());
      ASSERT_EQ(reader.diagnostics().size(), 1u);
      const CaptureDiagnostic& diagnostic = reader.diagnostics()[0];
      EXPECT_TRUE(diagnostic.fatal);
      EXPECT_EQ(diagnostic.line_or_record, 35u);
      std::size_t got = cut - last;
      std::string expected =
          got < kRecordHeaderSize
              ? "cannot read record 35: the file ends after " + std::to_string(got) + " of the 16 bytes of its header"
              : "cannot read record 35: the file ends after " + std::to_string(got - kRecordHeaderSize) + " of the " +
                    std::to_string(last_length) + " bytes of its data";
      EXPECT_EQ(diagnostic.message, expected);
      EXPECT_FALSE(reader.next());  // stays stopped
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, TruncatedPcap,
                         ::testing::Values("mctp-sll.pcap", "mctp-sll2.pcap", "mctp-smbus-i2c.pcap"));

TEST(DamagedPcap, CorruptGlobalHeaderIsAnOpenError) {
  TempDir dir;
  Bytes pcap = read_bytes(capture_path("mctp-sll.pcap"));
  Bytes bad_version = pcap;
  bad_version[4] = 9;
  std::string path = dir.write("version.pcap", bad_version);
  EXPECT_EQ(open_capture(path).error,
            "cannot read pcap '" + path + "': unsupported pcap savefile version 9.4");

  std::string short_path = dir.write("short.pcap", Bytes(pcap.begin(), pcap.begin() + 10));
  EXPECT_EQ(open_capture(short_path).error, "cannot read pcap '" + short_path +
                                                "': truncated dump file; tried to read 24 file header bytes, "
                                                "only got 6");
}

TEST(DamagedPcap, CorruptRecordHeaderStopsAfterTheEarlierRecords) {
  Bytes pcap = read_bytes(capture_path("mctp-sll.pcap"));
  // Third record: an impossible captured length.
  std::size_t third = kPcapHeaderSize;
  for (int i = 0; i < 2; ++i) third += kRecordHeaderSize + le32(pcap, third + 8);
  put_le32(pcap, third + 8, 0x7FFFFFFF);
  OpenResult opened = open_capture_memory(pcap);
  ASSERT_TRUE(opened.reader) << opened.error;
  EXPECT_EQ(read_all(*opened.reader).size(), 2u);
  EXPECT_TRUE(opened.reader->failed());
  ASSERT_EQ(opened.reader->diagnostics().size(), 1u);
  EXPECT_EQ(opened.reader->diagnostics()[0].line_or_record, 3u);
  EXPECT_EQ(opened.reader->diagnostics()[0].message,
            "cannot read record 3: it claims 2147483647 captured bytes, more than the 262144 a record may hold; "
            "the file is damaged");
}

TEST(DamagedPcap, EmptyFileIsAnOpenError) {
  TempDir dir;
  std::string path = dir.write("empty.pcap", "");
  EXPECT_EQ(open_capture(path).error, "'" + path + "' is empty: not a pcap, pcapng or tcpdump text file");
}

TEST(DamagedPcap, RandomBytesAreNotACapture) {
  std::mt19937 random(20240320);
  Bytes noise(4096);
  for (auto& b : noise) b = static_cast<std::uint8_t>(random());
  TempDir dir;
  std::string path = dir.write("noise.pcap", noise);
  OpenResult opened = open_capture(path);
  EXPECT_FALSE(opened.reader);
  EXPECT_EQ(opened.error, "'" + path + "' is not a pcap, pcapng or tcpdump text file");
}

TEST(OtherLinkTypes, EthernetRecordsAreSkippedWithAReason) {
  Bytes frame = hex("ffffffffffff 020000000001 0800 4500001c");
  TempDir dir;
  auto reader = open_ok(dir.write("eth.pcap", make_pcap(kDltEthernet, {frame, frame})));
  ASSERT_TRUE(reader);
  std::vector<CaptureRecord> records = read_all(*reader);
  ASSERT_EQ(records.size(), 2u);
  for (const CaptureRecord& record : records) {
    EXPECT_EQ(record.link, "");
    EXPECT_EQ(record.skip_reason, "link type EN10MB (1) does not carry MCTP");
    EXPECT_EQ(record.link_type, kDltEthernet);
    EXPECT_EQ(record.data, frame);  // nothing stripped
  }
  EXPECT_EQ(records[1].number, 2u);
  EXPECT_EQ(reader->records_skipped(), 2u);
  EXPECT_FALSE(reader->failed());
  EXPECT_TRUE(reader->diagnostics().empty());
}

TEST(OtherLinkTypes, ForcedLinkAppliesToUnknownLinkTypes) {
  Bytes packet = hex("010008c80080010009");
  OpenOptions options;
  options.force_link = "mctp";
  OpenResult opened = open_capture_memory(make_pcap(kDltEthernet, {packet}), options);
  ASSERT_TRUE(opened.reader);
  auto records = read_all(*opened.reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].link, "mctp");
  EXPECT_EQ(records[0].data, packet);
}

TEST(OtherLinkTypes, UserLinkTypesDefaultToMctpOrTheForcedLink) {
  Bytes packet = hex("010008c80080010009");
  Bytes frame = hex("3a0f0a21010008c80080010009ce");
  for (std::uint32_t dlt : {kDltUser0, kDltUser15}) {
    OpenResult plain = open_capture_memory(make_pcap(dlt, {packet}));
    ASSERT_TRUE(plain.reader);
    auto records = read_all(*plain.reader);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].link, "mctp");
    EXPECT_EQ(records[0].link_type, dlt);
    EXPECT_EQ(records[0].data, packet);

    OpenOptions options;
    options.force_link = "smbus";
    OpenResult forced = open_capture_memory(make_pcap(dlt, {frame}), options);
    ASSERT_TRUE(forced.reader);
    records = read_all(*forced.reader);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].link, "smbus");
    EXPECT_EQ(records[0].data, frame);
  }
}

TEST(OtherLinkTypes, NonMctpCookedAndI2cRecordsAreSkipped) {
  Bytes ipv4_sll = hex("0000 0001 0006 020000000001 0000 0800 4500");
  Bytes short_sll = hex("0000 0122 0000 0000");
  Bytes mctp_sll = hex("0004 0122 0000 0000000000000000 00fa 010008c80080010009");
  OpenResult sll = open_capture_memory(make_pcap(kDltLinuxSll, {ipv4_sll, short_sll, mctp_sll}));
  ASSERT_TRUE(sll.reader);
  auto records = read_all(*sll.reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].skip_reason, "LINUX_SLL protocol 0x0800 is not MCTP (0x00FA)");
  EXPECT_EQ(records[1].skip_reason, "record of 8 bytes is shorter than the 16-byte LINUX_SLL header");
  EXPECT_EQ(records[2].link, "mctp");
  EXPECT_EQ(to_hex(records[2].data), "01 00 08 C8 00 80 01 00 09");
  EXPECT_EQ(sll.reader->records_skipped(), 2u);

  Bytes ipv4_sll2 = hex("0800 0000 00000003 0001 00 06 020000000001 0000 4500");
  OpenResult sll2 = open_capture_memory(make_pcap(kDltLinuxSll2, {ipv4_sll2}));
  ASSERT_TRUE(sll2.reader);
  records = read_all(*sll2.reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].skip_reason, "LINUX_SLL2 protocol 0x0800 is not MCTP (0x00FA)");

  Bytes ipmb = hex("01 00000000 20 18 c8 81 04 01");  // IPMB request: netfn, not command 0x0F
  Bytes event = hex("81 00000001");
  Bytes tiny = hex("01 00000000 3a");
  OpenResult i2c = open_capture_memory(make_pcap(kDltI2cLinux, {ipmb, event, tiny}));
  ASSERT_TRUE(i2c.reader);
  records = read_all(*i2c.reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].skip_reason, "I2C transfer with command code 0x18 is not MCTP (0x0F)");
  EXPECT_EQ(records[1].skip_reason, "I2C_LINUX controller event, not a data transfer");
  EXPECT_EQ(records[2].skip_reason, "I2C transfer of 1 bytes is too short for MCTP over SMBus");
}

TEST(PcapDetails, SnapLengthCutKeepsTheOriginalLength) {
  Bytes pcap = make_pcap(kDltLinuxSll, {hex("0004 0122 0000 0000000000000000 00fa 0100 08c8")});
  put_le32(pcap, kPcapHeaderSize + 12, 16 + 9);  // the packet had 9 bytes, 4 were kept
  OpenResult opened = open_capture_memory(pcap);
  ASSERT_TRUE(opened.reader);
  auto records = read_all(*opened.reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].data.size(), 4u);
  EXPECT_EQ(records[0].original_length, 9u);
}

TEST(PcapDetails, NanosecondAndBigEndianFiles) {
  Bytes packet = hex("0004 0122 0000 0000000000000000 00fa 010008c80080010009");
  Bytes nano = make_pcap(kDltLinuxSll, {packet});
  put_le32(nano, 0, 0xA1B23C4D);
  put_le32(nano, kPcapHeaderSize + 4, 123456789);
  OpenResult opened = open_capture_memory(nano);
  ASSERT_TRUE(opened.reader);
  auto records = read_all(*opened.reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].time_ns, 1'700'000'000'123'456'789);

  // The same file written by a big-endian host, microseconds.
  Bytes big = hex("a1b2c3d4 0002 0004 00000000 00000000 0000ffff 00000071"
                  "6553f100 0001e240 00000019 00000019");
  big.insert(big.end(), packet.begin(), packet.end());
  opened = open_capture_memory(big);
  ASSERT_TRUE(opened.reader);
  records = read_all(*opened.reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].time_ns, 1'700'000'000'123'456'000);
  EXPECT_EQ(records[0].link, "mctp");
  EXPECT_EQ(to_hex(records[0].data), "01 00 08 C8 00 80 01 00 09");
}

TEST(PcapDetails, TimesAfter2038StayPositive) {
  Bytes pcap = make_pcap(kDltLinuxSll, {hex("0004 0122 0000 0000000000000000 00fa 0100")});
  put_le32(pcap, kPcapHeaderSize, 0x80000000u);
  OpenResult opened = open_capture_memory(pcap);
  ASSERT_TRUE(opened.reader);
  auto records = read_all(*opened.reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].time_ns, std::int64_t{2147483648} * 1'000'000'000);
}

}  // namespace
}  // namespace mctpkit::capture::test
