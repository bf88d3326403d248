// Damaged input never crashes decoding (the suite also runs under ASan/UBSan) and gets the
// diagnostic that names the damage.

#include <gtest/gtest.h>

#include <random>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/output/output.hpp"
#include "vectors.hpp"

namespace mctpkit {
namespace {

bool has(const Frame& f, DiagKind kind) {
  for (const Diagnostic& d : f.diagnostics) {
    if (d.kind == kind) return true;
  }
  return false;
}

bool has_problem(const Frame& f) {
  for (const Diagnostic& d : f.diagnostics) {
    if (d.severity != Severity::Info) return true;
  }
  return false;
}

const char* kFiles[] = {"seed-examples.tsv", "pymctp-control.tsv", "pymctp-pldm.tsv", "pymctp-vdm.tsv",
                        "pymctp-ipmi.tsv"};

TEST(Robustness, EveryPrefixDecodesAndShortSmbusFramesAreTruncated) {
  for (const char* file : kFiles) {
    for (const auto& v : testing::load_vectors(file)) {
      for (std::size_t n = 0; n < v.data.size(); ++n) {
        ByteView prefix(v.data.data(), n);
        Frame f = decode(prefix, v.link);
        ASSERT_FALSE(f.layers.empty()) << v.source << " prefix " << n;
        (void)output::summary(f);
        (void)output::json(f);
        (void)output::tree(f);
        if (v.link == "smbus" && n + 1 < v.data.size()) {
          EXPECT_TRUE(has(f, DiagKind::Truncated)) << v.source << " prefix " << n;
        }
        if (v.link == "smbus" && n + 1 == v.data.size()) {
          // Only the PEC is missing: decoded as a frame without PEC, with a warning.
          EXPECT_FALSE(f.find("smbus")->has("pec")) << v.source;
          ASSERT_FALSE(f.diagnostics.empty()) << v.source;
          EXPECT_EQ(f.diagnostics[0].text, "no PEC, which the specification requires") << v.source;
        }
        if (v.link == "mctp" && n < 4) { EXPECT_TRUE(has(f, DiagKind::Truncated)) << v.source << " prefix " << n; }
      }
    }
  }
}

TEST(Robustness, EverySingleBitFlipOfAnSmbusFrameIsDetected) {
  for (const char* file : kFiles) {
    for (const auto& v : testing::load_vectors(file)) {
      for (std::size_t bit = 0; bit < 8 * v.data.size(); ++bit) {
        Bytes flipped = v.data;
        flipped[bit / 8] ^= static_cast<std::uint8_t>(0x80 >> (bit % 8));
        Frame f = decode(flipped, v.link);
        ASSERT_FALSE(f.layers.empty());
        (void)output::summary(f);
        // The PEC covers every byte of an SMBus frame, so any flip shows.
        if (v.link == "smbus") { EXPECT_TRUE(has_problem(f)) << v.source << " bit " << bit; }
      }
    }
  }
}

TEST(Robustness, BadPecIsAWarningAndTheFrameStillDecodes) {
  Frame f = decode(*parse_hex("64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FD"), "smbus");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].kind, DiagKind::BadChecksum);
  EXPECT_EQ(f.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(f.diagnostics[0].offset, 13u);
  EXPECT_EQ(f.diagnostics[0].text, "PEC 0xFD does not match the computed 0xFC");
  EXPECT_NE(f.find("set_endpoint_id_req"), nullptr);
}

TEST(Robustness, WrongByteCounts) {
  // Two more than the data holds: truncated. One more: the PEC byte is read as data, and the
  // frame has no PEC. One less: the count and the data disagree.
  Frame longer = decode(*parse_hex("64 0F 0C 21 01 00 0A CF 00 91 01 00 1D FC"), "smbus");
  ASSERT_TRUE(has(longer, DiagKind::Truncated));
  EXPECT_EQ(longer.diagnostics[0].text, "byte_count gives 12 bytes, but only 11 follow");
  Frame one_more = decode(*parse_hex("64 0F 0B 21 01 00 0A CF 00 91 01 00 1D FC"), "smbus");
  EXPECT_FALSE(one_more.find("smbus")->has("pec"));
  EXPECT_TRUE(has(one_more, DiagKind::Malformed));
  Frame shorter = decode(*parse_hex("64 0F 09 21 01 00 0A CF 00 91 01 00 1D FC"), "smbus");
  ASSERT_TRUE(has(shorter, DiagKind::Malformed));
  bool found = false;
  for (const Diagnostic& d : shorter.diagnostics) found |= d.text == "byte_count gives 9 bytes, but 10 follow";
  EXPECT_TRUE(found);
}

TEST(Robustness, BadCommandCodeAndIpmbSourceBitAreMalformed) {
  Frame f = decode(*parse_hex("64 0E 0A 21 01 00 0A CF 00 91 01 00 1D FC"), "smbus");
  ASSERT_TRUE(has(f, DiagKind::Malformed));
  EXPECT_EQ(f.diagnostics[0].text, "Command code is 0x0E, expected 0x0F");
  Frame ipmb = decode(*parse_hex("64 0F 0A 20 01 00 0A CF 00 91 01 00 1D FC"), "smbus");
  EXPECT_TRUE(has(ipmb, DiagKind::Malformed));
}

TEST(Robustness, HeaderVersionTwoIsMalformed) {
  Frame f = decode(*parse_hex("02 00 0A CF 00 91 01 00 1D"), "mctp");
  ASSERT_FALSE(f.diagnostics.empty());
  EXPECT_EQ(f.diagnostics[0].kind, DiagKind::Malformed);
  EXPECT_EQ(f.diagnostics[0].text, "Header version is 2, expected 1");
  EXPECT_EQ(f.diagnostics[0].layer_id, "mctp");
}

TEST(Robustness, ReservedBitsAreReported) {
  Frame f = decode(*parse_hex("01 00 0A CF 00 91 01 80 1D"), "mctp");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].kind, DiagKind::Reserved);
  EXPECT_EQ(f.diagnostics[0].offset, 7u);
}

