// PLDM base (type 0) layers: hand-written vectors from the protocol reference (6.4, 6.5), craft
// and build, round trips, truncation and bit flips.

#include <gtest/gtest.h>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/pldm/base.hpp"
#include "mctpkit/pldm/pldm.hpp"
#include "base_support.hpp"

namespace mctpkit::pldm {
namespace {

using namespace test_support;

// ---- SetTID / GetTID ----------------------------------------------------------------------------

TEST(PldmBase, SetTidRequest) {
  Frame f = decode_hex(req("80 00 01 2A"));
  EXPECT_EQ(summary(f),
            "MCTP 0:0 (0A <-- 08) (S:E:TO) PLDM / PLDM REQ (inst_id=0x00, type=0x00, cmd=0x01) / SETTID (tid: 42)");
  EXPECT_EQ(layer(f, "pldm.set_tid_req").num("tid"), 42u);
  EXPECT_TRUE(f.diagnostics.empty());
  check_damage(hex(req("80 00 01 2A")));
}

TEST(PldmBase, EmptyBodiesEndAfterTheHeader) {
  // PyMCTP shows no layer for a message with nothing after the header.
  for (std::string_view text : {rsp("00 00 01 00"), req("83 00 02"), req("9F 00 04"), rsp("00 00 06 00")}) {
    Frame f = decode_hex(text);
    ASSERT_EQ(f.layers.size(), 2u) << text << ": " << summary(f);
    EXPECT_TRUE(problems(f).empty()) << text;
    expect_round_trip(text);
  }
}

TEST(PldmBase, GetTidResponse) {
  Frame f = decode_hex(rsp("03 00 02 00 07"));
  EXPECT_EQ(summary(f),
            "MCTP 0:0 (08 <-- 0A) (S:E) PLDM / PLDM RSP (inst_id=0x03, type=0x00, cmd=0x02, cc=0) / GETTID (tid: 7)");
  check_damage(hex(rsp("03 00 02 00 07")));
}

TEST(PldmBase, CraftGetTidByName) {
  // pldm(rq=1,iid=3)/get_tid(): type and command come from where get_tid is bound.
  std::vector<const LayerDef*> named = registry().layers_named("get_tid");
  ASSERT_EQ(named.size(), 2u);
  Frame f = transport(true) / header(true, 3) / body("pldm.get_tid_req");
  EXPECT_EQ(to_hex(f.build(registry())), "01 0A 08 C8 01 83 00 02");
  // With rq left unset the bodiless request's binding still makes it a request.
  Frame unset = transport(true) / Layer(kHeader, {{"iid", 3}}) / body("pldm.get_tid_req");
  EXPECT_EQ(to_hex(unset.build(registry())), "01 0A 08 C8 01 83 00 02");
  Frame types = transport(true) / Layer(kHeader, {{"iid", 4}}) / body("pldm.get_pldm_types_req");
  EXPECT_EQ(to_hex(types.build(registry())), "01 0A 08 C8 01 84 00 04");
  Frame r = transport(false) / Layer(kHeader, {{"rq", 0}, {"iid", 3}, {"cc", 0}}) / body("pldm.get_tid_rsp", {{"tid", 9}});
  EXPECT_EQ(to_hex(r.build(registry())), "01 08 0A C0 01 03 00 02 00 09");
  Frame s = transport(false) / Layer(kHeader, {{"rq", 0}, {"iid", 1}}) / body("pldm.set_tid_rsp");
  EXPECT_EQ(to_hex(s.build(registry())), "01 08 0A C0 01 01 00 01 00");
}

// ---- GetPLDMVersion -----------------------------------------------------------------------------

TEST(PldmBase, GetVersionRequest) {
  std::string text = req("81 00 03 78 56 34 12 01 02");
  Frame f = decode_hex(text);
  EXPECT_EQ(summary(f), "MCTP 0:0 (0A <-- 08) (S:E:TO) PLDM / PLDM REQ (inst_id=0x01, type=0x00, cmd=0x03) / "
                        "GetPLDMVER (hdl=305419896, op=1, type=2)");
  const Layer& l = layer(f, "pldm.get_pldm_version_req");
  EXPECT_EQ(text_of(l, "transfer_op"), "get_first_part");
  EXPECT_EQ(text_of(l, "type"), "platform");
  check_damage(hex(text));
  Frame crafted = transport(true) / header(true, 1) /
                  body("pldm.get_pldm_version_req", {{"transfer_handle", 0x12345678}, {"type", "platform"}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(text)));
}

TEST(PldmBase, GetVersionResponseChecksVersionDataCrc) {
  // Reference 6.5: type 0 version 1.0.0, CRC-32 0x4A868FFB sent little-endian.
  std::string text = rsp("01 00 03 00 00 00 00 00 05 00 F0 F0 F1 FB 8F 86 4A");
  Frame f = decode_hex(text);
  EXPECT_EQ(summary(f), "MCTP 0:0 (08 <-- 0A) (S:E) PLDM / PLDM RSP (inst_id=0x01, type=0x00, cmd=0x03, cc=0) / "
                        "GetPLDMVER (nextHdl=0, transferFlag=5) / PLDMVersionData (versions: [1.0.0], crc: 0x4A868FFB)");
  EXPECT_TRUE(f.diagnostics.empty());
  const Layer& data = layer(f, "pldm.version_data");
  ASSERT_EQ(data.items("versions").size(), 1u);
  EXPECT_EQ(data.items("versions")[0].num("version"), 0xF1F0F000u);
  // A response may end after its transfer flag; 4 bytes of version data read as a CRC alone.
  check_damage(hex(text), {}, {18});

  Frame bad = decode_hex(rsp("01 00 03 00 00 00 00 00 05 00 F0 F0 F1 FB 8F 86 4B"));
  ASSERT_EQ(problems(bad), std::vector<DiagKind>{DiagKind::BadChecksum});
  EXPECT_EQ(bad.diagnostics[0].layer_id, "pldm.version_data");
}

TEST(PldmBase, Ver32ByteOrderIsLittleEndian) {
  // Reference 6.5 table: wire bytes -> version text.
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"00 F0 F0 F1", "1.0.0"}, {"00 F0 F1 F1", "1.1.0"}, {"00 FF F1 F3", "3.1"},
      {"61 FF F0 F1", "1.0a"},  {"61 10 F7 F3", "3.7.10a"}, {"00 F7 01 10", "10.01.7"},
  };
  for (const auto& [wire, text] : cases) {
    Frame f = decode_hex(req("81 00 05 00 " + std::string(wire)));
    EXPECT_EQ(text_of(layer(f, "pldm.get_pldm_commands_req"), "version"), text) << wire;
  }
}

