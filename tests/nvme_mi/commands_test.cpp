// NVMe-MI message bodies: vectors written from the reference layouts (MICs computed with an
// independent script), crafting through the Layer API, round trips and truncations.

#include "test_util.hpp"

namespace mctpkit::nvme_mi::test {
namespace {

Layer transport(std::uint64_t dst, std::uint64_t src, std::uint64_t to) {
  return Layer(mctp::kTransport, {{"dst", dst}, {"src", src}, {"to", to}, {"ic", 1}});
}

struct Vector {
  std::string_view name;
  std::string_view hex;
  std::vector<std::string> layers;
};

const std::vector<Vector>& vectors() {
  static const std::vector<Vector> v = {
      {"control primitive get_state", "01 09 08 c8 84 00 00 00 03 05 01 00 a9 81 2b d3",
       {"mctp", "nvme_mi", "nvme_mi_cp_req"}},
      {"control primitive response", "01 08 09 c0 84 80 00 00 00 05 00 80 6b a5 33 d5",
       {"mctp", "nvme_mi", "nvme_mi_cp_rsp"}},
      {"controller health status poll", "01 09 08 c8 84 08 00 00 02 00 00 00 01 00 04 81 1f 00 00 80 4b 09 49 4c",
       {"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_ctrl_health_poll_req"}},
      {"configuration get mtu", "01 09 08 c8 84 08 00 00 04 00 00 00 03 00 00 01 00 00 00 00 e7 b8 94 21",
       {"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_config_get_req"}},
      {"configuration set frequency", "01 09 08 c8 84 08 00 00 03 00 00 00 01 02 00 00 00 00 00 00 05 58 ae cd",
       {"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_config_set_req"}},
      {"vpd write", "01 09 08 c8 84 08 00 00 06 00 00 00 10 00 00 00 03 00 00 00 aa bb cc 00 20 1e 94",
       {"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_vpd_write_req"}},
      {"error response", "01 08 09 c0 84 88 00 00 04 00 0c 00 b3 c6 cb 8a", {"mctp", "nvme_mi", "nvme_mi_cmd_rsp"}},
      {"admin identify",
       "01 09 08 c8 84 10 00 00 06 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
       "00 00 00 00 00 10 00 00 00 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
       "00 00 00 00 00 00 00 00 d9 74 b5 69",
       {"mctp", "nvme_mi", "nvme_mi_admin_req"}},
      {"admin response",
       "01 08 09 c0 84 90 00 00 00 00 00 00 11 22 33 44 00 00 00 00 05 00 01 00 aa bb cc dd ee ff 00 11 "
       "d3 84 32 bf",
       {"mctp", "nvme_mi", "nvme_mi_admin_rsp"}},
      {"vpd read", "01 09 08 c8 84 08 00 00 05 00 00 00 00 01 00 00 40 00 00 00 3d f7 15 30",
       {"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_vpd_read_req"}},
      {"reset", "01 09 08 c8 84 08 00 00 07 00 00 00 00 00 00 00 00 00 00 00 72 2c 53 91",
       {"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_reset_req"}},
      {"shutdown", "01 09 08 c8 84 08 00 00 0c 00 00 00 00 00 00 01 00 00 00 00 ff e8 b2 74",
       {"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_shutdown_req"}},
      {"ses receive", "01 09 08 c8 84 08 00 00 08 00 00 00 01 00 00 00 00 02 00 00 b9 f8 37 8f",
       {"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_ses_receive_req"}},
      {"ses send", "01 09 08 c8 84 08 00 00 09 00 00 00 00 00 00 00 02 00 00 00 0f 00 6f 27 6b 6e",
       {"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_ses_send_req"}},
      {"meb write", "01 09 08 c8 84 09 01 00 0b 00 00 00 00 00 00 00 04 00 00 00 de ad be ef f0 60 cf d0",
       {"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_meb_write_req"}},
  };
  return v;
}

TEST(NvmeMiCommands, VectorsDecodeCleanlyAndRoundTrip) {
  for (const Vector& v : vectors()) {
    Frame f = decode_mctp(v.hex);
    EXPECT_TRUE(f.diagnostics.empty()) << v.name << "\n" << describe_all(f);
    EXPECT_EQ(layer_ids(f), v.layers) << v.name;
    EXPECT_EQ(f.build(registry()), hex(v.hex)) << v.name;
  }
}

TEST(NvmeMiCommands, VectorsSurviveEveryCutAndFlip) {
  for (const Vector& v : vectors()) {
    const Bytes good = hex(v.hex);
    for (std::size_t n = 0; n < good.size(); ++n) {
      Frame f = decode(ByteView(good.data(), n), "mctp", registry());
      // Shorter data either ends inside a field or moves the MIC.
      EXPECT_TRUE(has(f, DiagKind::Truncated) || has(f, DiagKind::BadChecksum)) << v.name << " cut at " << n;
    }
    for (std::size_t i = 5; i < good.size(); ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        Bytes data = good;
        data[i] ^= static_cast<std::uint8_t>(1u << bit);
        Frame f = decode(data, "mctp", registry());
        EXPECT_TRUE(has(f, DiagKind::BadChecksum)) << v.name << " byte " << i << " bit " << bit;
        (void)summary(f);
      }
    }
  }
}

TEST(NvmeMiCommands, ControlPrimitiveFields) {
  Frame f = decode_mctp(vectors()[0].hex);
  const Layer& cp = f.layers[2];
  EXPECT_EQ(cp.num("opcode"), 3u);
  EXPECT_EQ(cp.num("tag"), 5u);
  EXPECT_EQ(cp.num("cesf"), 1u);
  EXPECT_FALSE(cp.has("cpsp") && cp.value(cp.index_of("cpsp")).is_set());
  std::string s;
  render_summary(cp, s);
  EXPECT_EQ(s, "ControlPrimitive (opcode: get_state, tag: 0x05, cesf: 1)");

  Frame r = decode_mctp(vectors()[1].hex);
  s.clear();
  render_summary(r.layers[2], s);
  EXPECT_EQ(s, "ControlPrimitiveResponse (status: success, tag: 0x05, cpsr: 0x8000)");
}

TEST(NvmeMiCommands, ControllerHealthPollFields) {
  Frame f = decode_mctp(vectors()[2].hex);
  const Layer& l = f.layers[3];
  EXPECT_EQ(l.num("sctlid"), 1u);
  EXPECT_EQ(l.num("maxrent"), 4u);
  EXPECT_EQ(l.num("all"), 1u);
  EXPECT_EQ(l.num("incf"), 1u);
  EXPECT_EQ(l.num("incpf"), 0u);
  EXPECT_EQ(l.num("incvf"), 0u);
  for (std::string_view bit : {"csts", "ctemp", "pdlu", "spare", "cwarn", "ccf"}) EXPECT_EQ(l.num(bit), 1u) << bit;
}

TEST(NvmeMiCommands, ConfigurationFields) {
  Frame get = decode_mctp(vectors()[3].hex);
  const Layer& g = get.layers[3];
  EXPECT_EQ(g.num("config_id"), 3u);
  EXPECT_EQ(g.num("port_id"), 1u);
  EXPECT_TRUE(g.value(g.index_of("mtus")).is_set());
  EXPECT_EQ(g.value(g.index_of("frequency")).state, FieldValue::State::Absent);
  std::string s;
  render_summary(g, s);
  EXPECT_EQ(s, "ConfigurationGet (config_id: mctp_transmission_unit_size, param: 0x00, param2: 0x00, port_id: 1, "
               "mtus: 0)");

  Frame set = decode_mctp(vectors()[4].hex);
  const Layer& c = set.layers[3];
  EXPECT_EQ(c.num("config_id"), 1u);
  EXPECT_EQ(c.num("frequency"), 2u);
  s.clear();
  render_summary(c, s);
  EXPECT_EQ(s, "ConfigurationSet (config_id: smbus_i2c_frequency, frequency: 400khz, param2: 0x00, port_id: 0, "
               "nmd1: 0x00000000, data: (none))");
}

TEST(NvmeMiCommands, VpdWriteFields) {
  Frame f = decode_mctp(vectors()[5].hex);
  const Layer& l = f.layers[3];
  EXPECT_EQ(l.num("dofst"), 16u);
  EXPECT_EQ(l.num("dlen"), 3u);
  EXPECT_EQ(l.bytes("data"), hex("aa bb cc"));
}

TEST(NvmeMiCommands, ErrorResponseFields) {
  Frame f = decode_mctp(vectors()[6].hex);
  std::string s;
  render_summary(f.layers[2], s);
  EXPECT_EQ(s, "NVMeMIResponse (status: invalid_parameter, nmresp: 0x000C00)");
}

TEST(NvmeMiCommands, AdminFields) {
  Frame f = decode_mctp(vectors()[7].hex);
  const Layer& a = f.layers[2];
  EXPECT_EQ(a.num("opcode"), 6u);
  EXPECT_EQ(a.num("dlenv"), 1u);
  EXPECT_EQ(a.num("dofstv"), 0u);
  EXPECT_EQ(a.num("dlen"), 4096u);
  EXPECT_EQ(a.num("cdw10"), 1u);
  EXPECT_TRUE(a.bytes("data").empty());
  std::string s;
  render_summary(a, s);
  EXPECT_EQ(s, "NVMeAdminCommand (opcode: identify, ctrl_id: 0, nsid: 0x00000000, cdw10: 0x00000001, dofst: 0, "
               "dlen: 4096)");

  Frame r = decode_mctp(vectors()[8].hex);
  const Layer& rsp = r.layers[2];
  EXPECT_EQ(rsp.num("cqe_dw0"), 0x44332211u);
  EXPECT_EQ(rsp.num("cqe_dw3"), 0x00010005u);
  EXPECT_EQ(rsp.bytes("data"), hex("aa bb cc dd ee ff 00 11"));
  s.clear();
  render_summary(rsp, s);
  EXPECT_EQ(s, "NVMeAdminResponse (status: success, cqe_dw0: 0x44332211, cqe_dw1: 0x00000000, cqe_dw3: 0x00010005)");
}

TEST(NvmeMiCommands, OtherRequestFields) {
  const auto& v = vectors();
  std::string s;
  render_summary(decode_mctp(v[9].hex).layers[3], s);
  EXPECT_EQ(s, "VPDRead (dofst: 256, dlen: 64)");
  s.clear();
  render_summary(decode_mctp(v[10].hex).layers[3], s);
  EXPECT_EQ(s, "Reset (reset_type: nvm_subsystem_reset)");
  s.clear();
  render_summary(decode_mctp(v[11].hex).layers[3], s);
  EXPECT_EQ(s, "Shutdown (shutdown_type: 0x01)");
  s.clear();
  render_summary(decode_mctp(v[12].hex).layers[3], s);
  EXPECT_EQ(s, "SESReceive (nmd0: 0x00000001, nmd1: 0x00000200, data: (none))");
  s.clear();
  render_summary(decode_mctp(v[13].hex).layers[3], s);
  EXPECT_EQ(s, "SESSend (nmd0: 0x00000000, nmd1: 0x00000002, data: 0F 00)");
  Frame meb = decode_mctp(v[14].hex);
  EXPECT_EQ(meb.layers[1].num("csi"), 1u);
  EXPECT_EQ(meb.layers[1].num("meb"), 1u);
  EXPECT_EQ(meb.layers[3].bytes("data"), hex("de ad be ef"));
}

TEST(NvmeMiCommands, ReservedRequestBitsAreReported) {
  // Reset with NMD0 bit 0 set (reserved); MIC recomputed so only the reserved bit is reported.
  Bytes msg = hex("84 08 00 00 07 00 00 00 01 00 00 00 00 00 00 00");
  std::uint32_t mic = message_mic(msg[0], ByteView(msg).subspan(1));
  Bytes data = hex("01 09 08 c8");
  data.insert(data.end(), msg.begin(), msg.end());
  for (int k = 0; k < 4; ++k) data.push_back(static_cast<std::uint8_t>(mic >> (8 * k)));
  Frame f = decode(data, "mctp", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Reserved});
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].layer_id, "nvme_mi_reset_req");
  EXPECT_EQ(f.diagnostics[0].offset, 12u);
}

