// PcapWriter: the file it writes, read back by the readers here (and by tcpdump during development).

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>

#include "capture_test_support.hpp"
#include "mctpkit/capture/link_types.hpp"
#include "mctpkit/capture/pcap_writer.hpp"

namespace mctpkit::capture::test {
namespace {

constexpr std::int64_t kFirstSampleNs = 1'700'000'000'000'000'000;
constexpr std::int64_t kSampleSpacingNs = 1'001'000'000;

TEST(PcapWriter, WritesTheSampleCaptureByteForByte) {
  TempDir dir;
  std::string path = dir.file("out.pcap");
  PcapWriter::OpenResult opened = PcapWriter::open(path);
  ASSERT_TRUE(opened.writer) << opened.error;
  std::vector<Sample> samples = load_samples();
  for (std::size_t i = 0; i < samples.size(); ++i) {
    ASSERT_TRUE(opened.writer->write(samples[i].mctp, kFirstSampleNs + static_cast<std::int64_t>(i) * kSampleSpacingNs,
                                     samples[i].outgoing));
  }
  ASSERT_TRUE(opened.writer->close()) << opened.writer->error();
  // mctp-sll.pcap is what tcpdump writes on an MCTP interface: same header, same records.
  EXPECT_EQ(read_bytes(path), read_bytes(capture_path("mctp-sll.pcap")));

  auto reader = open_ok(path);
  ASSERT_TRUE(reader);
  std::vector<CaptureRecord> records = read_all(*reader);
  ASSERT_EQ(records.size(), samples.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].link, "mctp");
    EXPECT_EQ(records[i].link_type, kDltLinuxSll);
    EXPECT_EQ(records[i].data, samples[i].mctp);
    EXPECT_EQ(records[i].time_ns, kFirstSampleNs + static_cast<std::int64_t>(i) * kSampleSpacingNs);
  }
}

TEST(PcapWriter, TimesAndSizesAtTheEdges) {
  TempDir dir;
  std::string path = dir.file("edges.pcap");
  PcapWriter::OpenResult opened = PcapWriter::open(path);
  ASSERT_TRUE(opened.writer) << opened.error;
  Bytes packet = hex("010908c9008102");
  Bytes huge(70000, 0xA5);
  PcapWriter& writer = *opened.writer;
  EXPECT_TRUE(writer.write(packet, 1'700'000'000'123'456'789, true));  // cut to microseconds
  EXPECT_TRUE(writer.write(packet, std::nullopt, false));              // no time: the epoch
  EXPECT_TRUE(writer.write(packet, -5, false));                        // before 1970: clamped
  EXPECT_TRUE(writer.write(huge, std::int64_t{5'000'000'000} * 1'000'000'000, false));  // after 2106: clamped
  ASSERT_TRUE(writer.close());
  EXPECT_FALSE(writer.write(packet, 0, false));
  EXPECT_EQ(writer.error(), "'" + path + "' is closed");

  Bytes file = read_bytes(path);
  // Record 1: SLL packet type 4 (sent by us), ARPHRD_MCTP, no address, protocol 0x00FA.
  EXPECT_EQ(to_hex(ByteView(file).subspan(24 + 16, 16), ""), "000401220000000000000000000000FA");
  // Record 2: packet type 0 (to us).
  EXPECT_EQ(to_hex(ByteView(file).subspan(24 + 16 + 16 + 7 + 16, 2), ""), "0000");
  auto reader = open_ok(path);
  ASSERT_TRUE(reader);
  std::vector<CaptureRecord> records = read_all(*reader);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].time_ns, 1'700'000'000'123'456'000);
  EXPECT_EQ(records[1].time_ns, 0);
  EXPECT_EQ(records[2].time_ns, 0);
  EXPECT_EQ(records[3].time_ns, std::int64_t{0xFFFFFFFF} * 1'000'000'000);
  EXPECT_EQ(records[1].data, packet);
  EXPECT_EQ(records[3].data.size(), 65535u - 16);
  EXPECT_EQ(records[3].original_length, 70000u);
  EXPECT_FALSE(reader->failed());
}

TEST(PcapWriter, OpenFailureIsAClearError) {
  PcapWriter::OpenResult opened = PcapWriter::open("/nonexistent-mctpkit-dir/out.pcap");
  EXPECT_FALSE(opened.writer);
  EXPECT_EQ(opened.error, "cannot open '/nonexistent-mctpkit-dir/out.pcap' for writing: No such file or directory");
}

TEST(PcapWriter, WritesToStandardOutput) {
  TempDir dir;
  std::string path = dir.file("stdout.pcap");
  std::fflush(stdout);
  int saved = ::dup(STDOUT_FILENO);
  int target = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(saved, 0);
  ASSERT_GE(target, 0);
  ::dup2(target, STDOUT_FILENO);
  ::close(target);
  {
    PcapWriter::OpenResult opened = PcapWriter::open("-");
    if (opened.writer) {
      opened.writer->write(hex("010908c9008102"), 1'700'000'000'000'000'000, true);
      opened.writer->close();
    }
  }
  std::fflush(stdout);
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);

  auto reader = open_ok(path);
  ASSERT_TRUE(reader);
  std::vector<CaptureRecord> records = read_all(*reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(to_hex(records[0].data, ""), "010908C9008102");
  EXPECT_EQ(records[0].time_ns, 1'700'000'000'000'000'000);
}

}  // namespace
}  // namespace mctpkit::capture::test
