// NC-SI, Ethernet, CXL FM API / CCI and PCIe-MI header layers: vectors written by hand from the
// protocol reference layouts (NC-SI checksums computed with an independent script), crafting,
// round trips, truncations and bit flips.

#include <gtest/gtest.h>

#include <algorithm>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/msgtypes/msgtypes.hpp"

namespace mctpkit::msgtypes {
namespace {

const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
    mctp::register_transport(reg);
    reg.add_link({"mctp", "bare MCTP", &mctp::kTransport});
    register_msgtypes(reg);
    return reg;
  }();
  return r;
}

Bytes hex(std::string_view text) {
  auto b = parse_hex(text);
  EXPECT_TRUE(b.has_value()) << text;
  return b.value_or(Bytes{});
}

std::string summary(const Frame& f) {
  std::string out;
  for (std::size_t i = 0; i < f.layers.size(); ++i) {
    if (i) out += " / ";
    render_summary(f.layers[i], out);
  }
  return out;
}

std::vector<DiagKind> kinds(const Frame& f) {
  std::vector<DiagKind> out;
  for (const Diagnostic& d : f.diagnostics) out.push_back(d.kind);
  return out;
}

bool has(const Frame& f, DiagKind k) {
  return std::any_of(f.diagnostics.begin(), f.diagnostics.end(), [k](const Diagnostic& d) { return d.kind == k; });
}

struct Vector {
  std::string_view name;
  std::string_view hex;
  std::string_view summary;
  bool fixed_size;  // every cut ends inside a field (no trailing "rest" data)
};

// MCTP header 01 09 08 c8 (dst 9, src 8, SOM, EOM, TO, tag 0), then the message type byte.
const std::vector<Vector>& vectors() {
  static const std::vector<Vector> v = {
      {"ncsi get version id", "01 09 08 c8 02 00 01 00 01 15 1f 00 00 00 00 00 00 00 00 00 00 ff ff ea df",
       "MCTP 0:0 (09 <-- 08) (S:E:TO) NCSI / NCSI Command (mc_id: 0x00, iid: 1, command: get_version_id, "
       "package_id: 0, channel: 0x1F, payload_length: 0)",
       true},
      {"ncsi select package response",
       "01 09 08 c8 02 00 01 00 02 81 00 00 04 00 00 00 00 00 00 00 00 00 00 00 00 ff ff 7e f9",
       "MCTP 0:0 (09 <-- 08) (S:E:TO) NCSI / NCSI Response (mc_id: 0x00, iid: 2, command: select_package, "
       "package_id: 0, channel: 0x00, payload_length: 4, response_code: command_completed, reason_code: no_error)",
       true},
      {"ncsi oem command with pad",
       "01 09 08 c8 02 00 01 00 03 50 00 00 05 00 00 00 00 00 00 00 00 00 00 01 57 aa 00 00 00 ff ff 04 a0",
       "MCTP 0:0 (09 <-- 08) (S:E:TO) NCSI / NCSI Command (mc_id: 0x00, iid: 3, command: oem_command, "
       "package_id: 0, channel: 0x00, payload_length: 5)",
       true},
      {"ncsi aen",
       "01 09 08 c8 02 00 01 00 00 ff 00 00 0c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 00 "
       "ff ff 00 f2",
       "MCTP 0:0 (09 <-- 08) (S:E:TO) NCSI / NCSI AEN (mc_id: 0x00, iid: 0, package_id: 0, channel: 0x00, "
       "payload_length: 12)",
       true},
      {"ncsi failed response",
       "01 09 08 c8 02 00 01 00 04 8b 21 00 04 00 00 00 00 00 00 00 00 00 01 00 02 ff ff 74 d3",
       "MCTP 0:0 (09 <-- 08) (S:E:TO) NCSI / NCSI Response (mc_id: 0x00, iid: 4, command: set_vlan_filter, "
       "package_id: 1, channel: 0x01, payload_length: 4, response_code: command_failed, reason_code: "
       "parameter_invalid)",
       true},
      {"ethernet arp", "01 09 08 c8 03 ff ff ff ff ff ff 00 11 22 33 44 55 08 06 00 01 08 00",
       "MCTP 0:0 (09 <-- 08) (S:E:TO) Ethernet / Ethernet (dst: FF:FF:FF:FF:FF:FF, src: 00:11:22:33:44:55, "
       "ethertype: arp, data_length: 4)",
       false},
      {"cxl cci identify request", "01 09 08 c8 08 00 01 00 01 00 00 00 00 00 00 00 00",
       "MCTP 0:0 (09 <-- 08) (S:E:TO) CXL_CCI / CXLCCI (category: request, tag: 1, opcode: identify, "
       "payload_length: 0)",
       true},
      {"cxl cci identify response",
       "01 08 09 c0 08 01 01 00 01 00 12 00 00 00 00 00 00 86 80 0d 0d 00 00 00 00 01 02 03 04 05 06 07 08 09 03",
       "MCTP 0:0 (08 <-- 09) (S:E) CXL_CCI / CXLCCI (category: response, tag: 1, opcode: identify, "
       "payload_length: 18, return_code: success, vendor_status: 0x0000)",
       true},
      {"cxl cci background sanitize", "01 08 09 c0 08 01 02 00 00 44 00 00 80 01 00 00 00",
       "MCTP 0:0 (08 <-- 09) (S:E) CXL_CCI / CXLCCI (category: response, tag: 2, opcode: sanitize, "
       "payload_length: 0, return_code: background_command_started, vendor_status: 0x0000)",
       true},
      {"cxl fm api identify switch", "01 09 08 c8 07 00 07 00 00 51 00 00 00 00 00 00 00",
       "MCTP 0:0 (09 <-- 08) (S:E:TO) CXL_FM_API / CXLFMAPI (category: request, tag: 7, opcode: "
       "identify_switch_device, payload_length: 0)",
       true},
      {"pcie-mi", "01 09 08 c8 09 01 02 03", "MCTP 0:0 (09 <-- 08) (S:E:TO) 0x09 / PCIeMI (data_length: 3)", false},
  };
  return v;
}