// ---- crafting ----------------------------------------------------------------------------------

TEST(NvmeMiCraft, ReadDataStructureRequestMatchesTheCapture) {
  Frame f = transport(9, 8, 1) / Layer(kHeader) / Layer(kMiCommandRequest) /
            Layer(kReadDataStructureRequest, {{"dtyp", "nvm_subsystem_info"}});
  Bytes built = f.build(registry());
  EXPECT_EQ(built, hex("01 09 08 c8 84 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 e2 00 06 07"));
  Frame back = decode(built, "mctp", registry());
  EXPECT_TRUE(back.diagnostics.empty()) << describe_all(back);
}

TEST(NvmeMiCraft, SubsystemInfoResponseMatchesTheCapture) {
  Frame f = Layer(mctp::kTransport, {{"dst", 8}, {"src", 9}, {"ic", 1}}) / Layer(kHeader, {{"ror", "response"}}) /
            Layer(kMiCommandResponse, {{"status", "success"}}) / Layer(kSubsystemInfo, {{"mjr", 1}, {"mnr", 2}});
  Bytes built = f.build(registry());
  EXPECT_EQ(built, hex("01 08 09 c0 84 88 00 00 00 20 00 00 00 01 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
                       "00 00 00 00 00 00 00 00 00 00 00 00 00 f7 28 7d 6f"));
}