TEST(PldmBase, VersionDataBuildsItsCrc) {
  Fields v1(*registry().layer("pldm.version_data")->fields[0].element, {{"version", 0xF1F0F000u}});
  Fields v2(*registry().layer("pldm.version_data")->fields[0].element, {{"version", 0xF1F1F000u}});
  Frame f = transport(false) / header(false, 2) / body("pldm.get_pldm_version_rsp") /
            Layer(kVersionData, {{"versions", std::vector<Fields>{v1, v2}}});
  // CRC-32 of 00 F0 F0 F1 00 F0 F1 F1 is 0x1343E4E2 (computed with Python's zlib).
  std::string text = rsp("02 00 03 00 00 00 00 00 05 00 F0 F0 F1 00 F0 F1 F1 E2 E4 43 13");
  EXPECT_EQ(to_hex(f.build(registry())), to_hex(hex(text)));
  Frame d = decode_hex(text);
  EXPECT_TRUE(d.diagnostics.empty());
  EXPECT_EQ(summary(d).substr(summary(d).rfind(" / ") + 3), "PLDMVersionData (versions: [1.0.0, 1.1.0], crc: 0x1343E4E2)");
}

TEST(PldmBase, VersionPartsOtherThanStartAndEndStayRaw) {
  Frame f = decode_hex(rsp("01 00 03 00 10 00 00 00 01 00 F0 F0 F1"));
  ASSERT_EQ(f.layers.size(), 4u);
  EXPECT_TRUE(f.layers[3].is(kRawLayer));
  EXPECT_TRUE(f.diagnostics.empty());
}

// ---- GetPLDMTypes / GetPLDMCommands -------------------------------------------------------------

TEST(PldmBase, GetTypesResponse) {
  std::string text = rsp("01 00 04 00 1D 00 00 00 00 00 00 80");
  Frame f = decode_hex(text);
  const Layer& l = layer(f, "pldm.get_pldm_types_rsp");
  std::string s;
  render_summary(l, s);
  EXPECT_EQ(s, "GetPLDMTypes (CTRL M&C BIOS FRU)");
  EXPECT_EQ(text_of(l, "types"), "base|platform|bios|fru|oem");
  check_damage(hex(text));
  Frame none = decode_hex(rsp("01 00 04 00 00 00 00 00 00 00 00 00"));
  s.clear();
  render_summary(none.layers.back(), s);
  EXPECT_EQ(s, "GetPLDMTypes ()");
  Frame crafted = transport(false) / header(false, 1) / body("pldm.get_pldm_types_rsp", {{"types", "base|platform|bios|fru|oem"}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(text)));
}

