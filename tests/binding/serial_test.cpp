#include "mctpkit/binding/serial.hpp"

#include <gtest/gtest.h>

#include "binding_test_support.hpp"
#include "mctpkit/core/crc.hpp"

namespace mctpkit::binding {
namespace {

using testing::decoded_packet;
using testing::described;
using testing::hex;
using testing::kinds;
using testing::packet_layer;
using testing::registry;
using testing::summary;

// Protocol reference 4.7, written out by hand.
const Bytes kSetEidPacket = hex("01 00 0A CF 00 91 01 00 1D");
const Bytes kSetEidFrame = hex("7E 01 09 01 00 0A CF 00 91 01 00 1D 1D 28 7E");
const Bytes kEscapedPacket = hex("01 00 0A CF 00 91 01 00 7E");
const Bytes kEscapedFrame = hex("7E 01 09 01 00 0A CF 00 91 01 00 7D 5E 4C B5 7E");
const Bytes kGetEidPacket = hex("01 7D 0A CF 00 92 02");
const Bytes kGetEidFrame = hex("7E 01 07 01 7D 5D 0A CF 00 92 02 3C 97 7E");

Bytes build(const Bytes& packet) { return (Layer(kSerial) / packet_layer(packet)).build(registry()); }

TEST(Serial, ReferenceFramesDecode) {
  struct Case {
    const Bytes& frame;
    const Bytes& packet;
    std::uint64_t count, fcs;
  };
  for (const Case& c : {Case{kSetEidFrame, kSetEidPacket, 9, 0x1D28}, Case{kEscapedFrame, kEscapedPacket, 9, 0x4CB5},
                        Case{kGetEidFrame, kGetEidPacket, 7, 0x3C97}}) {
    Frame f = decode(c.frame, "serial", registry());
    EXPECT_TRUE(f.diagnostics.empty()) << described(f);
    ASSERT_EQ(f.layers.size(), 2u);
    const Layer& s = f.layers[0];
    EXPECT_EQ(s.num("flag"), 0x7Eu);
    EXPECT_EQ(s.num("revision"), 1u);
    EXPECT_EQ(s.num("byte_count"), c.count);
    EXPECT_EQ(s.num("fcs"), c.fcs);
    EXPECT_EQ(s.num("end_flag"), 0x7Eu);
    EXPECT_EQ(decoded_packet(f), c.packet);
  }
  EXPECT_EQ(summary(decode(kSetEidFrame, "serial", registry())),
            "SERIAL (revision: 1, byte_count: 9, fcs: 0x1D28) / "
            "PKT (version: 1, dst: 0x00, src: 0x0A, flags: 0xCF, body: 00 91 01 00 1D)");
}

TEST(Serial, ReferenceFramesBuildByteExact) {
  EXPECT_EQ(build(kSetEidPacket), kSetEidFrame);
  EXPECT_EQ(build(kEscapedPacket), kEscapedFrame);
  EXPECT_EQ(build(kGetEidPacket), kGetEidFrame);
  EXPECT_EQ(serial_frame(kSetEidPacket), kSetEidFrame);
  EXPECT_EQ(serial_frame(kEscapedPacket), kEscapedFrame);
  EXPECT_EQ(serial_frame(kGetEidPacket), kGetEidFrame);
}

TEST(Serial, DecodeThenBuildGivesTheSameBytes) {
  for (const Bytes& wire : {kSetEidFrame, kEscapedFrame, kGetEidFrame}) {
    Frame f = decode(wire, "serial", registry());
    EXPECT_EQ(f.build(registry()), wire);
  }
}

// FCS 0x7D5E: sent raw (Linux, libmctp) its bytes read like an escaped 0x7E; sent escaped
// (DSP0253, mctpkit) the 0x7D becomes 7D 5D.
const Bytes kFcs7D5EPacket = hex("01 31 0A CB 00 92 02");
const Bytes kFcs7D5ERaw = hex("7E 01 07 01 31 0A CB 00 92 02 7D 5E 7E");
const Bytes kFcs7D5EEscaped = hex("7E 01 07 01 31 0A CB 00 92 02 7D 5D 5E 7E");
// FCS 0x7E7E: raw, both FCS bytes equal the flag.
const Bytes kFcs7E7EPacket = hex("01 A2 0A C9 00 89 02");
const Bytes kFcs7E7ERaw = hex("7E 01 07 01 A2 0A C9 00 89 02 7E 7E 7E");
const Bytes kFcs7E7EEscaped = hex("7E 01 07 01 A2 0A C9 00 89 02 7D 5E 7D 5E 7E");

TEST(Serial, FcsBytesAreRawOnBuild) {
  ASSERT_EQ(crc::crc16_fcs(hex("01 07 01 31 0A CB 00 92 02")), 0x7D5E);
  ASSERT_EQ(crc::crc16_fcs(hex("01 07 01 A2 0A C9 00 89 02")), 0x7E7E);
  EXPECT_EQ(build(kFcs7D5EPacket), kFcs7D5ERaw);
  EXPECT_EQ(build(kFcs7E7EPacket), kFcs7E7ERaw);
  EXPECT_EQ(serial_frame(kFcs7D5EPacket), kFcs7D5ERaw);
  EXPECT_EQ(serial_frame(kFcs7E7EPacket), kFcs7E7ERaw);
  EXPECT_EQ(serial_frame(kFcs7D5EPacket, SerialFcsStyle::Escaped), kFcs7D5EEscaped);
  EXPECT_EQ(serial_frame(kFcs7E7EPacket, SerialFcsStyle::Escaped), kFcs7E7EEscaped);
}

TEST(Serial, PyMctpGetEidRequestFromTheCompatDocument) {
  // pymctp-compat.md section 4 (erratum 7): FCS 0x0BD1 raw.
  const Bytes wire = hex("7E 01 07 01 09 08 C9 00 81 02 0B D1 7E");
  EXPECT_EQ(build(hex("01 09 08 C9 00 81 02")), wire);
  Frame f = decode(wire, "serial", registry());
  EXPECT_TRUE(f.diagnostics.empty()) << described(f);
  EXPECT_EQ(f.layers[0].num("fcs"), 0x0BD1u);
}

TEST(Serial, FcsAcceptedRawOrEscaped) {
  struct Case {
    const Bytes& wire;
    const Bytes& packet;
    std::uint64_t fcs;
  };
  for (const Case& c : {Case{kFcs7D5ERaw, kFcs7D5EPacket, 0x7D5E}, Case{kFcs7D5EEscaped, kFcs7D5EPacket, 0x7D5E},
                        Case{kFcs7E7ERaw, kFcs7E7EPacket, 0x7E7E}, Case{kFcs7E7EEscaped, kFcs7E7EPacket, 0x7E7E}}) {
    Frame f = decode(c.wire, "serial", registry());
    EXPECT_TRUE(f.diagnostics.empty()) << to_hex(c.wire) << "\n" << described(f);
    ASSERT_EQ(f.layers.size(), 2u);
    EXPECT_EQ(f.layers[0].num("fcs"), c.fcs);
    EXPECT_EQ(decoded_packet(f), c.packet);
    // Whatever was received, mctpkit sends the FCS raw.
    EXPECT_EQ(f.build(registry()), serial_frame(c.packet));
    EXPECT_EQ(f.build(registry()), c.wire == kFcs7D5EEscaped ? kFcs7D5ERaw : c.wire == kFcs7E7EEscaped ? kFcs7E7ERaw : c.wire);
  }
}

TEST(Serial, UnwrapKeepsFlagsAndRemovesEscapes) {
  EXPECT_EQ(serial_unwrap(kEscapedFrame), hex("7E 01 09 01 00 0A CF 00 91 01 00 7E 4C B5 7E"));
  EXPECT_EQ(serial_unwrap(kFcs7D5ERaw), hex("7E 01 07 01 31 0A CB 00 92 02 7D 5E 7E"));
  EXPECT_EQ(serial_unwrap(kFcs7E7EEscaped), hex("7E 01 07 01 A2 0A C9 00 89 02 7E 7E 7E"));
  EXPECT_EQ(serial_wrap(hex("7E 01 07 01 A2 0A C9 00 89 02 7E 7E 7E")), kFcs7E7ERaw);
  EXPECT_EQ(serial_wrap(hex("7E 01 07 01 A2 0A C9 00 89 02 7E 7E 7E"), true), kFcs7E7EEscaped);
  EXPECT_EQ(serial_unwrap({}), Bytes{});
  // A lone escape at the very end stands for a byte that never came.
  EXPECT_EQ(serial_unwrap(hex("7E 01 09 01 00 7D")), hex("7E 01 09 01 00"));
}

TEST(Serial, EscapedByteCount) {
  // 125 = 0x7D bytes of packet: the byte count itself is escaped.
  Bytes packet = hex("01 08 09 C8 7E");
  packet.resize(125, 0x7D);
  Bytes wire = build(packet);
  ASSERT_GE(wire.size(), 4u);
  EXPECT_EQ(Bytes(wire.begin(), wire.begin() + 4), hex("7E 01 7D 5D"));
  EXPECT_EQ(wire.size(), 1 + 1 + 2 + 4 + 2 + 120 * 2 + 2 + 1u);
  Frame f = decode(wire, "serial", registry());
  EXPECT_TRUE(f.diagnostics.empty()) << described(f);
  EXPECT_EQ(f.layers[0].num("byte_count"), 125u);
  EXPECT_EQ(decoded_packet(f), packet);
}

TEST(Serial, BadFcsIsBadChecksum) {
  Bytes wire = kSetEidFrame;
  wire[12] = 0x1E;  // FCS high byte
  Frame f = decode(wire, "serial", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::BadChecksum});
  EXPECT_EQ(f.diagnostics[0].offset, 12u);
  ASSERT_EQ(f.layers.size(), 2u);  // still decoded
  EXPECT_EQ(decoded_packet(f), kSetEidPacket);