TEST(NvmeMiCraft, ReferenceHealthPollAndCorruption) {
  Frame f = transport(9, 8, 1) / Layer(kHeader) / Layer(kMiCommandRequest) / Layer(kSubsystemHealthPollRequest);
  Bytes built = f.build(registry());
  EXPECT_EQ(built, hex("01 09 08 c8 84 08 00 00 01 00 00 00 00 00 00 00 00 00 00 00 d2 d4 77 36"));
  EXPECT_TRUE(decode(built, "mctp", registry()).diagnostics.empty());
  built[19] ^= 0x80;  // clear status set after the MIC was computed
  EXPECT_EQ(kinds(decode(built, "mctp", registry())), std::vector<DiagKind>{DiagKind::BadChecksum});
}

TEST(NvmeMiCraft, GivenMicIsWrittenAsGiven) {
  Frame f = transport(9, 8, 1) / Layer(kHeader, {{"mic", 0x11223344}}) / Layer(kMiCommandRequest) /
            Layer(kSubsystemHealthPollRequest);
  Bytes built = f.build(registry());
  EXPECT_EQ(Bytes(built.end() - 4, built.end()), hex("44 33 22 11"));
  EXPECT_EQ(kinds(decode(built, "mctp", registry())), std::vector<DiagKind>{DiagKind::BadChecksum});
}