TEST(MsgTypes, VectorsDecodeWithoutDiagnosticsAndRoundTrip) {
  for (const Vector& v : vectors()) {
    Frame f = decode(hex(v.hex), "mctp", registry());
    EXPECT_TRUE(f.diagnostics.empty()) << v.name << ": " << (f.diagnostics.empty() ? "" : describe(f.diagnostics[0]));
    EXPECT_EQ(f.layers.size(), 2u) << v.name;
    EXPECT_EQ(summary(f), v.summary) << v.name;
    EXPECT_EQ(f.build(registry()), hex(v.hex)) << v.name;
  }
}

TEST(MsgTypes, EveryTruncationIsTruncated) {
  for (const Vector& v : vectors()) {
    if (!v.fixed_size) continue;
    const Bytes good = hex(v.hex);
    for (std::size_t n = 0; n < good.size(); ++n) {
      Frame f = decode(ByteView(good.data(), n), "mctp", registry());
      EXPECT_TRUE(has(f, DiagKind::Truncated)) << v.name << " cut at " << n;
    }
  }
}

TEST(MsgTypes, EveryBitFlipDecodesWithoutCrash) {
  for (const Vector& v : vectors()) {
    const Bytes good = hex(v.hex);
    for (std::size_t i = 0; i < good.size(); ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        Bytes data = good;
        data[i] ^= static_cast<std::uint8_t>(1u << bit);
        Frame f = decode(data, "mctp", registry());
        ASSERT_FALSE(f.layers.empty());
        (void)summary(f);
      }
    }
  }
}

// ---- NC-SI specifics -------------------------------------------------------------------------

TEST(Ncsi, ChecksumFlipIsBadChecksum) {
  Bytes data = hex(vectors()[0].hex);
  data[8] ^= 0x04;  // IID 1 -> 5
  Frame f = decode(data, "mctp", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::BadChecksum});
  EXPECT_EQ(f.diagnostics[0].offset, 21u);
}

TEST(Ncsi, EveryBitFlipInTheHeaderOrPayloadIsNoticed) {
  const Bytes good = hex(vectors()[2].hex);
  for (std::size_t i = 5; i < good.size() - 4; ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      Bytes data = good;
      data[i] ^= static_cast<std::uint8_t>(1u << bit);
      Frame f = decode(data, "mctp", registry());
      EXPECT_FALSE(f.diagnostics.empty()) << "byte " << i << " bit " << bit;
    }
  }
}

TEST(Ncsi, ZeroChecksumMeansNotComputed) {
  Frame f = decode(hex("01 09 08 c8 02 00 01 00 01 15 1f 00 00 00 00 00 00 00 00 00 00 00 00 00 00"), "mctp",
                   registry());
  EXPECT_TRUE(f.diagnostics.empty());
  EXPECT_EQ(f.layers[1].num("checksum"), 0u);
}

TEST(Ncsi, WrongHeaderRevisionIsMalformed) {
  Frame f = decode(hex("01 09 08 c8 02 00 02 00 01 15 1f 00 00 00 00 00 00 00 00 00 00 ff ff ea df"), "mctp",
                   registry());
  EXPECT_EQ(kinds(f), (std::vector<DiagKind>{DiagKind::Malformed, DiagKind::BadChecksum}));
}

