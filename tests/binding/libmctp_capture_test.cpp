// The capture written by libmctp's demux daemon on a serial binding. It holds no serial
// framing: libmctp records each MCTP packet after the binding has removed its framing, in a
// pcap file of link type LINUX_SLL2 (276) whose 20-byte cooked header gives protocol 0x00FA
// (ETH_P_MCTP), hardware type 0 and packet type 0 (received) or 4 (sent). The packets are put
// back into DSP0253 frames here (FCS raw as libmctp sends it, and escaped as mctpkit does),
// streamed through the deframer and decoded as link "serial".

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "binding_test_support.hpp"
#include "mctpkit/binding/serial.hpp"
#include "mctpkit/binding/serial_deframer.hpp"

namespace mctpkit::binding {
namespace {

using testing::decoded_packet;
using testing::described;
using testing::hex;
using testing::registry;

std::uint32_t le32(const Bytes& b, std::size_t at) {
  return std::uint32_t{b[at]} | std::uint32_t{b[at + 1]} << 8 | std::uint32_t{b[at + 2]} << 16 |
         std::uint32_t{b[at + 3]} << 24;
}

struct Record {
  std::uint16_t protocol;
  std::uint8_t packet_type;
  Bytes packet;
};

std::vector<Record> read_capture() {
  std::ifstream in(MCTPKIT_SHARED_DIR "/captures/libmctp-demux-serial.pcap", std::ios::binary);
  EXPECT_TRUE(in.good());
  Bytes file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<Record> out;
  if (file.size() < 24) return out;
  EXPECT_EQ(le32(file, 0), 0xA1B2C3D4u);  // microsecond pcap, little-endian
  EXPECT_EQ(le32(file, 20), 276u);        // LINUX_SLL2
  std::size_t pos = 24;
  while (pos + 16 <= file.size()) {
    const std::size_t captured = le32(file, pos + 8);
    EXPECT_EQ(captured, le32(file, pos + 12));  // nothing cut off
    pos += 16;
    if (pos + captured > file.size() || captured < 20) {
      ADD_FAILURE() << "record at " << pos << " overruns the file";
      break;
    }
    Record r;
    r.protocol = static_cast<std::uint16_t>(file[pos] << 8 | file[pos + 1]);
    r.packet_type = file[pos + 10];
    r.packet.assign(file.begin() + static_cast<std::ptrdiff_t>(pos + 20),
                    file.begin() + static_cast<std::ptrdiff_t>(pos + captured));
    out.push_back(std::move(r));
    pos += captured;
  }
  EXPECT_EQ(pos, file.size());
  return out;
}

TEST(LibmctpCapture, HoldsBareMctpPacketsInSll2) {
  std::vector<Record> records = read_capture();
  ASSERT_EQ(records.size(), 9u);
  for (const Record& r : records) {
    EXPECT_EQ(r.protocol, 0x00FA);
    EXPECT_TRUE(r.packet_type == 0 || r.packet_type == 4);
    ASSERT_GE(r.packet.size(), 5u);
    EXPECT_EQ(r.packet[0], 0x01);  // MCTP header version 1: no serial framing in front
  }
  // First and last, read by hand: Get MCTP Version Support (0xFF) to EID 9; a PLDM request.
  EXPECT_EQ(records.front().packet, hex("01 09 08 C9 00 82 04 FF"));
  EXPECT_EQ(records.back().packet, hex("01 09 08 CD 01 80 00 02"));
  EXPECT_EQ(records[1].packet, hex("01 08 09 C1 00 02 04 00 04 F1 F0 FF 00 F1 F1 FF 00 F1 F2 FF 00 F1 F3 F3 00"));
}

TEST(LibmctpCapture, PacketsSurviveSerialFramingBothWays) {
  std::vector<Record> records = read_capture();
  ASSERT_FALSE(records.empty());
  for (SerialFcsStyle style : {SerialFcsStyle::Raw, SerialFcsStyle::Escaped}) {
    Bytes stream;
    for (const Record& r : records) {
      Bytes frame = serial_frame(r.packet, style);
      stream.insert(stream.end(), frame.begin(), frame.end());
    }
    SerialDeframer d;
    SerialCollector got;
    for (std::size_t pos = 0; pos < stream.size(); pos += 3) {
      d.feed(ByteView(stream).subspan(pos, std::min<std::size_t>(3, stream.size() - pos)), got);
    }
    d.finish(got);
    EXPECT_TRUE(got.damages.empty());
    ASSERT_EQ(got.frames.size(), records.size());
    for (std::size_t k = 0; k < records.size(); ++k) {
      EXPECT_EQ(got.frames[k].packet, records[k].packet) << k;
      Frame f = decode(got.frames[k].wire, "serial", registry());
      EXPECT_TRUE(f.diagnostics.empty()) << k << "\n" << described(f);
      EXPECT_EQ(decoded_packet(f), records[k].packet) << k;
    }
  }
}

}  // namespace
}  // namespace mctpkit::binding
