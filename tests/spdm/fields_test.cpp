// Field values of hand-written messages, and the diagnostics of damaged ones.

#include "spdm_test_support.hpp"

namespace mctpkit::spdm::test {
namespace {

constexpr std::string_view kNonce =
    "A0 A1 A2 A3 A4 A5 A6 A7 A8 A9 AA AB AC AD AE AF B0 B1 B2 B3 B4 B5 B6 B7 B8 B9 BA BB BC BD BE BF";

Frame spdm(std::string_view body) { return decode_mctp(hex(std::string(kMctpSpdm) + std::string(body))); }

TEST(SpdmHeader, VersionCodeAndParams) {
  Frame f = spdm("12 82 03 01 00 00 00 04");
  ASSERT_GE(f.layers.size(), 2u);
  const Layer& h = f.layers[1];
  EXPECT_EQ(h.num("version"), 0x12u);
  EXPECT_EQ(h.num("code"), 0x82u);
  EXPECT_EQ(h.num("param1"), 3u);
  EXPECT_EQ(h.num("param2"), 1u);
  EXPECT_EQ(format_value(h.defs()[0], h.value(0)), "1.2");
  EXPECT_EQ(format_value(h.defs()[1], h.value(1)), "GET_CERTIFICATE");
}

TEST(SpdmHeader, ErrorParamsBelongToTheBody) {
  Frame f = spdm("12 7F 42 00 14 E0 01 02");
  ASSERT_EQ(f.layers.size(), 3u);
  EXPECT_FALSE(f.layers[1].has("param1"));
  EXPECT_FALSE(f.layers[1].has("param2"));
  const Layer& e = f.layers[2];
  EXPECT_EQ(e.num("error_code"), 0x42u);
  EXPECT_EQ(e.num("rdt_exponent"), 20u);
  EXPECT_EQ(e.num("request_code"), 0xE0u);
  EXPECT_EQ(e.num("token"), 1u);
  EXPECT_EQ(e.num("rdtm"), 2u);
  EXPECT_FALSE(e.has("extended_data"));
}

TEST(SpdmHeader, UnknownMajorVersionIsReportedNotGuessed) {
  Frame f = spdm("20 84 00 00");
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::UnknownType});
  EXPECT_EQ(spdm_summary(f), "SPDM 2.0 GET_VERSION");
}

TEST(SpdmHeader, LaterMinorVersionUsesTheNewestLayout) {
  Frame f = spdm("15 E1 00 00 00 0C 00 00 02 00 00 00 00 10 00 00 00 10 00 00");
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  ASSERT_EQ(f.layers.size(), 3u);
  EXPECT_EQ(f.layers[2].def().id, "spdm_get_capabilities");
  EXPECT_EQ(f.layers[2].num("max_spdm_msg_size"), 4096u);
}

TEST(SpdmHeader, UnknownCodeLeavesRawBody) {
  Frame f = spdm("12 99 00 00 AA BB");
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::UnknownType});
  ASSERT_EQ(f.layers.size(), 3u);
  EXPECT_TRUE(f.layers[2].is(kRawLayer));
  EXPECT_EQ(spdm_summary(f).substr(0, 14), "SPDM 1.2 0x99 ");
}

TEST(SpdmHeader, BytesAfterAHeaderOnlyMessageAreTrailingData) {
  Frame f = spdm("10 84 00 00 AA");
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::TrailingData});
}

TEST(SpdmVersion, EntriesAreLittleEndianWords) {
  // 1.2.3 alpha 1 is the word 0x1231: bytes 31 12.
  Frame f = spdm("10 04 00 00 00 01 31 12");
  ASSERT_EQ(f.layers.size(), 3u);
  const auto& items = f.layers[2].items("versions");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].num("major"), 1u);
  EXPECT_EQ(items[0].num("minor"), 2u);
  EXPECT_EQ(items[0].num("update"), 3u);
  EXPECT_EQ(items[0].num("alpha"), 1u);
}

TEST(SpdmVersion, NonZeroReservedByteIsReported) {
  Frame f = spdm("10 04 00 00 01 01 00 12");
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Reserved});
}

TEST(SpdmVersion, CountBeyondTheDataIsTruncated) {
  Frame f = spdm("10 04 00 00 00 03 00 11 00 12");
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Truncated});
}

