// An NVMe-MI response does not name its command: decoded alone its data stays Raw; decoded with
// its request (decode_response), the data decodes by the request's opcode and data structure type.

#include "test_util.hpp"

namespace mctpkit::nvme_mi::test {
namespace {

// Read NVMe-MI Data Structure, DTYP 0 (NVM Subsystem Information), and its response: status 0,
// NMRESP 0x000020 (32 bytes), NUMP 0, MJR 1, MNR 2, the rest zero; MICs as on the wire.
constexpr std::string_view kRequest =
    "01 09 08 c8 84 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 e2 00 06 07";
constexpr std::string_view kResponse =
    "01 08 09 c0 84 88 00 00 00 20 00 00 00 01 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
    "00 00 00 00 00 00 00 00 f7 28 7d 6f";

TEST(ResponseContext, DataStaysRawWithoutTheRequest) {
  Frame alone = decode(*parse_hex(kResponse), "mctp", registry());
  EXPECT_TRUE(alone.diagnostics.empty());
  EXPECT_TRUE(alone.layers.back().is(kRawLayer));
  const Layer* header = alone.find(kMiCommandResponse);
  ASSERT_NE(header, nullptr);
  EXPECT_FALSE(header->get("request_opcode").has_value());
}

TEST(ResponseContext, DataDecodesByTheRequestsOpcode) {
  Frame request = decode(*parse_hex(kRequest), "mctp", registry());
  Frame f = decode_response(*parse_hex(kResponse), "mctp", request, registry());
  EXPECT_TRUE(f.diagnostics.empty());
  const Layer* header = f.find(kMiCommandResponse);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->get("request_opcode"), 0u);
  const Layer* info = f.find(kSubsystemInfo);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->num("mjr"), 1u);
  EXPECT_EQ(info->num("mnr"), 2u);
  EXPECT_EQ(info->length, 32u);
  // The response rebuilds to the same bytes: the request's opcode takes no room on the wire.
  EXPECT_EQ(to_hex(f.build(registry())), to_hex(*parse_hex(kResponse)));
}

TEST(ResponseContext, AnErrorStatusKeepsTheDataRaw) {
  Frame request = decode(*parse_hex(kRequest), "mctp", registry());
  std::string failed(kResponse);
  failed.replace(failed.find("00 20 00 00"), 2, "04");  // status 0x04: invalid parameter
  Frame f = decode_response(*parse_hex(failed), "mctp", request, registry());
  EXPECT_EQ(f.find(kSubsystemInfo), nullptr);
}

}  // namespace
}  // namespace mctpkit::nvme_mi::test
