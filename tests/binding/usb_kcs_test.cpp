#include <gtest/gtest.h>

#include "binding_test_support.hpp"
#include "mctpkit/binding/kcs.hpp"
#include "mctpkit/binding/usb.hpp"
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

// Protocol reference 4.7, the Set EID request packet.
const Bytes kPacket = hex("01 00 0A CF 00 91 01 00 1D");
const Bytes kUsbFrame = hex("1A B4 00 0D 01 00 0A CF 00 91 01 00 1D");
const Bytes kKcsFrame = hex("B0 01 09 01 00 0A CF 00 91 01 00 1D 58");
const Bytes kUsbGetEid = hex("1A B4 00 0B 01 00 0A C8 00 80 02");

TEST(Usb, ReferenceExampleDecodesAndBuilds) {
  Frame f = decode(kUsbFrame, "usb", registry());
  EXPECT_TRUE(f.diagnostics.empty()) << described(f);
  ASSERT_EQ(f.layers.size(), 2u);
  EXPECT_EQ(f.layers[0].num("dmtf_id"), 0x1AB4u);
  EXPECT_EQ(f.layers[0].num("length"), 13u);
  EXPECT_EQ(decoded_packet(f), kPacket);
  EXPECT_EQ(summary(f), "USB (dmtf_id: 0x1AB4, length: 13) / "
                        "PKT (version: 1, dst: 0x00, src: 0x0A, flags: 0xCF, body: 00 91 01 00 1D)");
  EXPECT_EQ((Layer(kUsb) / packet_layer(kPacket)).build(registry()), kUsbFrame);
  EXPECT_EQ(f.build(registry()), kUsbFrame);
}

TEST(Usb, LengthProblems) {
  // A length below the header's own 4 bytes leaves no packet: the bytes after the header are
  // reported as extra, and the (empty) packet as truncated.
  Frame f = decode(hex("1A B4 00 03 01 00 0A CF"), "usb", registry());
  EXPECT_EQ(kinds(f), (std::vector<DiagKind>{DiagKind::Malformed, DiagKind::Malformed, DiagKind::Truncated}));
  EXPECT_EQ(f.diagnostics[0].text, "length 3 is too small");
  // Two packets in one transfer decoded as one packet: the second is reported, not lost.
  Bytes two = kUsbFrame;
  two.insert(two.end(), kUsbGetEid.begin(), kUsbGetEid.end());
  f = decode(two, "usb", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Malformed});
  EXPECT_EQ(f.diagnostics[0].offset, 13u);
  Bytes packet(252, 0x11);
  EXPECT_THROW((Layer(kUsb) / packet_layer(packet)).build(registry()), std::invalid_argument);
}

TEST(Usb, TruncationsAndBitFlips) {
  testing::expect_truncated_prefixes(kUsbFrame, "usb");
  testing::expect_bit_flips(kUsbFrame, "usb", testing::Flips::Undetectable);
}

TEST(Usb, SplitTransfer) {
  Bytes transfer = kUsbFrame;
  transfer.insert(transfer.end(), kUsbGetEid.begin(), kUsbGetEid.end());
  UsbTransfer t = split_usb_transfer(transfer);
  ASSERT_EQ(t.packets.size(), 2u);
  EXPECT_EQ(Bytes(t.packets[0].begin(), t.packets[0].end()), kUsbFrame);
  EXPECT_EQ(Bytes(t.packets[1].begin(), t.packets[1].end()), kUsbGetEid);
  EXPECT_EQ(t.stop, UsbTransfer::Stop::End);
  EXPECT_TRUE(t.rest.empty());
  for (ByteView p : t.packets) EXPECT_TRUE(decode(p, "usb", registry()).diagnostics.empty());

  const Bytes partial = hex("1A B4 00 0B 01 00");
  Bytes cut = kUsbFrame;
  cut.insert(cut.end(), partial.begin(), partial.end());
  t = split_usb_transfer(cut);
  ASSERT_EQ(t.packets.size(), 1u);
  EXPECT_EQ(t.stop, UsbTransfer::Stop::Truncated);
  EXPECT_EQ(Bytes(t.rest.begin(), t.rest.end()), partial);

  t = split_usb_transfer(hex("1A B4 00"));
  EXPECT_TRUE(t.packets.empty());
  EXPECT_EQ(t.stop, UsbTransfer::Stop::Truncated);
  EXPECT_EQ(t.rest.size(), 3u);

  t = split_usb_transfer(hex("1A B5 00 05 01"));
  EXPECT_EQ(t.stop, UsbTransfer::Stop::BadId);
  EXPECT_EQ(t.rest.size(), 5u);

  t = split_usb_transfer(hex("1A B4 00 02 01 02 03 04"));  // a length below the header stops
  EXPECT_EQ(t.stop, UsbTransfer::Stop::BadLength);

  t = split_usb_transfer({});
  EXPECT_TRUE(t.packets.empty());
  EXPECT_EQ(t.stop, UsbTransfer::Stop::End);
}

