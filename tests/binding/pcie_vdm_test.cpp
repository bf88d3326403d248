#include "mctpkit/binding/pcie_vdm.hpp"

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

// Protocol reference 4.7: Get EID, route by ID from 00:00.0 to 01:00.0, Attr 01b, 1 DW, pad 1.
const Bytes kGetEidPacket = hex("01 00 0A C8 00 80 02");
const Bytes kGetEid = hex("72 00 10 01  00 00 10 7F  01 00 1A B4  01 00 0A C8  00 80 02 00");
// Route to the root complex from 01:00.0, 5 bytes of body: 2 DW, pad 3.
const Bytes kToRcPacket = hex("01 0A 00 C8 01 02 03 04 05");
const Bytes kToRc = hex("70 00 00 02  01 00 30 7F  00 00 1A B4  01 0A 00 C8  01 02 03 04  05 00 00 00");
// A body that fills its DW: no pad.
const Bytes kNoPadPacket = hex("01 0A 00 C8 7E 00 00 01");
const Bytes kNoPad = hex("73 00 00 01  00 08 00 7F  00 00 1A B4  01 0A 00 C8  7E 00 00 01");

TEST(PcieVdm, ReferenceExampleDecodes) {
  Frame f = decode(kGetEid, "pcie-vdm", registry());
  EXPECT_TRUE(f.diagnostics.empty()) << described(f);
  ASSERT_EQ(f.layers.size(), 2u);
  const Layer& v = f.layers[0];
  EXPECT_EQ(v.num("fmt"), 3u);
  EXPECT_EQ(v.num("type"), 2u);
  EXPECT_EQ(v.num("routing"), 2u);
  EXPECT_EQ(v.num("tc"), 0u);
  EXPECT_EQ(v.num("td"), 0u);
  EXPECT_EQ(v.num("attr"), 1u);
  EXPECT_EQ(v.num("length"), 1u);
  EXPECT_EQ(v.num("requester_id"), 0x0000u);
  EXPECT_EQ(v.num("pad_len"), 1u);
  EXPECT_EQ(v.num("vdm_code"), 0u);
  EXPECT_EQ(v.num("message_code"), 0x7Fu);
  EXPECT_EQ(v.num("target_id"), 0x0100u);
  EXPECT_EQ(v.num("vendor_id"), 0x1AB4u);
  EXPECT_EQ(v.get("pad1"), std::optional<std::uint64_t>(0));
  EXPECT_FALSE(v.get("pad2").has_value());
  EXPECT_EQ(v.length, kGetEid.size());
  EXPECT_EQ(decoded_packet(f), kGetEidPacket);
  EXPECT_EQ(summary(f), "PCIE-VDM (routing: by_id, requester_id: 0x0000, target_id: 0x0100, length: 1, pad_len: 1) / "
                        "PKT (version: 1, dst: 0x00, src: 0x0A, flags: 0xC8, body: 00 80 02)");
}

TEST(PcieVdm, ReferenceExampleBuildsByteExactWithDerivedLengthAndPad) {
  Layer vdm(kPcieVdm, {{"routing", "by_id"}, {"attr", 1}, {"target_id", 0x0100}});
  EXPECT_EQ((vdm / packet_layer(kGetEidPacket)).build(registry()), kGetEid);
  EXPECT_EQ((Layer(kPcieVdm, {{"requester_id", 0x0100}}) / packet_layer(kToRcPacket)).build(registry()), kToRc);
  EXPECT_EQ((Layer(kPcieVdm, {{"routing", "broadcast"}, {"requester_id", 0x0008}}) / packet_layer(kNoPadPacket))
                .build(registry()),
            kNoPad);
  for (const Bytes& wire : {kGetEid, kToRc, kNoPad}) {
    EXPECT_EQ(decode(wire, "pcie-vdm", registry()).build(registry()), wire);
  }
}

TEST(PcieVdm, PadAndLengthOfOtherSizes) {
  for (const auto& [packet, wire] : {std::pair{kToRcPacket, kToRc}, std::pair{kNoPadPacket, kNoPad}}) {
    Frame f = decode(wire, "pcie-vdm", registry());
    EXPECT_TRUE(f.diagnostics.empty()) << described(f);
    EXPECT_EQ(decoded_packet(f), packet);
  }
  Frame f = decode(kToRc, "pcie-vdm", registry());
  EXPECT_EQ(f.layers[0].num("length"), 2u);
  EXPECT_EQ(f.layers[0].num("pad_len"), 3u);
  EXPECT_EQ(f.layers[0].num("pad3"), 0u);
}

