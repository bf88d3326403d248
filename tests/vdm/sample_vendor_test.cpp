// A vendor layer declared outside mctpkit binds and decodes, as a plugin's will: the sample
// vendor of the compat doc section 3 (PCI vendor 0x9999), declared here only.

#include "vdm_test_support.hpp"

namespace mctpkit::vdm {
namespace {

using testing::has_kind;
using testing::hex;
using testing::kinds_of;
using testing::summary_of;

constexpr std::uint16_t kSampleVendor = 0x9999;
constexpr std::string_view kPlugin = "sample-vendor-plugin";

// Vendor command 0x00, either direction: a generic packet.
constexpr FieldDef kPacketFields[] = {
    u8("command").hex(),
    u8("status"),
    u16("sequence"),
    u16("data_length").length_of("data"),
    bytes("data").length_from("data_length"),
};
constexpr LayerDef kSamplePacket{
    .id = "sample_vendor_packet",
    .title = "Sample vendor packet",
    .abbrev = "sample_vendor",
    .fields = kPacketFields,
    .summary = "SampleVendorPacket",
};

// Vendor command 0x01: GetVersion.
constexpr FieldDef kGetVersionRequestFields[] = {u8("component_id")};
constexpr LayerDef kGetVersionRequest{
    .id = "sample_get_version_req",
    .craft_name = "sample_get_version",
    .abbrev = "sample_vendor.get_version",
    .fields = kGetVersionRequestFields,
    .summary = "SampleGetVersion",
    .bind = pci_vendor_binding(kSampleVendor, 0x01, true),
};
constexpr FieldDef kGetVersionResponseFields[] = {
    u8("component_id"), u8("major"), u8("minor"), u8("patch"), bytes("build").fixed(16).show(Display::Ascii),
};
constexpr LayerDef kGetVersionResponse{
    .id = "sample_get_version_rsp",
    .craft_name = "sample_get_version",
    .abbrev = "sample_vendor.get_version",
    .fields = kGetVersionResponseFields,
    .summary = "SampleGetVersion (component: {component_id}, version: {major}.{minor}.{patch}, build: {build})",
    .bind = pci_vendor_binding(kSampleVendor, 0x01, false),
};

// What the plugin's registration function would do.
Registry make_registry_with_plugin() {
  Registry r = testing::make_registry();
  bind_pci_vendor_command(r, kSamplePacket, kSampleVendor, 0x00, kPlugin);
  r.declare(kGetVersionRequest, kPlugin);
  r.declare(kGetVersionResponse, kPlugin);
  return r;
}

// Hand-written: MCTP (dst 0x0A, src 0x20, S E TO), 0x7E, vendor 99 99, rq 1, vendor command
// 0x00; packet: command 0x10, status 0, sequence 0x002A, length 3, DE AD BE.
const Bytes kPacketRequest = hex("01 0A 20 C8 7E 99 99 80 00 10 00 00 2A 00 03 DE AD BE");
// GetVersion request for component 2, and its response: version 1.4.9, build "build-2024.06.01".
const Bytes kGetVersionReq = hex("01 0A 20 C8 7E 99 99 80 01 02");
const Bytes kGetVersionRsp = hex(
    "01 20 0A C0 7E 99 99 00 01 02 01 04 09 "
    "62 75 69 6C 64 2D 32 30 32 34 2E 30 36 2E 30 31");

TEST(SampleVendor, GenericPacketDecodesInBothDirections) {
  Registry r = make_registry_with_plugin();
  Frame f = decode(kPacketRequest, "mctp", r);
  EXPECT_EQ(summary_of(f),
            "MCTP 0:0 (0A <-- 20) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999, cmd_code: 0x00, rq: 1) / "
            "SampleVendorPacket (command: 0x10, status: 0, sequence: 42, data_length: 3, data: DE AD BE)");
  EXPECT_TRUE(f.diagnostics.empty());

  Frame rsp = decode(hex("01 20 0A C0 7E 99 99 00 00 11 05 00 2B 00 00"), "mctp", r);
  ASSERT_EQ(rsp.layers.size(), 3u);
  EXPECT_TRUE(rsp.layers[2].is(kSamplePacket));
  EXPECT_EQ(rsp.layers[2].num("status"), 5u);
  EXPECT_TRUE(rsp.diagnostics.empty());
}

TEST(SampleVendor, GetVersionRequestAndResponseBindByRq) {
  Registry r = make_registry_with_plugin();
  Frame req = decode(kGetVersionReq, "mctp", r);
  EXPECT_EQ(summary_of(req),
            "MCTP 0:0 (0A <-- 20) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999, cmd_code: 0x01, rq: 1) / "
            "SampleGetVersion (component_id: 2)");
  EXPECT_TRUE(req.diagnostics.empty());

  Frame rsp = decode(kGetVersionRsp, "mctp", r);
  EXPECT_EQ(summary_of(rsp),
            "MCTP 0:0 (20 <-- 0A) (S:E) VDPCI / VDM-PCI RSP (VID: 9999, cmd_code: 0x01, rq: 0) / "
            "SampleGetVersion (component: 2, version: 1.4.9, build: \"build-2024.06.01\")");
  EXPECT_TRUE(rsp.diagnostics.empty());
}

TEST(SampleVendor, OtherCommandsOfTheVendorStayRaw) {
  Registry r = make_registry_with_plugin();
  Frame f = decode(hex("01 0A 20 C8 7E 99 99 80 02 01 02"), "mctp", r);
  EXPECT_EQ(summary_of(f),
            "MCTP 0:0 (0A <-- 20) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999, cmd_code: 0x02, rq: 1) / Raw");
  EXPECT_EQ(kinds_of(f), std::vector<DiagKind>{DiagKind::UnknownType});
}

TEST(SampleVendor, CraftingFillsVendorCommandAndRqFromTheBinding) {
  Registry r = make_registry_with_plugin();
  Frame req = Layer(mctp::kTransport, {{"dst", 0x0A}, {"src", 0x20}, {"to", 1}}) / Layer(kPciHeader) /
              Layer(kGetVersionRequest, {{"component_id", 2}});
  EXPECT_EQ(req.build(r), kGetVersionReq);

  Bytes build(16);
  const std::string_view text = "build-2024.06.01";
  std::copy(text.begin(), text.end(), build.begin());
  Frame rsp = Layer(mctp::kTransport, {{"dst", 0x20}, {"src", 0x0A}}) / Layer(kPciHeader) /
              Layer(kGetVersionResponse,
                    {{"component_id", 2}, {"major", 1}, {"minor", 4}, {"patch", 9}, {"build", build}});
  EXPECT_EQ(rsp.build(r), kGetVersionRsp);

  // The generic packet: its data length is derived too.
  Frame packet = Layer(mctp::kTransport, {{"dst", 0x0A}, {"src", 0x20}, {"to", 1}}) / Layer(kPciHeader) /
                 Layer(kSamplePacket, {{"command", 0x10}, {"sequence", 42}, {"data", hex("DE AD BE")}});
  EXPECT_EQ(packet.build(r), kPacketRequest);
}

TEST(SampleVendor, DecodeThenBuildGivesTheSameBytes) {
  Registry r = make_registry_with_plugin();
  for (const Bytes& b : {kPacketRequest, kGetVersionReq, kGetVersionRsp}) EXPECT_EQ(decode(b, "mctp", r).build(r), b);
}

TEST(SampleVendor, TruncatedVendorBodyIsReportedInTheVendorLayer) {
  Registry r = make_registry_with_plugin();
  for (std::size_t n = 9; n < kGetVersionRsp.size(); ++n) {
    Bytes cut(kGetVersionRsp.begin(), kGetVersionRsp.begin() + static_cast<std::ptrdiff_t>(n));
    Frame f = decode(cut, "mctp", r);
    ASSERT_EQ(f.diagnostics.size(), 1u) << n;
    EXPECT_EQ(f.diagnostics[0].kind, DiagKind::Truncated) << n;
    EXPECT_EQ(f.diagnostics[0].layer_id, "sample_get_version_rsp") << n;
  }
  // The generic packet's length field promises more than follows.
  Bytes short_packet = kPacketRequest;
  short_packet.pop_back();
  Frame f = decode(short_packet, "mctp", r);
  ASSERT_TRUE(has_kind(f, DiagKind::Truncated));
  EXPECT_EQ(f.diagnostics[0].layer_id, "sample_vendor_packet");
}

TEST(SampleVendor, BitFlipsDecodeAndBuildBack) {
  Registry r = make_registry_with_plugin();
  for (const Bytes& full : {kPacketRequest, kGetVersionRsp}) {
    for (std::size_t bit = 0; bit < full.size() * 8; ++bit) {
      Bytes flipped = full;
      flipped[bit / 8] ^= static_cast<std::uint8_t>(0x80 >> (bit % 8));
      Frame f = decode(flipped, "mctp", r);
      ASSERT_FALSE(f.layers.empty());
      EXPECT_EQ(f.build(r), flipped) << bit;
    }
  }
}

TEST(SampleVendor, ASecondPluginOnTheSameKeyIsRefusedNamingBoth) {
  Registry r = make_registry_with_plugin();
  static constexpr LayerDef kOther{.id = "other_get_version", .bind = pci_vendor_binding(kSampleVendor, 0x01, true)};
  try {
    r.declare(kOther, "other-plugin");
    FAIL() << "expected a RegistryError";
  } catch (const RegistryError& e) {
    std::string text = e.what();
    EXPECT_NE(text.find(kPlugin), std::string::npos) << text;
    EXPECT_NE(text.find("other-plugin"), std::string::npos) << text;
    EXPECT_NE(text.find("vdm.pci"), std::string::npos) << text;
  }
}

TEST(IanaVendorLayer, BindsOnEnterpriseCommandAndRq) {
  static constexpr FieldDef kFields[] = {u16("counter")};
  static constexpr LayerDef kCounter{
      .id = "dmtf_test_counter", .fields = kFields, .summary = "Counter", .bind = iana_vendor_binding(412, 0x10, true)};
  Registry r = testing::make_registry();
  r.declare(kCounter, kPlugin);
  Frame f = decode(hex("01 00 0A C8 7F 00 00 01 9C 80 10 01 02"), "mctp", r);
  EXPECT_EQ(summary_of(f),
            "MCTP 0:0 (00 <-- 0A) (S:E:TO) VDIANA / VDM-IANA REQ (enterprise: 412, cmd_code: 0x10, rq: 1) / "
            "Counter (counter: 258)");
  EXPECT_TRUE(f.diagnostics.empty());
  Frame crafted = Layer(mctp::kTransport, {{"src", 0x0A}}) / Layer(kIanaHeader) / Layer(kCounter, {{"counter", 258}});
  EXPECT_EQ(to_hex(crafted.build(r)), "01 00 0A C8 7F 00 00 01 9C 80 10 01 02");
}

}  // namespace
}  // namespace mctpkit::vdm