  wire = kSetEidFrame;
  wire[11] = 0x1C;  // last packet byte
  f = decode(wire, "serial", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::BadChecksum});

  // An old Linux kernel started the CRC at 0 instead of 0xFFFF.
  const std::uint16_t zero_init = crc::crc16_fcs(hex("01 09 01 00 0A CF 00 91 01 00 1D"), 0);
  wire = kSetEidFrame;
  wire[12] = static_cast<std::uint8_t>(zero_init >> 8);
  wire[13] = static_cast<std::uint8_t>(zero_init);
  ASSERT_NE(wire, kSetEidFrame);
  EXPECT_EQ(kinds(decode(wire, "serial", registry())), std::vector<DiagKind>{DiagKind::BadChecksum});
}

TEST(Serial, FramingErrors) {
  // No closing flag.
  Frame f = decode(hex("7E 01 09 01 00 0A CF 00 91 01 00 1D 1D 28"), "serial", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Truncated});
  ASSERT_EQ(f.diagnostics.size(), 1u);
  // Shown without its partial tail, so the FCS is where it is reported (see serial_unwrap).
  EXPECT_EQ(f.diagnostics[0].text, "data ends in field 'Frame check sequence'");
  EXPECT_EQ(f.diagnostics[0].offset, 12u);
  // Byte count larger than the packet.
  f = decode(hex("7E 01 0A 01 00 0A CF 00 91 01 00 1D 1D 28 7E"), "serial", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Truncated});
  // More bytes than the count says before the closing flag.
  f = decode(hex("7E 01 08 01 00 0A CF 00 91 01 00 1D 1D 28 7E"), "serial", registry());
  EXPECT_EQ(kinds(f), (std::vector<DiagKind>{DiagKind::Malformed, DiagKind::Malformed, DiagKind::BadChecksum}))
      << described(f);
  // Trailing bytes after the closing flag.
  f = decode(hex("7E 01 09 01 00 0A CF 00 91 01 00 1D 1D 28 7E 55"), "serial", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Malformed});
  EXPECT_EQ(f.diagnostics[0].offset, 15u);
  // Wrong revision and flags.
  f = decode(hex("7C 02 09 01 00 0A CF 00 91 01 00 1D 1D 28 7E"), "serial", registry());
  EXPECT_EQ(kinds(f), (std::vector<DiagKind>{DiagKind::Malformed, DiagKind::Malformed, DiagKind::BadChecksum}));
}

TEST(Serial, TruncationsAndBitFlips) {
  for (const Bytes& wire : {kSetEidFrame, kEscapedFrame, kGetEidFrame, kFcs7D5ERaw, kFcs7D5EEscaped, kFcs7E7ERaw,
                            kFcs7E7EEscaped}) {
    testing::expect_truncated_prefixes(wire, "serial");
    testing::expect_bit_flips(wire, "serial", testing::Flips::Detected);
  }
}

TEST(Serial, OversizePacketRefusedOnBuild) {
  Bytes packet = hex("01 08 09 C8 00");
  packet.resize(256, 0x11);
  EXPECT_THROW(build(packet), std::invalid_argument);
  EXPECT_THROW(serial_frame(packet), std::invalid_argument);
}

}  // namespace
}  // namespace mctpkit::binding