TEST(NvmeMiCraft, ControlPrimitiveAndAdminBuildTheVectors) {
  Frame cp = transport(9, 8, 1) / Layer(kHeader) /
             Layer(kControlPrimitiveRequest, {{"opcode", "get_state"}, {"tag", 5}, {"cesf", 1}});
  EXPECT_EQ(cp.build(registry()), hex(vectors()[0].hex));

  Frame admin = transport(9, 8, 1) / Layer(kHeader) /
                Layer(kAdminRequest, {{"opcode", "identify"}, {"dlenv", 1}, {"dlen", 4096}, {"cdw10", 1}});
  EXPECT_EQ(admin.build(registry()), hex(vectors()[7].hex));
}

TEST(NvmeMiCraft, VpdWriteDerivesItsLength) {
  Frame f = transport(9, 8, 1) / Layer(kHeader) / Layer(kMiCommandRequest) /
            Layer(kVpdWriteRequest, {{"dofst", 16}, {"data", hex("aa bb cc")}});
  EXPECT_EQ(f.build(registry()), hex(vectors()[5].hex));
}

TEST(NvmeMiCraft, ControllerHealthResponseCountsEntries) {
  Fields entry(kControllerHealthList.fields[0].element[0], {{"ctlid", 1}, {"ctemp", 310}});
  Frame f = Layer(mctp::kTransport, {{"dst", 8}, {"src", 9}, {"ic", 1}}) / Layer(kHeader, {{"ror", 1}}) /
            Layer(kMiCommandResponse) / Layer(kControllerHealthList, {{"entries", std::vector<Fields>{entry, entry}}});
  Bytes built = f.build(registry());
  ASSERT_EQ(built.size(), 4u + 4 + 4 + 32 + 4);
  EXPECT_EQ(Bytes(built.begin() + 8, built.begin() + 12), hex("00 00 00 02"));  // status, NMRESP with RENT = 2
  EXPECT_TRUE(decode(built, "mctp", registry()).diagnostics.empty());
}

}  // namespace
}  // namespace mctpkit::nvme_mi::test