TEST(PcieVdm, LengthZeroMeans1024Dwords) {
  Bytes packet = hex("01 0A 00 C8");
  packet.resize(4 + 4096, 0x5A);
  Bytes wire = (Layer(kPcieVdm) / packet_layer(packet)).build(registry());
  ASSERT_EQ(wire.size(), 16 + 4096u);
  EXPECT_EQ(wire[2] & 0x03, 0);
  EXPECT_EQ(wire[3], 0);
  Frame f = decode(wire, "pcie-vdm", registry());
  EXPECT_TRUE(f.diagnostics.empty()) << described(f);
  EXPECT_EQ(decoded_packet(f), packet);

  packet.push_back(0x5A);
  EXPECT_THROW((Layer(kPcieVdm) / packet_layer(packet)).build(registry()), std::invalid_argument);
  // A VDM with data carries at least one byte after the MCTP transport header.
  EXPECT_THROW((Layer(kPcieVdm) / packet_layer(hex("01 0A 00 C8"))).build(registry()), std::invalid_argument);
}

TEST(PcieVdm, TlpDigestFollowsWhenTdIsSet) {
  const Bytes wire = hex("72 00 90 01  00 00 10 7F  01 00 1A B4  01 00 0A C8  00 80 02 00  DE AD BE EF");
  Frame f = decode(wire, "pcie-vdm", registry());
  EXPECT_TRUE(f.diagnostics.empty()) << described(f);
  EXPECT_EQ(f.layers[0].num("td"), 1u);
  EXPECT_EQ(f.layers[0].num("digest"), 0xDEADBEEFu);
  EXPECT_EQ(decoded_packet(f), kGetEidPacket);
  EXPECT_EQ(f.build(registry()), wire);
}

TEST(PcieVdm, WrongValuesAreReported) {
  Bytes wire = kGetEid;
  wire[11] = 0xB5;  // vendor ID
  EXPECT_EQ(kinds(decode(wire, "pcie-vdm", registry())), std::vector<DiagKind>{DiagKind::Malformed});
  wire = kGetEid;
  wire[7] = 0x7E;  // message code
  EXPECT_EQ(kinds(decode(wire, "pcie-vdm", registry())), std::vector<DiagKind>{DiagKind::Malformed});
  wire = kGetEid;
  wire[0] = 0x52;  // Fmt 010b: without data
  EXPECT_EQ(kinds(decode(wire, "pcie-vdm", registry())), std::vector<DiagKind>{DiagKind::Malformed});
  wire = kGetEid;
  wire[19] = 0x01;  // pad byte
  EXPECT_EQ(kinds(decode(wire, "pcie-vdm", registry())), std::vector<DiagKind>{DiagKind::Reserved});
  wire = kGetEid;
  wire.push_back(0x00);  // more data than Length says
  Frame f = decode(wire, "pcie-vdm", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Malformed});
  EXPECT_EQ(f.diagnostics[0].offset, 20u);
}

TEST(PcieVdm, TruncationsAndBitFlips) {
  // A frame cut in its header, its packet or at its first pad byte is reported truncated.
  // Not reported (core decoder gaps, see the module report): a frame without pad cut inside
  // its packet (a LengthRule::Custom payload is clamped silently), and one cut after its first
  // pad byte (a partly present trailer is reported only when the payload reached the end).
  testing::expect_truncated_prefixes(kGetEid, "pcie-vdm");
  for (std::size_t n = 0; n <= 21; ++n) {
    EXPECT_TRUE(has_kind(decode(ByteView(kToRc).first(n), "pcie-vdm", registry()), DiagKind::Truncated)) << n;
  }
  for (std::size_t n = 0; n < 16; ++n) {
    EXPECT_TRUE(has_kind(decode(ByteView(kNoPad).first(n), "pcie-vdm", registry()), DiagKind::Truncated)) << n;
  }
  for (const Bytes& wire : {kGetEid, kToRc, kNoPad}) {
    testing::expect_bit_flips(wire, "pcie-vdm", testing::Flips::Undetectable);
  }
}

}  // namespace
}  // namespace mctpkit::binding
