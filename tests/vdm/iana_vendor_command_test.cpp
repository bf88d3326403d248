// bind_iana_vendor_command: one vendor layout bound for requests and responses of one command
// under an IANA enterprise number, as bind_pci_vendor_command does for a PCI vendor.

#include "vdm_test_support.hpp"

namespace mctpkit::vdm {
namespace {

using testing::hex;
using testing::summary_of;

constexpr std::uint32_t kDmtf = 412;  // 0x0000019C, sent MSB first
constexpr FieldDef kStatusFields[] = {u8("state"), u16("uptime")};
constexpr LayerDef kStatus{.id = "test_iana_status", .fields = kStatusFields, .summary = "Status ({state}, {uptime})"};

Registry make_registry_with_status() {
  Registry r = testing::make_registry();
  bind_iana_vendor_command(r, kStatus, kDmtf, 0x21, "status-plugin");
  return r;
}

TEST(IanaVendorCommand, RequestAndResponseDecodeToTheSameLayer) {
  Registry r = make_registry_with_status();
  // Request: rq bit set (0x80), command 0x21, then state 3 and uptime 0x0102.
  Frame request = decode(hex("01 0A 20 C8 7F 00 00 01 9C 80 21 03 01 02"), "mctp", r);
  EXPECT_EQ(summary_of(request),
            "MCTP 0:0 (0A <-- 20) (S:E:TO) VDIANA / VDM-IANA REQ (enterprise: 412, cmd_code: 0x21, rq: 1) / "
            "Status (3, 258)");
  EXPECT_TRUE(request.diagnostics.empty());
  // Response: rq bit clear, the same command and layout.
  Frame response = decode(hex("01 20 0A C0 7F 00 00 01 9C 00 21 07 00 10"), "mctp", r);
  EXPECT_EQ(summary_of(response),
            "MCTP 0:0 (20 <-- 0A) (S:E) VDIANA / VDM-IANA RSP (enterprise: 412, cmd_code: 0x21, rq: 0) / "
            "Status (7, 16)");
  EXPECT_TRUE(response.diagnostics.empty());
}

TEST(IanaVendorCommand, BothKeysAreOwnedByTheCaller) {
  Registry r = make_registry_with_status();
  EXPECT_EQ(r.lookup(kIanaVendorTable, iana_vendor_key(kDmtf, 0x21, true)), &kStatus);
  EXPECT_EQ(r.lookup(kIanaVendorTable, iana_vendor_key(kDmtf, 0x21, false)), &kStatus);
  EXPECT_EQ(r.binding_owner(kIanaVendorTable, iana_vendor_key(kDmtf, 0x21, false)), "status-plugin");
  EXPECT_EQ(r.layer_owner("test_iana_status"), "status-plugin");
  // Another command of the same enterprise is not bound: its body stays raw.
  EXPECT_EQ(r.lookup(kIanaVendorTable, iana_vendor_key(kDmtf, 0x22, true)), nullptr);
  Frame other = decode(hex("01 0A 20 C8 7F 00 00 01 9C 80 22 03"), "mctp", r);
  EXPECT_EQ(summary_of(other),
            "MCTP 0:0 (0A <-- 20) (S:E:TO) VDIANA / VDM-IANA REQ (enterprise: 412, cmd_code: 0x22, rq: 1) / Raw");
}

TEST(IanaVendorCommand, CraftingFillsEnterpriseCommandAndRequestBit) {
  Registry r = make_registry_with_status();
  Frame crafted = Layer(mctp::kTransport, {{"dst", 0x0A}, {"src", 0x20}}) / Layer(kIanaHeader) /
                  Layer(kStatus, {{"state", 3}, {"uptime", 258}});
  EXPECT_EQ(to_hex(crafted.build(r)), "01 0A 20 C8 7F 00 00 01 9C 80 21 03 01 02");
}

TEST(IanaVendorCommand, ASecondBindingOfTheCommandNamesBothOwners) {
  Registry r = make_registry_with_status();
  static constexpr LayerDef kOther{.id = "test_iana_other"};
  try {
    bind_iana_vendor_command(r, kOther, kDmtf, 0x21, "other-plugin");
    FAIL() << "expected a RegistryError";
  } catch (const RegistryError& e) {
    std::string text = e.what();
    EXPECT_NE(text.find("status-plugin"), std::string::npos) << text;
    EXPECT_NE(text.find("other-plugin"), std::string::npos) << text;
    EXPECT_NE(text.find("vdm.iana"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace mctpkit::vdm
