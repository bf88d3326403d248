// VDM-PCI and VDM-IANA headers: hand-written packets, crafting, round trips, damage.

#include "vdm_test_support.hpp"

namespace mctpkit::vdm {
namespace {

using testing::has_kind;
using testing::hex;
using testing::kinds_of;
using testing::summary_of;

// Written from DSP0236 / protocol reference section 5 and PyMCTP's body reading: MCTP header
// (version 1, dst 0x1D, src 0x08, S E, seq 0, TO 1, tag 1), type 0x7E, vendor 0x8086, rq 1 with
// vendor bits 0b0000101, command 0x42, two vendor bytes.
const Bytes kPciRequest = hex("01 1D 08 C9 7E 80 86 85 42 DE AD");
// The answer: TO 0, rq 0, no vendor bytes after the command.
const Bytes kPciResponse = hex("01 08 1D C1 7E 80 86 05 42");
// IANA: DMTF's number 412 = 00 00 01 9C, rq 0 with vendor bits 1, command 0x05, one byte.
const Bytes kIanaResponse = hex("01 00 0A C0 7F 00 00 01 9C 01 05 AA");

TEST(VdmPci, BoundUnderBothVendorMessageTypes) {
  Registry r = testing::make_registry();
  EXPECT_EQ(r.lookup(mctp::kMessageTypeTable, Key{0x7E}), &kPciHeader);
  EXPECT_EQ(r.lookup(mctp::kMessageTypeTable, Key{0x7F}), &kIanaHeader);
}

TEST(VdmPci, DecodesHandWrittenRequest) {
  Registry r = testing::make_registry();
  Frame f = decode(kPciRequest, "mctp", r);
  ASSERT_EQ(f.layers.size(), 3u);
  const Layer& h = f.layers[1];
  ASSERT_TRUE(h.is(kPciHeader));
  EXPECT_EQ(h.num("vendor_id"), 0x8086u);
  EXPECT_EQ(h.num("rq"), 1u);
  EXPECT_EQ(h.num("vendor_bits"), 0x05u);
  EXPECT_EQ(h.num("command"), 0x42u);
  EXPECT_EQ(h.num("mctp_to"), 1u);
  EXPECT_EQ(h.offset, 5u);
  EXPECT_EQ(f.layers[2].bytes("data"), hex("DE AD"));
  EXPECT_EQ(summary_of(f),
            "MCTP 0:1 (1D <-- 08) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 8086, cmd_code: 0x42, rq: 1) / Raw");
  // Nothing is bound for this vendor command: an informational note, not a warning.
  ASSERT_EQ(kinds_of(f), std::vector<DiagKind>{DiagKind::UnknownType});
  EXPECT_EQ(f.diagnostics[0].severity, Severity::Info);
  EXPECT_EQ(f.diagnostics[0].offset, 9u);
}

TEST(VdmPci, ResponseWithoutVendorBytesHasNoRawLayer) {
  Registry r = testing::make_registry();
  Frame f = decode(kPciResponse, "mctp", r);
  EXPECT_EQ(summary_of(f), "MCTP 0:1 (08 <-- 1D) (S:E) VDPCI / VDM-PCI RSP (VID: 8086, cmd_code: 0x42, rq: 0)");
  EXPECT_EQ(kinds_of(f), std::vector<DiagKind>{DiagKind::UnknownType});
}

TEST(VdmPci, TagOwnerMakesARequestWhateverTheRqBit) {
  // PyMCTP's rule, confirmed by every VDM golden vector: REQ when rq or the MCTP TO bit is set.
  Registry r = testing::make_registry();
  EXPECT_EQ(summary_of(decode(hex("01 08 1D C9 7E 14 14 00 07"), "mctp", r)),
            "MCTP 0:1 (08 <-- 1D) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 1414, cmd_code: 0x07, rq: 0)");
  EXPECT_EQ(summary_of(decode(hex("01 08 1D C1 7E 14 14 80 07"), "mctp", r)),
            "MCTP 0:1 (08 <-- 1D) (S:E) VDPCI / VDM-PCI REQ (VID: 1414, cmd_code: 0x07, rq: 1)");
}

TEST(VdmPci, CraftsEveryField) {
  Registry r = testing::make_registry();
  Frame frame = Layer(mctp::kTransport, {{"dst", 0x1D}, {"src", 0x08}, {"to", 1}, {"tag", 1}}) /
                Layer(kPciHeader, {{"vid", "intel"}, {"rq", 1}, {"vendor_bits", 5}, {"cmd_code", 0x42}}) /
                Layer(kVendorData, {{"data", hex("DE AD")}});
  EXPECT_EQ(frame.build(r), kPciRequest);  // message type 0x7E derived from the binding
}

TEST(VdmPci, CraftWithDefaultsIsARequestWithNoVendorBits) {
  Registry r = testing::make_registry();
  Frame frame = Layer(mctp::kTransport) / Layer(kPciHeader, {{"vendor_id", "dmtf"}, {"command", 0xC9}});
  EXPECT_EQ(to_hex(frame.build(r)), "01 00 00 C8 7E 1A B4 80 C9");
}

TEST(VdmPci, RefusesValuesThatDoNotFit) {
  Layer h(kPciHeader);
  EXPECT_THROW(h.set("vendor_id", 0x10000), std::invalid_argument);
  EXPECT_THROW(h.set("vendor_bits", 0x80), std::invalid_argument);
  EXPECT_THROW(h.set("no_such_field", 1), std::invalid_argument);
}

TEST(VdmIana, DecodesHandWrittenResponse) {
  Registry r = testing::make_registry();
  Frame f = decode(kIanaResponse, "mctp", r);
  ASSERT_EQ(f.layers.size(), 3u);
  const Layer& h = f.layers[1];
  ASSERT_TRUE(h.is(kIanaHeader));
  EXPECT_EQ(h.num("enterprise"), 412u);
  EXPECT_EQ(h.num("rq"), 0u);
  EXPECT_EQ(h.num("vendor_bits"), 1u);
  EXPECT_EQ(h.num("command"), 0x05u);
  EXPECT_EQ(summary_of(f),
            "MCTP 0:0 (00 <-- 0A) (S:E) VDIANA / VDM-IANA RSP (enterprise: 412, cmd_code: 0x05, rq: 0) / Raw");
  EXPECT_EQ(kinds_of(f), std::vector<DiagKind>{DiagKind::UnknownType});
}

TEST(VdmIana, CraftsEveryField) {
  Registry r = testing::make_registry();
  Frame frame = Layer(mctp::kTransport, {{"dst", 0}, {"src", 0x0A}}) /
                Layer(kIanaHeader, {{"iana", "dmtf"}, {"rq", 0}, {"vendor_bits", 1}, {"cmd_code", 5}}) /
                Layer(kVendorData, {{"data", hex("AA")}});
  EXPECT_EQ(frame.build(r), kIanaResponse);
  Frame nvidia = Layer(mctp::kTransport, {{"to", 1}}) / Layer(kIanaHeader, {{"enterprise", "nvidia"}, {"command", 2}});
  EXPECT_EQ(to_hex(nvidia.build(r)), "01 00 00 C8 7F 00 00 16 47 80 02");
}

class VdmDamage : public ::testing::TestWithParam<Bytes> {};

TEST_P(VdmDamage, DecodeThenBuildGivesTheSameBytes) {
  Registry r = testing::make_registry();
  Frame f = decode(GetParam(), "mctp", r);
  EXPECT_FALSE(f.has_errors());
  EXPECT_EQ(f.build(r), GetParam());
}

TEST_P(VdmDamage, EveryTruncationIsReportedInTheRightLayer) {
  Registry r = testing::make_registry();
  const Bytes& full = GetParam();
  // DSP0236 defines the vendor's ID and leaves the rest to the vendor: a message may end anywhere
  // after the ID.
  const std::size_t header_end = 7 + (full[4] == 0x7F ? 2 : 0);
  for (std::size_t n = 0; n < full.size(); ++n) {
    Bytes cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
    Frame f = decode(cut, "mctp", r);
    if (n < header_end) {
      ASSERT_TRUE(has_kind(f, DiagKind::Truncated)) << n;
      std::string_view where = f.diagnostics.front().layer_id;
      EXPECT_EQ(where, n < 5 ? "mctp" : (full[4] == 0x7F ? "vdm_iana" : "vdm_pci")) << n;
    } else {
      EXPECT_TRUE(f.diagnostics.empty() || !f.has_errors()) << n;
      EXPECT_FALSE(has_kind(f, DiagKind::Truncated)) << n;  // vendor bytes are opaque: any count is whole
      EXPECT_EQ(f.build(r), cut) << n;
    }
  }
}

TEST_P(VdmDamage, EveryBitFlipDecodesAndBuildsBack) {
  Registry r = testing::make_registry();
  const Bytes& full = GetParam();
  for (std::size_t bit = 0; bit < full.size() * 8; ++bit) {
    Bytes flipped = full;
    flipped[bit / 8] ^= static_cast<std::uint8_t>(0x80 >> (bit % 8));
    Frame f = decode(flipped, "mctp", r);
    ASSERT_FALSE(f.layers.empty()) << bit;
    // Only a type byte turned into 0x7F can make the body too short (IANA needs two more bytes).
    if (has_kind(f, DiagKind::Truncated)) { EXPECT_EQ(bit / 8, 4u) << bit; }
    EXPECT_EQ(f.build(r), flipped) << bit;
  }
}

INSTANTIATE_TEST_SUITE_P(HandWritten, VdmDamage, ::testing::Values(kPciRequest, kPciResponse, kIanaResponse));

TEST(VdmDamage, FlippedRqOrTagOwnerChangesTheDirection) {
  Registry r = testing::make_registry();
  Bytes no_rq = kPciResponse;  // TO 0, rq 0: RSP
  Bytes to_set = no_rq;
  to_set[3] ^= 0x08;
  Bytes rq_set = no_rq;
  rq_set[7] ^= 0x80;
  EXPECT_EQ(summary_of(decode(to_set, "mctp", r)),
            "MCTP 0:1 (08 <-- 1D) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 8086, cmd_code: 0x42, rq: 0)");
  EXPECT_EQ(summary_of(decode(rq_set, "mctp", r)),
            "MCTP 0:1 (08 <-- 1D) (S:E) VDPCI / VDM-PCI REQ (VID: 8086, cmd_code: 0x42, rq: 1)");
}

TEST(VdmDamage, MessageTypeFlippedToIanaReadsTheBodyAsIana) {
  Registry r = testing::make_registry();
  Bytes b = kPciRequest;
  b[4] ^= 0x01;  // 0x7E -> 0x7F: 80 86 85 42 is now the enterprise number
  Frame f = decode(b, "mctp", r);
  ASSERT_EQ(f.layers.size(), 2u);
  EXPECT_EQ(summary_of(f),
            "MCTP 0:1 (1D <-- 08) (S:E:TO) VDIANA / VDM-IANA REQ (enterprise: 2156299586, cmd_code: 0xAD, rq: 1)");
}

}  // namespace
}  // namespace mctpkit::vdm