TEST(Robustness, UnknownMessageTypePrintsHexAndKeepsTheBytes) {
  Frame f = decode(*parse_hex("01 00 0A CF 33 01 02"), "mctp");
  EXPECT_EQ(output::summary(f), "MCTP 0:7 (00 <-- 0A) (S:E:TO) 0x33 / Raw");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].kind, DiagKind::UnknownType);
  EXPECT_EQ(f.diagnostics[0].severity, Severity::Info);
  EXPECT_EQ(f.layers.back().bytes("data"), (Bytes{0x01, 0x02}));
}

TEST(Robustness, TruncatedControlBodyNamesTheField) {
  Frame f = decode(*parse_hex("01 00 0A CF 00 91 01 00"), "mctp");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].kind, DiagKind::Truncated);
  EXPECT_EQ(f.diagnostics[0].text, "data ends in field 'Endpoint ID'");
  EXPECT_EQ(f.diagnostics[0].offset, 8u);
  EXPECT_EQ(output::summary(f),
            "MCTP 0:7 (00 <-- 0A) (S:E:TO) CTRL / CONTROL REQ (instance_id: 17, cmd_code=1) / "
            "SetEndpointIDPacket (eid: 0x00, op: set)");
}

TEST(Robustness, TrailingBytesAfterAMessageAreReportedAndKept) {
  Frame f = decode(*parse_hex("01 00 0A CF 00 91 02 AA BB"), "mctp");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].kind, DiagKind::TrailingData);
  EXPECT_EQ(f.layers.back().def().id, "raw");
}

TEST(Robustness, StrictModeReturnsTheFirstProblem) {
  auto bad = decode_strict(*parse_hex("64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FD"), "smbus");
  ASSERT_TRUE(std::holds_alternative<Diagnostic>(bad));
  EXPECT_EQ(std::get<Diagnostic>(bad).kind, DiagKind::BadChecksum);
  auto good = decode_strict(*parse_hex("64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC"), "smbus");
  EXPECT_TRUE(std::holds_alternative<Frame>(good));
}

TEST(Robustness, RandomBytesOnEveryLink) {
  std::mt19937 rng(1234);
  for (const LinkDef& link : default_registry().links()) {
    for (int i = 0; i < 3000; ++i) {
      Bytes data(rng() % 80);
      for (auto& b : data) b = static_cast<std::uint8_t>(rng());
      Frame f = decode(data, link.name);
      ASSERT_FALSE(f.layers.empty());
      (void)output::summary(f);
      (void)output::json(f);
    }
  }
}

TEST(Robustness, UnknownLinkIsAnErrorWithTheBytesKept) {
  Frame f = decode(Bytes{1, 2}, "nope");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].text, "unknown link 'nope'");
  EXPECT_EQ(f.layers[0].bytes("data"), (Bytes{1, 2}));
}

}  // namespace
}  // namespace mctpkit

namespace mctpkit {
namespace {

TEST(Robustness, FirstPacketOfALongerMessageIsNotTruncated) {
  // SOM without EOM: only the start of the body is here; the rest comes in later packets.
  Frame partial = decode(*parse_hex("01 00 0A 8F 00 91 01 00"), "mctp");
  EXPECT_TRUE(partial.diagnostics.empty());
  EXPECT_EQ(partial.layers.back().def().id, "set_endpoint_id_req");
  // The same bytes as a whole message are truncated.
  Frame whole = decode(*parse_hex("01 00 0A CF 00 91 01 00"), "mctp");
  ASSERT_EQ(whole.diagnostics.size(), 1u);
  EXPECT_EQ(whole.diagnostics[0].kind, DiagKind::Truncated);
}

}  // namespace
}  // namespace mctpkit