TEST(Kcs, ReferenceExampleDecodesAndBuilds) {
  Frame f = decode(kKcsFrame, "kcs", registry());
  EXPECT_TRUE(f.diagnostics.empty()) << described(f);
  ASSERT_EQ(f.layers.size(), 2u);
  EXPECT_EQ(f.layers[0].num("netfn_lun"), 0xB0u);
  EXPECT_EQ(f.layers[0].num("defining_body"), 0x01u);
  EXPECT_EQ(f.layers[0].num("byte_count"), 9u);
  EXPECT_EQ(f.layers[0].num("pec"), 0x58u);
  EXPECT_EQ(decoded_packet(f), kPacket);
  EXPECT_EQ(summary(f), "KCS (netfn_lun: 0xB0, defining_body: 0x01, byte_count: 9, pec: 0x58) / "
                        "PKT (version: 1, dst: 0x00, src: 0x0A, flags: 0xCF, body: 00 91 01 00 1D)");
  EXPECT_EQ((Layer(kKcs) / packet_layer(kPacket)).build(registry()), kKcsFrame);
  EXPECT_EQ(f.build(registry()), kKcsFrame);
}

TEST(Kcs, PecCoversThePacketOnly) {
  // A PEC that (wrongly) also covered the three KCS header bytes is reported.
  const std::uint8_t with_header = crc::crc8_smbus(hex("B0 01 09 01 00 0A CF 00 91 01 00 1D"));
  ASSERT_NE(with_header, 0x58);
  Bytes wire = kKcsFrame;
  wire.back() = with_header;
  Frame f = decode(wire, "kcs", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::BadChecksum});
  EXPECT_EQ(f.diagnostics[0].offset, 12u);
}

TEST(Kcs, HeaderAndCountProblems) {
  EXPECT_EQ(kinds(decode(hex("B1 01 09 01 00 0A CF 00 91 01 00 1D 58"), "kcs", registry())),
            std::vector<DiagKind>{DiagKind::Malformed});
  EXPECT_EQ(kinds(decode(hex("B0 02 09 01 00 0A CF 00 91 01 00 1D 58"), "kcs", registry())),
            std::vector<DiagKind>{DiagKind::Malformed});
  // A count of 10 swallows the PEC as a packet byte; the PEC is then missing.
  Frame f = decode(hex("B0 01 0A 01 00 0A CF 00 91 01 00 1D 58"), "kcs", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Truncated});
}

TEST(Kcs, TruncationsAndBitFlips) {
  testing::expect_truncated_prefixes(kKcsFrame, "kcs");
  testing::expect_bit_flips(kKcsFrame, "kcs", testing::Flips::Detected);
}

TEST(OtherBindings, RegisteredLinksAndCraftNames) {
  const Registry& r = registry();
  for (const char* link : {"serial", "i3c", "i3c-noaddr", "pcie-vdm", "usb", "kcs"}) {
    EXPECT_NE(r.link(link), nullptr) << link;
  }
  EXPECT_EQ(r.link("serial")->first->id, "serial");
  EXPECT_EQ(r.link("pcie-vdm")->first->id, "pcie_vdm");
  for (const char* name : {"serial", "i3c", "i3c_noaddr", "pcie_vdm", "usb", "kcs"}) {
    EXPECT_EQ(r.layers_named(name).size(), 1u) << name;
  }
}

}  // namespace
}  // namespace mctpkit::binding