TEST(Ncsi, PayloadLengthBeyondTheDataIsTruncated) {
  Frame f = decode(hex("01 09 08 c8 02 00 01 00 01 15 1f 00 40 00 00 00 00 00 00 00 00 ff ff ea df"), "mctp",
                   registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Truncated});
}

TEST(Ncsi, CraftComputesLengthPadAndChecksum) {
  Frame oem = Layer(mctp::kTransport, {{"dst", 9}, {"src", 8}, {"to", 1}}) /
              Layer(kNcsi, {{"iid", 3}, {"command", "oem_command"}, {"data", hex("00 00 01 57 aa")}});
  EXPECT_EQ(oem.build(registry()), hex(vectors()[2].hex));

  Frame rsp = Layer(mctp::kTransport, {{"dst", 9}, {"src", 8}, {"to", 1}}) /
              Layer(kNcsi, {{"iid", 2}, {"response", 1}, {"command", "select_package"}});
  EXPECT_EQ(rsp.build(registry()), hex(vectors()[1].hex));
}

TEST(Ncsi, ExtraBytesAreTrailingData) {
  Frame f = decode(hex("01 09 08 c8 02 00 01 00 01 15 1f 00 00 00 00 00 00 00 00 00 00 ff ff ea df 99"), "mctp",
                   registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::TrailingData});
}

// ---- CXL specifics --------------------------------------------------------------------------

TEST(Cxl, Fields) {
  Frame f = decode(hex(vectors()[7].hex), "mctp", registry());
  const Layer& l = f.layers[1];
  EXPECT_EQ(l.num("category"), 1u);
  EXPECT_EQ(l.num("opcode"), 0x0001u);
  EXPECT_EQ(l.num("payload_length"), 18u);
  EXPECT_EQ(l.num("payload_length_hi"), 0u);
  EXPECT_EQ(l.bytes("data").size(), 18u);
  Frame bo = decode(hex(vectors()[8].hex), "mctp", registry());
  EXPECT_EQ(bo.layers[1].num("bo"), 1u);
  EXPECT_EQ(bo.layers[1].num("opcode"), 0x4400u);
}

TEST(Cxl, CraftDerivesThePayloadLength) {
  Frame f = Layer(mctp::kTransport, {{"dst", 8}, {"src", 9}}) /
            Layer(kCxlCci, {{"category", "response"},
                            {"tag", 1},
                            {"opcode", "identify"},
                            {"data", hex("86 80 0d 0d 00 00 00 00 01 02 03 04 05 06 07 08 09 03")}});
  EXPECT_EQ(f.build(registry()), hex(vectors()[7].hex));
  Frame fm = Layer(mctp::kTransport, {{"dst", 9}, {"src", 8}, {"to", 1}}) /
             Layer(kCxlFmApi, {{"tag", 7}, {"opcode", "identify_switch_device"}});
  EXPECT_EQ(fm.build(registry()), hex(vectors()[9].hex));
}

TEST(Cxl, ReservedBitsAreReported) {
  Frame f = decode(hex("01 09 08 c8 08 10 01 00 01 00 00 00 00 00 00 00 00"), "mctp", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Reserved});
  f = decode(hex("01 09 08 c8 08 00 01 00 01 00 00 00 40 00 00 00 00"), "mctp", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Reserved});
}

TEST(Cxl, PayloadLengthBeyondTheDataIsTruncated) {
  Frame f = decode(hex("01 09 08 c8 08 00 01 00 01 00 05 00 00 00 00 00 00 aa"), "mctp", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Truncated});
  f = decode(hex("01 09 08 c8 08 00 01 00 01 00 00 00 01 00 00 00 00"), "mctp", registry());  // 64 KiB stated
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Truncated});
}

TEST(Cxl, ExtraBytesAreTrailingData) {
  Frame f = decode(hex("01 09 08 c8 08 00 01 00 01 00 00 00 00 00 00 00 00 aa"), "mctp", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::TrailingData});
}

// ---- Ethernet --------------------------------------------------------------------------------

TEST(Ethernet, ShortFrameIsTruncated) {
  const Bytes good = hex(vectors()[5].hex);
  for (std::size_t n = 0; n < 5 + 14; ++n) {
    Frame f = decode(ByteView(good.data(), n), "mctp", registry());
    EXPECT_TRUE(has(f, DiagKind::Truncated)) << "cut at " << n;
  }
  Frame f = decode(ByteView(good.data(), 5 + 14), "mctp", registry());
  EXPECT_TRUE(f.diagnostics.empty());
}

}  // namespace
}  // namespace mctpkit::msgtypes