TEST(SpdmCapabilities, FieldsOfTheNewestLayout) {
  Frame f = spdm("12 61 00 00 00 0C 00 00 F6 72 02 00 00 12 00 00 00 40 00 00");
  ASSERT_EQ(f.layers.size(), 3u);
  const Layer& c = f.layers[2];
  EXPECT_EQ(c.num("ct_exponent"), 12u);
  EXPECT_EQ(c.num("flags"), 0x272F6u);  // bit 17 CHUNK_CAP as well
  EXPECT_EQ(c.num("data_transfer_size"), 0x1200u);
  EXPECT_EQ(c.num("max_spdm_msg_size"), 0x4000u);
  EXPECT_FALSE(c.has("supported_algorithms"));
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
}

TEST(SpdmCapabilities, UnnamedFlagBitsShowAsHex) {
  // Bit 0 (CACHE_CAP) means nothing in a request.
  Frame f = spdm("11 E1 00 00 00 00 00 00 03 00 00 00");
  EXPECT_EQ(spdm_summary(f), "SPDM 1.1 GET_CAPABILITIES / GET_CAPABILITIES (ct_exponent: 0, flags: CERT_CAP|0x1)");
}

TEST(SpdmCapabilities, A10ResponseHasNoSizes) {
  Frame f = spdm("10 61 00 00 00 0A 00 00 37 00 00 00 00 12 00 00");
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::TrailingData});
}

TEST(SpdmAlgorithms, StructureTables) {
  Frame f = spdm(
      "12 63 02 00 34 00 01 00 04 00 00 00 80 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
      "00 01 00 00 00 00 01 00 02 21 10 00 04 00 00 01 03 20 02 00");
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  ASSERT_EQ(f.layers.size(), 3u);
  const Layer& a = f.layers[2];
  EXPECT_EQ(a.num("num_alg_structs"), 2u);
  EXPECT_EQ(a.num("length"), 0x34u);
  EXPECT_EQ(a.items("ext_hash_sel").size(), 1u);
  EXPECT_EQ(a.items("ext_hash_sel")[0].num("algorithm_id"), 1u);
  const auto& s = a.items("alg_structs");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].num("alg_type"), 2u);
  EXPECT_EQ(s[0].num("fixed_alg_bytes"), 2u);
  EXPECT_EQ(s[0].num("ext_alg_count"), 1u);
  EXPECT_EQ(to_hex(s[0].bytes("supported")), "10 00");
  EXPECT_EQ(to_hex(s[0].bytes("external")), "04 00 00 01");
  EXPECT_EQ(s[1].num("alg_type"), 3u);
  EXPECT_EQ(spdm_summary(f),
            "SPDM 1.2 ALGORITHMS / ALGORITHMS (measurement_specification: DMTF, measurement_hash_algo: SHA_384, "
            "base_asym_algo: ECDSA_P384, base_hash_algo: SHA_384, DHE: SECP_384_R1 +1 external, AEAD: "
            "AES_256_GCM, extended: 1)");
}

TEST(SpdmAlgorithms, MissingStructureTableIsTruncated) {
  // Param1 announces 2 tables, 1 is there.
  Frame f = spdm(
      "12 E3 02 00 24 00 01 00 80 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
      "00 00 00 00 02 20 10 00");
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Truncated});
}

TEST(SpdmCertificate, PortionIsFramedByItsLength) {
  Frame f = spdm("12 02 00 00 04 00 FC 03 30 82 01 0A");
  ASSERT_EQ(f.layers.size(), 3u);
  EXPECT_EQ(f.layers[2].num("portion_length"), 4u);
  EXPECT_EQ(f.layers[2].num("remainder_length"), 1020u);
  EXPECT_EQ(to_hex(f.layers[2].bytes("cert_chain")), "30 82 01 0A");
  Frame longer = spdm("12 02 00 00 02 00 00 00 30 82 01 0A");
  EXPECT_EQ(kinds(longer), std::vector<DiagKind>{DiagKind::TrailingData});
}

TEST(SpdmMeasurements, RequestWithoutSignatureHasNoNonce) {
  Frame f = spdm("12 E0 00 FF");
  ASSERT_EQ(f.layers.size(), 3u);
  EXPECT_FALSE(f.layers[2].has("nonce"));
  EXPECT_FALSE(f.layers[2].has("slot_id"));
  Frame with_nonce = spdm(std::string("12 E0 01 FF ") + std::string(kNonce) + " 03");
  ASSERT_EQ(with_nonce.layers.size(), 3u);
  EXPECT_EQ(with_nonce.layers[2].bytes("nonce").size(), 32u);
  EXPECT_EQ(with_nonce.layers[2].num("slot_id"), 3u);
}

TEST(SpdmMeasurements, SignedRequestWithoutNonceIsTruncated) {
  EXPECT_EQ(kinds(spdm("12 E0 01 FF")), std::vector<DiagKind>{DiagKind::Truncated});
}

