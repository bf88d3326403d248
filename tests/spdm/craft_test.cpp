// Crafting with the Layer API: exact bytes, derived lengths and counts, keys filled from the
// binding of the layer above.

#include "spdm_test_support.hpp"

namespace mctpkit::spdm::test {
namespace {

Layer mctp_layer() { return Layer(mctp::kTransport, {{"dst", 9}, {"src", 8}, {"to", 1}}); }

std::string built(const Frame& f) { return to_hex(f.build(registry())); }

const StructDef& element_of(const LayerDef& def, std::string_view list) {
  for (const FieldDef& f : def.fields) {
    if (f.name == list) return *f.element;
  }
  ADD_FAILURE() << "no list " << list;
  static const StructDef none{};
  return none;
}

TEST(SpdmCraft, GetCapabilities12) {
  Frame f = mctp_layer() / Layer(kHeader, {{"version", 0x12}, {"code", "get_capabilities"}}) /
            Layer(layer_def("spdm_get_capabilities"), {{"ct_exponent", 12},
                                                       {"flags", "cert_cap|chal_cap|encrypt_cap|mac_cap|key_ex_cap"},
                                                       {"data_transfer_size", 4608},
                                                       {"max_spdm_msg_size", 4608}});
  EXPECT_EQ(built(f), "01 09 08 C8 05 12 E1 00 00 00 0C 00 00 C6 02 00 00 00 12 00 00 00 12 00 00");
}

TEST(SpdmCraft, UnsetVersionAndCodeComeFromTheBodyBinding) {
  Frame caps = mctp_layer() / Layer(kHeader) / Layer(layer_def("spdm_get_capabilities_v11"), {{"ct_exponent", 1}});
  EXPECT_EQ(built(caps), "01 09 08 C8 05 11 E1 00 00 00 01 00 00 00 00 00 00");
  Frame newest = mctp_layer() / Layer(kHeader) / Layer(layer_def("spdm_get_capabilities"));
  EXPECT_EQ(built(newest).substr(15, 5), "12 E1");
  Frame version = mctp_layer() / Layer(kHeader, {{"version", "1.0"}}) / Layer(layer_def("spdm_get_version"));
  EXPECT_EQ(built(version), "01 09 08 C8 05 10 84 00 00");
}

// SPDM has no request bit: left unset, TO follows the code (requests are 0x80 to 0xFF).
TEST(SpdmCraft, TagOwnerLeftUnsetFollowsTheCode) {
  const Layer transport(mctp::kTransport, {{"dst", 9}, {"src", 8}});
  Frame request = transport / Layer(kHeader, {{"version", "1.0"}}) / Layer(layer_def("spdm_get_version"));
  EXPECT_EQ(built(request), "01 09 08 C8 05 10 84 00 00");
  Frame response = transport / Layer(kHeader, {{"version", "1.0"}}) / Layer(layer_def("spdm_version"));
  EXPECT_EQ(built(response), "01 09 08 C0 05 10 04 00 00 00 00");
  request.layers[0].set("to", 0);  // a value given is kept
  EXPECT_EQ(built(request), "01 09 08 C0 05 10 84 00 00");
}

TEST(SpdmCraft, VersionListCountIsDerived) {
  const LayerDef& def = layer_def("spdm_version");
  const StructDef& entry = element_of(def, "versions");
  std::vector<Fields> versions{Fields(entry, {{"major", 1}, {"minor", 1}}), Fields(entry, {{"major", 1}, {"minor", 2}})};
  Frame f = mctp_layer() / Layer(kHeader) / Layer(def, {{"versions", versions}});
  EXPECT_EQ(built(f), "01 09 08 C8 05 10 04 00 00 00 02 00 11 00 12");
}

TEST(SpdmCraft, NegotiateAlgorithmsDerivesLengthAndCounts) {
  const LayerDef& def = layer_def("spdm_negotiate_algorithms");
  const StructDef& table = element_of(def, "alg_structs");
  std::vector<Fields> tables{
      Fields(table, {{"alg_type", "DHE"}, {"supported", Bytes{0x10, 0x00}}}),
      Fields(table, {{"alg_type", "AEAD"}, {"supported", Bytes{0x02, 0x00}}}),
      Fields(table, {{"alg_type", "REQ_BASE_ASYM_ALG"}, {"supported", Bytes{0x80, 0x00}}}),
      Fields(table, {{"alg_type", "KEY_SCHEDULE"}, {"supported", Bytes{0x01, 0x00}}}),
  };
  Frame f = mctp_layer() / Layer(kHeader, {{"version", 0x12}}) /
            Layer(def, {{"measurement_specification", "DMTF"},
                        {"other_params_support", "opaque_data_fmt1"},
                        {"base_asym_algo", "ECDSA_P384"},
                        {"base_hash_algo", "SHA_384"},
                        {"alg_structs", tables}});
  EXPECT_EQ(built(f),
            "01 09 08 C8 05 12 E3 04 00 30 00 01 02 80 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
            "00 00 00 00 02 20 10 00 03 20 02 00 04 20 80 00 05 20 01 00");
}

TEST(SpdmCraft, AlgorithmTableWithExternalAlgorithms) {
  const LayerDef& def = layer_def("spdm_algorithms");
  const StructDef& table = element_of(def, "alg_structs");
  std::vector<Fields> tables{
      Fields(table, {{"alg_type", "DHE"}, {"supported", Bytes{0x10, 0x00}}, {"external", Bytes{4, 0, 0, 1}}})};
  Frame f = mctp_layer() / Layer(kHeader, {{"version", 0x12}}) / Layer(def, {{"alg_structs", tables}});
  Bytes b = f.build(registry());
  // Length: 36 fixed + one table of 2 + 2 + 4 bytes.
  EXPECT_EQ(to_hex(ByteView(b).subspan(5, 6)), "12 63 01 00 2C 00");
  EXPECT_EQ(to_hex(ByteView(b).subspan(b.size() - 8)), "02 21 10 00 04 00 00 01");
}

TEST(SpdmCraft, MeasurementsDeriveSizes) {
  const LayerDef& def = layer_def("spdm_measurements_v12");
  const StructDef& block = element_of(def, "blocks");
  std::vector<Fields> blocks{Fields(block, {{"index", 1},
                                            {"measurement_specification", "DMTF"},
                                            {"raw_bit_stream", 1},
                                            {"value_type", "MUTABLE_FIRMWARE"},
                                            {"value", Bytes{0xDE, 0xAD, 0xBE, 0xEF}}})};
  Bytes nonce(32, 0x11);
  Frame f = mctp_layer() / Layer(kHeader, {{"version", 0x12}}) / Layer(def, {{"blocks", blocks}, {"nonce", nonce}});
  EXPECT_EQ(built(f),
            "01 09 08 C8 05 12 60 00 00 01 0B 00 00 01 01 07 00 81 04 00 DE AD BE EF " + to_hex(nonce) + " 00 00");
}

TEST(SpdmCraft, ErrorResponseNotReady) {
  Frame f = mctp_layer() / Layer(kHeader, {{"version", 0x12}}) /
            Layer(layer_def("spdm_error"), {{"error_code", "ResponseNotReady"},
                                            {"rdt_exponent", 20},
                                            {"request_code", "get_measurements"},
                                            {"token", 1},
                                            {"rdtm", 2}});
  EXPECT_EQ(built(f), "01 09 08 C8 05 12 7F 42 00 14 E0 01 02");
}

TEST(SpdmCraft, GetMeasurementsParamsAreTheBodys) {
  Frame f = mctp_layer() / Layer(kHeader, {{"version", 0x13}}) /
            Layer(layer_def("spdm_get_measurements"),
                  {{"param1", 0}, {"operation", "ALL"}, {"requester_context", Bytes(8, 0xC0)}});
  EXPECT_EQ(built(f), "01 09 08 C8 05 13 E0 00 FF C0 C0 C0 C0 C0 C0 C0 C0");
}

TEST(SpdmCraft, SecuredMessageLengthIsDerived) {
  Frame f = mctp_layer() / Layer(kSecuredMessage, {{"session_id", 0xFFFF0001u}, {"seq_num", 2},
                                                   {"encrypted", Bytes{0xAA, 0xBB, 0xCC}}});
  EXPECT_EQ(built(f), "01 09 08 C8 06 01 00 FF FF 02 00 03 00 AA BB CC");
}

TEST(SpdmCraft, EveryCodeHasACraftName) {
  for (const EnumEntry& e : kCodeNames) {
    std::string lower(e.name);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_FALSE(registry().layers_named(lower).empty()) << lower;
  }
}

TEST(SpdmCraft, CraftedFramesDecodeBack) {
  Frame f = mctp_layer() / Layer(kHeader, {{"version", 0x11}}) /
            Layer(layer_def("spdm_capabilities_v11"), {{"ct_exponent", 7}, {"flags", "CERT_CAP|KEY_EX_CAP"}});
  Frame back = decode_mctp(f.build(registry()));
  EXPECT_TRUE(back.diagnostics.empty()) << describe_all(back);
  EXPECT_EQ(spdm_summary(back), "SPDM 1.1 CAPABILITIES / CAPABILITIES (ct_exponent: 7, flags: CERT_CAP|KEY_EX_CAP)");
}

}  // namespace
}  // namespace mctpkit::spdm::test
