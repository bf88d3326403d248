// IPMI header and Master Write-Read: hand-written messages, crafting with the right PEC, round
// trips, damage.

#include "ipmi_test_support.hpp"

namespace mctpkit::ipmi {
namespace {

using testing::has_kind;
using testing::hex;
using testing::kinds_of;
using testing::summary_of;

// Written from protocol reference section 10.3 and DSP0237: netFn App (0x06 << 2 | LUN 0 = 0x18),
// command 0x52; channel 1, bus 2, private (0x15); slave 0x32 as the byte 0x64; read count 0;
// SMBus frame without its destination: 0x0F, count 8, source 0x10 (0x21), MCTP Get Endpoint ID
// request (dst 0, src 0x0A, S E TO tag 0, control rq iid 0, command 2), PEC over 64 0F ... 02.
const Bytes kMwrGetEid = hex("18 52 15 64 00 0F 08 21 01 00 0A C8 00 80 02 0A");
// The answer: netFn App response (0x07 << 2 = 0x1C), 0x52, cc 0, two bytes read.
const Bytes kMwrResponse = hex("1C 52 00 5A A5");
// A read-only request on LUN 2 (0x1A): nothing written, nothing carried.
const Bytes kMwrReadOnly = hex("1A 52 30 A0 10");

TEST(IpmiHeader, LinkStartsWithTheNetFnByte) {
  Registry r = testing::make_registry();
  ASSERT_NE(r.link("ipmi"), nullptr);
  EXPECT_EQ(r.link("ipmi")->first, &kHeader);
  EXPECT_EQ(r.lookup(kCommandTable, Key{0x06, 0x52}), &kMasterWriteReadRequest);
  EXPECT_EQ(r.lookup(kCommandTable, Key{0x07, 0x52}), &kMasterWriteReadResponse);
}

TEST(MasterWriteRead, DecodesHandWrittenRequestCarryingMctp) {
  Registry r = testing::make_registry();
  Frame f = decode(kMwrGetEid, "ipmi", r);
  ASSERT_EQ(f.layers.size(), 6u);
  EXPECT_EQ(f.layers[0].num("netfn"), 0x06u);
  EXPECT_EQ(f.layers[0].num("lun"), 0u);
  EXPECT_EQ(f.layers[0].num("cmd"), 0x52u);
  const Layer& mwr = f.layers[1];
  ASSERT_TRUE(mwr.is(kMasterWriteReadRequest));
  EXPECT_EQ(mwr.num("channel"), 1u);
  EXPECT_EQ(mwr.num("bus"), 2u);
  EXPECT_EQ(mwr.num("bus_type"), 1u);
  EXPECT_EQ(mwr.num("phys_addr"), 0x64u);
  EXPECT_EQ(mwr.num("read_count"), 0u);
  EXPECT_TRUE(f.layers[2].is(binding::kSmbusNoDst));
  EXPECT_EQ(f.layers[2].num("pec"), 0x0Au);
  EXPECT_EQ(summary_of(f),
            "IPMI 06:52 / [ 14] / MasterWriteRead REQ (ch: 1, bus: 2, type: PRV, phys_addr: 0x64, rd_cnt: 0) / "
            "SMBUS (src=0x21, byte_count=8, pec=0x0A) / MCTP 0:0 (00 <-- 0A) (S:E:TO) CTRL / "
            "CONTROL REQ (instance_id: 0, cmd_code=2) / GetEndpointID ()");
  EXPECT_TRUE(f.diagnostics.empty());
}

TEST(MasterWriteRead, ThePecCoversTheSlaveAddressByte) {
  // Same frame, another slave address: the carried PEC no longer matches.
  Registry r = testing::make_registry();
  Bytes b = kMwrGetEid;
  b[3] = 0x66;
  Frame f = decode(b, "ipmi", r);
  ASSERT_EQ(kinds_of(f), std::vector<DiagKind>{DiagKind::BadChecksum});
  EXPECT_EQ(f.diagnostics[0].layer_id, "smbus_nodst");
  EXPECT_EQ(f.diagnostics[0].offset, 15u);
}

TEST(MasterWriteRead, DecodesResponseWithCompletionCodeNames) {
  Registry r = testing::make_registry();
  Frame f = decode(kMwrResponse, "ipmi", r);
  ASSERT_EQ(f.layers.size(), 2u);
  ASSERT_TRUE(f.layers[1].is(kMasterWriteReadResponse));
  EXPECT_EQ(f.layers[1].bytes("data"), hex("5A A5"));
  EXPECT_EQ(summary_of(f), "IPMI 07:52 / [  3] / MasterWriteRead RSP (cc: 00)");
  EXPECT_TRUE(f.diagnostics.empty());

  const FieldDef& cc = kMasterWriteReadResponse.fields[0];
  auto name = [&](std::uint64_t v) { return format_value(cc, FieldValue{FieldValue::State::Set, v, {}, {}}); };
  EXPECT_EQ(name(0x81), "lost_arbitration");
  EXPECT_EQ(name(0x82), "bus_error");
  EXPECT_EQ(name(0x83), "nak_on_write");
  EXPECT_EQ(name(0x84), "truncated_read");
  EXPECT_EQ(name(0xC1), "invalid_command");
  EXPECT_EQ(summary_of(decode(hex("1C 52 83"), "ipmi", r)), "IPMI 07:52 / [  1] / MasterWriteRead RSP (cc: 83)");
}

TEST(MasterWriteRead, ReadOnlyRequestCarriesNothingAndIsNotTruncated) {
  Registry r = testing::make_registry();
  Frame f = decode(kMwrReadOnly, "ipmi", r);
  EXPECT_EQ(summary_of(f),
            "IPMI 06:52 (lun=2) / [  3] / MasterWriteRead REQ (ch: 3, bus: 0, type: PUB, phys_addr: 0xA0, rd_cnt: 16)");
  EXPECT_TRUE(f.diagnostics.empty());
}

TEST(IpmiHeader, OtherCommandsNameTheNetworkFunction) {
  Registry r = testing::make_registry();
  // Get Device ID (App 0x01), no data; a response on LUN 1 with data; OEM and unnamed codes.
  EXPECT_EQ(summary_of(decode(hex("18 01"), "ipmi", r)), "IPMI 06:01 APP REQ / [  0]");
  Frame rsp = decode(hex("1D 01 00 20 01"), "ipmi", r);
  EXPECT_EQ(summary_of(rsp), "IPMI 07:01 (lun=1) APP RSP / [  3] / Raw");
  EXPECT_EQ(kinds_of(rsp), std::vector<DiagKind>{DiagKind::UnknownType});
  EXPECT_EQ(summary_of(decode(hex("00 02"), "ipmi", r)), "IPMI 00:02 CHASSIS REQ / [  0]");
  EXPECT_EQ(summary_of(decode(hex("10 2D"), "ipmi", r)), "IPMI 04:2D SENSOR REQ / [  0]");
  EXPECT_EQ(summary_of(decode(hex("24 10"), "ipmi", r)), "IPMI 09:10 FW RSP / [  0]");
  EXPECT_EQ(summary_of(decode(hex("28 23"), "ipmi", r)), "IPMI 0a:23 STORAGE REQ / [  0]");
  EXPECT_EQ(summary_of(decode(hex("34 01"), "ipmi", r)), "IPMI 0d:01 TRANSPORT RSP / [  0]");
  EXPECT_EQ(summary_of(decode(hex("B0 01"), "ipmi", r)), "IPMI 2c:01 GROUP REQ / [  0]");
  EXPECT_EQ(summary_of(decode(hex("B8 01"), "ipmi", r)), "IPMI 2e:01 OEM REQ / [  0]");
  EXPECT_EQ(summary_of(decode(hex("C0 01"), "ipmi", r)), "IPMI 30:01 OEM1 REQ / [  0]");
  EXPECT_EQ(summary_of(decode(hex("E4 01"), "ipmi", r)), "IPMI 39:01 OEM5 RSP / [  0]");
  EXPECT_EQ(summary_of(decode(hex("FC 01"), "ipmi", r)), "IPMI 3f:01 OEM8 RSP / [  0]");
  EXPECT_EQ(summary_of(decode(hex("40 01"), "ipmi", r)), "IPMI 10:01 / [  0]");  // unassigned netFn
  EXPECT_EQ(summary_of(decode(hex("08 01"), "ipmi", r)), "IPMI 02:01 BRIDGE REQ / [  0]");
}

TEST(MasterWriteRead, CraftedStackGetsNetFnCommandCountAndPec) {
  Registry r = testing::make_registry();
  Frame frame = Layer(kHeader) /
                Layer(kMasterWriteReadRequest,
                      {{"channel", 1}, {"bus", 2}, {"bus_type", "private"}, {"phys_addr", 0x64}, {"rd_cnt", 0}}) /
                Layer(binding::kSmbusNoDst, {{"src", 0x10}}) /
                Layer(mctp::kTransport, {{"dst", 0}, {"src", 0x0A}, {"to", 1}}) /
                Layer(mctp::kControlHeader, {{"iid", 0}}) / Layer(testing::control_command("get_endpoint_id_req"));
  EXPECT_EQ(frame.build(r), kMwrGetEid);

  Frame rsp = Layer(kHeader, {{"netfn", "app_rsp"}}) /
              Layer(kMasterWriteReadResponse, {{"cc", "success"}, {"data", hex("5A A5")}});
  EXPECT_EQ(rsp.build(r), kMwrResponse);
  Frame read_only = Layer(kHeader, {{"lun", 2}}) /
                    Layer(kMasterWriteReadRequest, {{"channel", 3}, {"phys_addr", 0xA0}, {"read_count", 16}});
  EXPECT_EQ(read_only.build(r), kMwrReadOnly);
}

TEST(MasterWriteRead, CraftMatchesGoldenVectorsByteForByte) {
  Registry r = testing::make_registry();
  // pymctp-ipmi.tsv line 1: Get Endpoint UUID request through channel 6, bus 4, slave 0x38, sent
  // without TO (a request left to defaults would set it).
  Frame uuid = Layer(kHeader) /
               Layer(kMasterWriteReadRequest, {{"channel", 6}, {"bus", 4}, {"phys_addr", 0x38}, {"read_count", 2}}) /
               Layer(binding::kSmbusNoDst, {{"src", 0x13}}) /
               Layer(mctp::kTransport, {{"dst", 0x1D}, {"src", 0x5D}, {"pkt_seq", 3}, {"to", 0}, {"tag", 2}}) /
               Layer(mctp::kControlHeader, {{"iid", 12}}) / Layer(testing::control_command("get_endpoint_uuid_req"));
  EXPECT_EQ(to_hex(uuid.build(r)), "18 52 68 38 02 0F 08 27 01 1D 5D F2 00 8C 03 87");

  // Line 31: a Get Endpoint ID response through channel 13, bus 1, slave 0x4E.
  Frame eid = Layer(kHeader) /
              Layer(kMasterWriteReadRequest, {{"channel", 13}, {"bus", 1}, {"phys_addr", 0x4E}, {"read_count", 3}}) /
              Layer(binding::kSmbusNoDst, {{"src", 0x3A}}) /
              Layer(mctp::kTransport, {{"dst", 0xA5}, {"src", 0xFE}, {"pkt_seq", 1}, {"tag", 2}}) /
              Layer(mctp::kControlHeader, {{"rq", 0}, {"iid", 8}}) /
              Layer(testing::control_command("get_endpoint_id_rsp"),
                    {{"eid", 0x20}, {"eid_type", "static_eid_supported"}, {"medium_specific", 0xC2}});
  EXPECT_EQ(to_hex(eid.build(r)), "18 52 D2 4E 03 0F 0C 75 01 A5 FE D2 00 08 02 00 20 01 C2 5A");
}

class IpmiDamage : public ::testing::TestWithParam<Bytes> {};

TEST_P(IpmiDamage, DecodeThenBuildGivesTheSameBytes) {
  Registry r = testing::make_registry();
  Frame f = decode(GetParam(), "ipmi", r);
  EXPECT_TRUE(f.diagnostics.empty());
  EXPECT_EQ(f.build(r), GetParam());
}

TEST_P(IpmiDamage, EveryTruncationIsReported) {
  Registry r = testing::make_registry();
  const Bytes& full = GetParam();
  for (std::size_t n = 0; n < full.size(); ++n) {
    Bytes cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
    Frame f = decode(cut, "ipmi", r);
    std::string where = f.diagnostics.empty() ? "" : f.diagnostics.front().layer_id;
    bool whole_response_prefix = full[0] == 0x1C && n >= 3;  // bytes read: any count is whole
    bool read_only_prefix = n == 5 && full == kMwrGetEid;    // header only: a read-only request
    bool without_pec = n + 1 == full.size() && full == kMwrGetEid;  // the PEC is optional to decode
    if (without_pec) {
      EXPECT_FALSE(has_kind(f, DiagKind::Truncated)) << n;
      EXPECT_EQ(f.layers[2].get("pec"), std::nullopt);
      EXPECT_EQ(f.build(r), cut) << n;
      continue;
    }
    if (whole_response_prefix || read_only_prefix) {
      EXPECT_TRUE(f.diagnostics.empty()) << n;
      EXPECT_EQ(f.build(r), cut) << n;
      continue;
    }
    ASSERT_TRUE(has_kind(f, DiagKind::Truncated)) << n;
    std::string expected = n < 2 ? "ipmi" : n < 5 ? "master_write_read_req" : "smbus_nodst";
    if (full[0] == 0x1C) expected = n < 2 ? "ipmi" : "master_write_read_rsp";
    EXPECT_EQ(where, expected) << n;
  }
}

TEST_P(IpmiDamage, EveryBitFlipDecodesAndBuildsBack) {
  Registry r = testing::make_registry();
  const Bytes& full = GetParam();
  for (std::size_t bit = 0; bit < full.size() * 8; ++bit) {
    Bytes flipped = full;
    flipped[bit / 8] ^= static_cast<std::uint8_t>(0x80 >> (bit % 8));
    Frame f = decode(flipped, "ipmi", r);
    ASSERT_FALSE(f.layers.empty()) << bit;
    // A byte count of 0 cannot even cover the source byte: the SMBus layer reports it and keeps
    // no bytes after its PEC, so that one frame cannot be rebuilt as it came.
    bool byte_count_zero = full == kMwrGetEid && bit / 8 == 6 && flipped[6] == 0;
    if (byte_count_zero) {
      EXPECT_TRUE(has_kind(f, DiagKind::Malformed)) << bit;
      continue;
    }
    EXPECT_EQ(f.build(r), flipped) << bit;
  }
}

INSTANTIATE_TEST_SUITE_P(HandWritten, IpmiDamage, ::testing::Values(kMwrGetEid, kMwrResponse, kMwrReadOnly));

TEST(IpmiDamage, FlipsInTheCarriedFrameAreCaughtByThePec) {
  Registry r = testing::make_registry();
  // Every flip from the SMBus command byte through the MCTP packet: the PEC disagrees (CRC-8
  // catches every single-bit error).
  for (std::size_t bit = 5 * 8; bit < (kMwrGetEid.size() - 1) * 8; ++bit) {
    Bytes flipped = kMwrGetEid;
    flipped[bit / 8] ^= static_cast<std::uint8_t>(0x80 >> (bit % 8));
    Frame f = decode(flipped, "ipmi", r);
    // A changed byte count can cut the frame short or swallow the PEC byte into the packet.
    bool frame_cut = !f.diagnostics.empty() && f.diagnostics[0].kind == DiagKind::Truncated &&
                     f.diagnostics[0].layer_id == "smbus_nodst";
    if (frame_cut || !f.layers[2].get("pec")) {
      EXPECT_EQ(bit / 8, 6u) << bit;
      continue;
    }
    EXPECT_TRUE(has_kind(f, DiagKind::BadChecksum)) << bit;
  }
}

}  // namespace
}  // namespace mctpkit::ipmi
