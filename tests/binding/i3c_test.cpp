#include "mctpkit/binding/i3c.hpp"

#include <gtest/gtest.h>

#include "binding_test_support.hpp"

namespace mctpkit::binding {
namespace {

using testing::decoded_packet;
using testing::described;
using testing::has_kind;
using testing::hex;
using testing::kinds;
using testing::packet_layer;
using testing::registry;
using testing::summary;

// Protocol reference 4.7: the Set EID packet written to (PEC 0xCA) or read from (0xA2) 0x08.
const Bytes kPacket = hex("01 00 0A CF 00 91 01 00 1D");
const Bytes kWrite = hex("10 01 00 0A CF 00 91 01 00 1D CA");
const Bytes kRead = hex("11 01 00 0A CF 00 91 01 00 1D A2");
const Bytes kWriteData = hex("01 00 0A CF 00 91 01 00 1D CA");
const Bytes kReadData = hex("01 00 0A CF 00 91 01 00 1D A2");

TEST(I3c, WriteAndReadDecodeWithTheirAddressByte) {
  Frame w = decode(kWrite, "i3c", registry());
  EXPECT_TRUE(w.diagnostics.empty()) << described(w);
  ASSERT_EQ(w.layers.size(), 2u);
  EXPECT_EQ(w.layers[0].num("addr"), 0x08u);
  EXPECT_EQ(w.layers[0].num("rnw"), 0u);
  EXPECT_EQ(w.layers[0].num("pec"), 0xCAu);
  EXPECT_EQ(decoded_packet(w), kPacket);
  EXPECT_EQ(summary(w), "I3C (addr: 0x08, rnw: write, pec: 0xCA) / "
                        "PKT (version: 1, dst: 0x00, src: 0x0A, flags: 0xCF, body: 00 91 01 00 1D)");

  Frame r = decode(kRead, "i3c", registry());
  EXPECT_TRUE(r.diagnostics.empty()) << described(r);
  EXPECT_EQ(r.layers[0].num("rnw"), 1u);
  EXPECT_EQ(r.layers[0].num("pec"), 0xA2u);
  EXPECT_EQ(decoded_packet(r), kPacket);
}

TEST(I3c, WriteAndReadBuildByteExact) {
  EXPECT_EQ((Layer(kI3c, {{"addr", 0x08}}) / packet_layer(kPacket)).build(registry()), kWrite);
  EXPECT_EQ((Layer(kI3c, {{"addr", 0x08}, {"rnw", "read"}}) / packet_layer(kPacket)).build(registry()), kRead);
  for (const Bytes& wire : {kWrite, kRead}) EXPECT_EQ(decode(wire, "i3c", registry()).build(registry()), wire);
}

TEST(I3c, TransferDataWithoutAddressBuildsTheReferenceBytes) {
  EXPECT_EQ((Layer(kI3cNoAddr, {{"addr", 0x08}}) / packet_layer(kPacket)).build(registry()), kWriteData);
  EXPECT_EQ((Layer(kI3cNoAddr, {{"addr", 0x08}, {"rnw", 1}}) / packet_layer(kPacket)).build(registry()), kReadData);
  // The PEC depends on the address, so building without it is refused.
  EXPECT_THROW((Layer(kI3cNoAddr) / packet_layer(kPacket)).build(registry()), std::invalid_argument);
}

TEST(I3c, TransferDataWithoutAddressDecodesWithThePecUnchecked) {
  for (const Bytes& data : {kWriteData, kReadData}) {
    Frame f = decode(data, "i3c-noaddr", registry());
    EXPECT_TRUE(f.diagnostics.empty()) << described(f);
    ASSERT_EQ(f.layers.size(), 2u);
    EXPECT_EQ(f.layers[0].value(f.layers[0].index_of("addr")).state, FieldValue::State::Absent);
    EXPECT_EQ(decoded_packet(f), kPacket);
  }
  EXPECT_EQ(summary(decode(kWriteData, "i3c-noaddr", registry())),
            "I3C (pec: 0xCA) / PKT (version: 1, dst: 0x00, src: 0x0A, flags: 0xCF, body: 00 91 01 00 1D)");
}

TEST(I3c, WrongDirectionOrAddressIsBadChecksum) {
  // The write's PEC with the read address byte.
  Bytes wire = kWrite;
  wire[0] = 0x11;
  Frame f = decode(wire, "i3c", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::BadChecksum});
  EXPECT_EQ(f.diagnostics[0].offset, 10u);
  EXPECT_EQ(f.diagnostics[0].text, "PEC 0xCA does not match the computed 0xA2");
  wire[0] = 0x12;  // address 0x09
  EXPECT_EQ(kinds(decode(wire, "i3c", registry())), std::vector<DiagKind>{DiagKind::BadChecksum});
}

TEST(I3c, TruncationsAndBitFlips) {
  // With no length on the wire a shorter transfer looks whole: its PEC is then wrong (or the
  // data too short to hold the address, PEC and an MCTP header).
  for (const Bytes& wire : {kWrite, kRead}) {
    for (std::size_t n = 0; n < wire.size(); ++n) {
      Frame f = decode(ByteView(wire).first(n), "i3c", registry());
      EXPECT_TRUE(has_kind(f, DiagKind::Truncated) || has_kind(f, DiagKind::BadChecksum)) << n << described(f);
      EXPECT_EQ(has_kind(f, DiagKind::Truncated), n < 6) << n << described(f);
    }
    testing::expect_bit_flips(wire, "i3c", testing::Flips::Detected);
  }
  // Without the address the PEC cannot be checked: damage shows only where lengths disagree.
  for (const Bytes& data : {kWriteData, kReadData}) {
    for (std::size_t n = 0; n < data.size(); ++n) {
      Frame f = decode(ByteView(data).first(n), "i3c-noaddr", registry());
      EXPECT_EQ(has_kind(f, DiagKind::Truncated), n < 5) << n << described(f);
    }
    testing::expect_bit_flips(data, "i3c-noaddr", testing::Flips::Undetectable);
  }
}

}  // namespace
}  // namespace mctpkit::binding