TEST(PldmBase, GetCommandsRequestAndResponse) {
  std::string text = req("81 00 05 02 00 F0 F1 F1");
  Frame f = decode_hex(text);
  EXPECT_EQ(summary(f).substr(summary(f).rfind(" / ") + 3), "GetPLDMCommands (type=2, version=F1F1F000)");
  EXPECT_EQ(text_of(layer(f, "pldm.get_pldm_commands_req"), "version"), "1.1.0");
  check_damage(hex(text));

  std::string bitmap = "3E 00 0C";
  for (int i = 3; i < 31; ++i) bitmap += " 00";
  std::string response = rsp("01 00 05 00 " + bitmap + " 01");
  Frame r = decode_hex(response);
  EXPECT_EQ(summary(r).substr(summary(r).rfind(" / ") + 3),
            "GetPLDMCommands ([62, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "
            "0, 0, 1])");
  EXPECT_TRUE(r.diagnostics.empty());
  check_damage(hex(response));
}

// ---- SelectPLDMVersion / NegotiateTransferParameters / multipart --------------------------------

TEST(PldmBase, SelectVersionAndNegotiate) {
  Frame s = decode_hex(req("81 00 06 04 00 F0 F0 F1"));
  const Layer& sel = layer(s, "pldm.select_pldm_version_req");
  EXPECT_EQ(text_of(sel, "type"), "fru");
  EXPECT_EQ(text_of(sel, "version"), "1.0.0");
  check_damage(hex(req("81 00 06 04 00 F0 F0 F1")));

  std::string text = req("81 00 07 00 01 05 00 00 00 00 00 00 00");
  Frame n = decode_hex(text);
  const Layer& neg = layer(n, "pldm.negotiate_transfer_parameters_req");
  EXPECT_EQ(neg.num("part_size"), 256u);
  EXPECT_EQ(text_of(neg, "protocol_support"), "base|platform");
  check_damage(hex(text));
  expect_round_trip(rsp("01 00 07 00 00 02 21 00 00 00 00 00 00 00"));
}

TEST(PldmBase, MultipartSendDerivesLengthAndChecksum) {
  // CRC-32 of AA BB CC is 0xBE4DF84C (Python zlib).
  std::string text = req("81 00 08 07 05 78 56 34 12 01 00 00 00 00 00 00 00 00 00 00 00 03 00 00 00 "
                         "03 00 00 00 AA BB CC 4C F8 4D BE");
  Frame f = decode_hex(text);
  const Layer& l = layer(f, "pldm.multipart_send_req");
  EXPECT_EQ(text_of(l, "type"), "file_transfer");
  EXPECT_EQ(text_of(l, "transfer_flag"), "start_and_end");
  EXPECT_EQ(l.num("transfer_context"), 0x12345678u);
  EXPECT_EQ(l.bytes("data"), hex("AA BB CC"));
  EXPECT_TRUE(f.diagnostics.empty());
  check_damage(hex(text));
  Frame crafted = transport(true) / header(true, 1) /
                  body("pldm.multipart_send_req", {{"type", 7}, {"transfer_context", 0x12345678}, {"transfer_handle", 1},
                                                   {"section_length", 3}, {"data", hex("AA BB CC")}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(text)));
}

TEST(PldmBase, MultipartReceive) {
  std::string request = req("81 00 09 07 00 01 00 00 00 02 00 00 00 00 00 00 00 00 04 00 00");
  Frame q = decode_hex(request);
  EXPECT_EQ(layer(q, "pldm.multipart_receive_req").num("section_length"), 0x400u);
  check_damage(hex(request));
  // AckCompletion carries no checksum.
  std::string ack = rsp("01 00 09 00 08 00 00 00 00 00 00 00 00");
  Frame a = decode_hex(ack);
  EXPECT_TRUE(a.diagnostics.empty());
  EXPECT_FALSE(layer(a, "pldm.multipart_receive_rsp").get("checksum").has_value());
  check_damage(hex(ack));
  expect_round_trip(rsp("01 00 09 00 05 00 00 00 00 03 00 00 00 AA BB CC 4C F8 4D BE"));
}

TEST(PldmBase, CompletionCodeNames) {
  EXPECT_EQ(base_completion_code_name(kGetPldmVersion, 0x81), "invalid_transfer_operation_flag");
  EXPECT_EQ(base_completion_code_name(kGetPldmCommands, 0x84), "invalid_pldm_version_in_request_data");
  EXPECT_EQ(base_completion_code_name(kGetTid, 0x05), "error_unsupported_pldm_cmd");
  EXPECT_EQ(base_completion_code_name(kGetTid, 0x84), "");
  // An error response ends after the completion code.
  Frame f = decode_hex(rsp("01 00 03 83"));
  EXPECT_EQ(f.layers.size(), 2u);
  EXPECT_TRUE(problems(f).empty());
}

}  // namespace
}  // namespace mctpkit::pldm