TEST(SpdmMeasurements, BlocksAndDmtfValues) {
  Frame f = spdm(std::string("13 60 02 00 02 11 00 00 01 01 07 00 00 04 00 11 22 33 44 02 02 02 00 AB CD ") +
                 std::string(kNonce) + " 02 00 EE FF C0 C1 C2 C3 C4 C5 C6 C7 51 52 53 54");
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  ASSERT_EQ(f.layers.size(), 3u);
  const Layer& m = f.layers[2];
  EXPECT_EQ(m.num("record_length"), 17u);
  const auto& blocks = m.items("blocks");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].num("index"), 1u);
  EXPECT_EQ(blocks[0].num("measurement_size"), 7u);
  EXPECT_EQ(blocks[0].num("value_type"), 0u);
  EXPECT_EQ(blocks[0].num("raw_bit_stream"), 0u);
  EXPECT_EQ(blocks[0].num("value_size"), 4u);
  EXPECT_EQ(to_hex(blocks[0].bytes("value")), "11 22 33 44");
  EXPECT_FALSE(blocks[1].has("value_type"));
  EXPECT_EQ(to_hex(blocks[1].bytes("measurement")), "AB CD");
  EXPECT_EQ(to_hex(m.bytes("opaque_data")), "EE FF");
  EXPECT_EQ(to_hex(m.bytes("requester_context")), "C0 C1 C2 C3 C4 C5 C6 C7");
  EXPECT_EQ(to_hex(m.bytes("signature")), "51 52 53 54");
}

TEST(SpdmMeasurements, BlockLongerThanTheMessageIsTruncated) {
  Frame f = spdm("12 60 00 00 01 0B 00 00 01 01 40 00 81 3D 00 DE AD");
  EXPECT_TRUE(has_kind(f, DiagKind::Truncated)) << describe_all(f);
}

TEST(SpdmSession, KeyExchangeFixedPart) {
  Frame f = spdm(std::string("12 E4 FF 00 FE FF 01 00 ") + std::string(kNonce) + " 01 02 03");
  ASSERT_EQ(f.layers.size(), 3u);
  EXPECT_EQ(f.layers[1].num("param1"), 0xFFu);
  EXPECT_EQ(f.layers[2].num("req_session_id"), 0xFFFEu);
  EXPECT_EQ(f.layers[2].num("session_policy"), 1u);
  EXPECT_EQ(to_hex(f.layers[2].bytes("exchange_data")), "01 02 03");
}

TEST(SpdmSecured, HeaderFields) {
  Frame f = decode_mctp(hex(std::string(kMctpSecured) + "01 00 FF FF 05 00 03 00 AA BB CC"));
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  ASSERT_EQ(f.layers.size(), 2u);
  const Layer& s = f.layers[1];
  EXPECT_EQ(s.num("session_id"), 0xFFFF0001u);
  EXPECT_EQ(s.num("seq_num"), 5u);
  EXPECT_EQ(s.num("length"), 3u);
  EXPECT_EQ(to_hex(s.bytes("encrypted")), "AA BB CC");
}

TEST(SpdmSecured, LengthBeyondTheDataIsTruncatedAndShortLengthLeavesTrailingData) {
  EXPECT_EQ(kinds(decode_mctp(hex(std::string(kMctpSecured) + "01 00 FF FF 00 00 04 00 AA BB CC"))),
            std::vector<DiagKind>{DiagKind::Truncated});
  EXPECT_EQ(kinds(decode_mctp(hex(std::string(kMctpSecured) + "01 00 FF FF 00 00 02 00 AA BB CC"))),
            std::vector<DiagKind>{DiagKind::TrailingData});
}

TEST(SpdmEncapsulated, CarriedMessageIsDecodedAsSpdm) {
  Frame f = spdm("12 EB 01 00 12 04 00 00 00 01 00 12");
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  EXPECT_EQ(spdm_summary(f),
            "SPDM 1.2 DELIVER_ENCAPSULATED_RESPONSE / DELIVER_ENCAPSULATED_RESPONSE / SPDM 1.2 VERSION / "
            "VERSION (versions: 1.2)");
}

TEST(SpdmRegistry, EveryCodeHasABodyForEvery1xVersion) {
  for (const EnumEntry& e : kCodeNames) {
    for (std::uint64_t v = 0x10; v <= 0x1F; ++v) {
      EXPECT_NE(registry().lookup(kCodeTable, Key{e.value, v}), nullptr) << e.name << " " << v;
    }
    EXPECT_EQ(registry().lookup(kCodeTable, Key{e.value, 0x20}), nullptr) << e.name;
  }
  EXPECT_EQ(kCodeNames.size(), 60u);
}

}  // namespace
}  // namespace mctpkit::spdm::test
