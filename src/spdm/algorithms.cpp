// NEGOTIATE_ALGORITHMS / ALGORITHMS (protocol reference 7.6; layouts single source: libspdm,
// cross-read with DSP0274). Param1 counts the algorithm structure tables, so these bodies own
// their params (see params_in_body): the table list is then counted exactly.

#include <fmt/format.h>

#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/format.hpp"
#include "spdm/body.hpp"

namespace mctpkit::spdm::detail {

namespace {

constexpr EnumEntry kMeasurementSpecs[] = {{0x01, "DMTF"}};
// OtherParamsSupport/Selection [3:0]: opaque data formats (1.2).
constexpr EnumEntry kOtherParams[] = {{0x01, "OPAQUE_DATA_FMT0"}, {0x02, "OPAQUE_DATA_FMT1"}};

constexpr EnumEntry kAsymAlgos[] = {
    {1u << 0, "RSASSA_2048"},    {1u << 1, "RSAPSS_2048"},      {1u << 2, "RSASSA_3072"},
    {1u << 3, "RSAPSS_3072"},    {1u << 4, "ECDSA_P256"},       {1u << 5, "RSASSA_4096"},
    {1u << 6, "RSAPSS_4096"},    {1u << 7, "ECDSA_P384"},       {1u << 8, "ECDSA_P521"},
    {1u << 9, "SM2_P256"},       {1u << 10, "EDDSA_ED25519"},   {1u << 11, "EDDSA_ED448"},
};
constexpr EnumEntry kHashAlgos[] = {
    {1u << 0, "SHA_256"},  {1u << 1, "SHA_384"},  {1u << 2, "SHA_512"}, {1u << 3, "SHA3_256"},
    {1u << 4, "SHA3_384"}, {1u << 5, "SHA3_512"}, {1u << 6, "SM3_256"},
};
// ALGORITHMS' MeasurementHashAlgo: bit 0 is "raw bit stream only", the hashes start at bit 1.
constexpr EnumEntry kMeasurementHashAlgos[] = {
    {1u << 0, "RAW_BIT_STREAM_ONLY"}, {1u << 1, "SHA_256"},  {1u << 2, "SHA_384"},
    {1u << 3, "SHA_512"},             {1u << 4, "SHA3_256"}, {1u << 5, "SHA3_384"},
    {1u << 6, "SHA3_512"},            {1u << 7, "SM3_256"},
};
constexpr EnumEntry kDheGroups[] = {
    {1u << 0, "FFDHE_2048"},  {1u << 1, "FFDHE_3072"},  {1u << 2, "FFDHE_4096"}, {1u << 3, "SECP_256_R1"},
    {1u << 4, "SECP_384_R1"}, {1u << 5, "SECP_521_R1"}, {1u << 6, "SM2_P256"},
};
constexpr EnumEntry kAeadSuites[] = {
    {1u << 0, "AES_128_GCM"}, {1u << 1, "AES_256_GCM"}, {1u << 2, "CHACHA20_POLY1305"}, {1u << 3, "SM4_GCM"}};
constexpr EnumEntry kKeySchedules[] = {{1u << 0, "SPDM"}};

constexpr EnumEntry kAlgTypes[] = {{2, "DHE"}, {3, "AEAD"}, {4, "REQ_BASE_ASYM_ALG"}, {5, "KEY_SCHEDULE"}};

// Registry of an extended algorithm (DSP0274 "registry or standards body ID").
constexpr EnumEntry kRegistries[] = {
    {0x0, "DMTF"}, {0x1, "TCG"},  {0x2, "USB"},  {0x3, "PCISIG"}, {0x4, "IANA"},     {0x5, "HDBASET"},
    {0x6, "MIPI"}, {0x7, "CXL"},  {0x8, "JEDEC"}, {0x9, "VESA"},  {0xA, "IANA_CBOR"},
};

constexpr FieldDef kExtAlg[] = {
    u8("registry_id").names(kRegistries).titled("Registry ID"),
    u8("reserved").reserved(),
    u16le("algorithm_id").hex().titled("Algorithm ID"),
};
constexpr StructDef kExtAlgStruct{"ext_alg", kExtAlg, "{registry_id}:{algorithm_id}", ", ", "Extended algorithm"};

std::size_t external_length(const Fields& f, std::size_t) { return 4 * f.num("ext_alg_count"); }
std::uint64_t external_count(const DeriveContext& c) { return c.fields.bytes("external").size() / 4; }

// An algorithm structure table: AlgType, AlgCount ([7:4] bytes of AlgSupported, [3:0] count of
// 4-byte external algorithms), AlgSupported, AlgExternal.
constexpr FieldDef kAlgStruct[] = {
    u8("alg_type").names(kAlgTypes).titled("AlgType"),
    bits("fixed_alg_bytes", 4).length_of("supported").titled("AlgCount: bytes of AlgSupported"),
    bits("ext_alg_count", 4).derived(external_count).titled("AlgCount: external algorithms"),
    bytes("supported").length_from("fixed_alg_bytes").titled("AlgSupported"),
    bytes("external").length_by(external_length).titled("AlgExternal"),
};
constexpr StructDef kAlgStructStruct{"alg_struct", kAlgStruct, "{alg_type}: {supported}", ", ",
                                     "Algorithm structure table"};

// The Length field counts the whole message, header included: the fixed part (28 bytes after
// the params in the request, 32 in the response, which adds MeasurementHashAlgo), the extended
// algorithms and the structure tables.
std::uint64_t message_length(const Fields& f, std::size_t fixed, std::string_view asym, std::string_view hash) {
  std::uint64_t n = 4 + fixed + 4 * (f.items(asym).size() + f.items(hash).size());
  for (const Fields& s : f.items("alg_structs")) n += 2 + s.bytes("supported").size() + s.bytes("external").size();
  return n;
}
std::uint64_t request_length(const DeriveContext& c) { return message_length(c.fields, 28, "ext_asym", "ext_hash"); }
std::uint64_t response_length(const DeriveContext& c) {
  return message_length(c.fields, 32, "ext_asym_sel", "ext_hash_sel");
}

// In 1.4 the first 4 of the 12 reserved bytes are PQCAsymAlgo (reference 7.6, single source);
// they are kept as bytes for every version.
constexpr FieldDef kNegotiateReq[] = {
    u8("num_alg_structs").count_of("alg_structs").also("param1").titled("Param1: algorithm structure tables"),
    u8("param2").reserved(),
    u16le("length").derived(request_length).titled("Length of the message"),
    u8("measurement_specification").flags(kMeasurementSpecs).titled("MeasurementSpecification"),
    u8("other_params_support").flags(kOtherParams).titled("OtherParamsSupport"),
    u32le("base_asym_algo").flags(kAsymAlgos).titled("BaseAsymAlgo"),
    u32le("base_hash_algo").flags(kHashAlgos).titled("BaseHashAlgo"),
    bytes("reserved_bytes").fixed(12).titled("Reserved (PQCAsymAlgo in 1.4)"),
    u8("ext_asym_count").count_of("ext_asym").titled("ExtAsymCount"),
    u8("ext_hash_count").count_of("ext_hash").titled("ExtHashCount"),
    u8("reserved").reserved(),
    u8("mel_specification").flags(kMeasurementSpecs).titled("MELspecification (1.3)"),
    list("ext_asym", kExtAlgStruct).length_from("ext_asym_count").titled("ExtAsym"),
    list("ext_hash", kExtAlgStruct).length_from("ext_hash_count").titled("ExtHash"),
    list("alg_structs", kAlgStructStruct).length_from("num_alg_structs").titled("Algorithm structure tables"),
};

constexpr FieldDef kAlgorithmsRsp[] = {
    u8("num_alg_structs").count_of("alg_structs").also("param1").titled("Param1: algorithm structure tables"),
    u8("param2").reserved(),
    u16le("length").derived(response_length).titled("Length of the message"),
    u8("measurement_specification_sel").flags(kMeasurementSpecs).titled("MeasurementSpecificationSel"),
    u8("other_params_selection").flags(kOtherParams).titled("OtherParamsSelection"),
    u32le("measurement_hash_algo").flags(kMeasurementHashAlgos).titled("MeasurementHashAlgo"),
    u32le("base_asym_sel").flags(kAsymAlgos).titled("BaseAsymSel"),
    u32le("base_hash_sel").flags(kHashAlgos).titled("BaseHashSel"),
    bytes("reserved_bytes").fixed(12).titled("Reserved (PQCAsymSel in 1.4)"),
    u8("ext_asym_sel_count").count_of("ext_asym_sel").titled("ExtAsymSelCount"),
    u8("ext_hash_sel_count").count_of("ext_hash_sel").titled("ExtHashSelCount"),
    u8("reserved").reserved(),
    u8("mel_specification_sel").flags(kMeasurementSpecs).titled("MELspecificationSel (1.3)"),
    list("ext_asym_sel", kExtAlgStruct).length_from("ext_asym_sel_count").titled("ExtAsymSel"),
    list("ext_hash_sel", kExtAlgStruct).length_from("ext_hash_sel_count").titled("ExtHashSel"),
    list("alg_structs", kAlgStructStruct).length_from("num_alg_structs").titled("Algorithm structure tables"),
};

void field(const Fields& f, std::string_view name, std::string_view label, std::string& out) {
  std::size_t i = f.index_of(name);
  if (i == Fields::npos || f.value(i).state == FieldValue::State::Absent) return;
  if (out.back() != '(') out += ", ";
  fmt::format_to(std::back_inserter(out), "{}: {}", label, format_value(f.defs()[i], f.value(i)));
}

// A structure table's AlgSupported is a little-endian bit mask whose names depend on AlgType.
void alg_struct(const Fields& s, std::string& out) {
  std::span<const EnumEntry> names;
  switch (s.num("alg_type")) {
    case 2: names = kDheGroups; break;
    case 3: names = kAeadSuites; break;
    case 4: names = kAsymAlgos; break;
    case 5: names = kKeySchedules; break;
    default: break;
  }
  const Bytes& b = s.bytes("supported");
  std::string text;
  if (!names.empty() && !b.empty() && b.size() <= 8) {
    std::uint64_t mask = 0;
    for (std::size_t k = 0; k < b.size(); ++k) mask |= std::uint64_t{b[k]} << (8 * k);
    text = format_value(u64le("supported").flags(names), FieldValue{FieldValue::State::Set, mask, {}, {}});
  } else {
    text = format_value(bytes("supported"), FieldValue{FieldValue::State::Set, 0, b, {}});
  }
  std::size_t type = s.index_of("alg_type");
  if (out.back() != '(') out += ", ";
  fmt::format_to(std::back_inserter(out), "{}: {}", format_value(s.defs()[type], s.value(type)), text);
  if (std::uint64_t ext = s.num("ext_alg_count")) fmt::format_to(std::back_inserter(out), " +{} external", ext);
}

void summarize(const Layer& l, std::string& out, std::string_view title, std::span<const std::string_view> names) {
  out += title;
  out += " (";
  for (std::size_t k = 0; k + 1 < names.size(); k += 2) field(l, names[k], names[k + 1], out);
  for (const Fields& s : l.items("alg_structs")) alg_struct(s, out);
  std::size_t ext = 0;
  for (const FieldDef& d : l.defs()) {
    if (d.kind == FieldKind::List && d.name != "alg_structs") ext += l.items(d.name).size();
  }
  if (ext != 0) fmt::format_to(std::back_inserter(out), ", extended: {}", ext);
  out += ")";
}

constexpr std::string_view kRequestFields[] = {"measurement_specification", "measurement_specification",
                                               "base_asym_algo", "base_asym_algo",
                                               "base_hash_algo", "base_hash_algo"};
constexpr std::string_view kResponseFields[] = {"measurement_specification_sel", "measurement_specification",
                                                "measurement_hash_algo", "measurement_hash_algo",
                                                "base_asym_sel", "base_asym_algo",
                                                "base_hash_sel", "base_hash_algo"};

constexpr LayerDef kLayers[] = {
    body("spdm_negotiate_algorithms", "negotiate_algorithms", "NEGOTIATE_ALGORITHMS request",
         "spdm.negotiate_algorithms", kNegotiateReq, {},
         [](const Layer& l, std::string& out) { summarize(l, out, "NEGOTIATE_ALGORITHMS", kRequestFields); }),
    body("spdm_algorithms", "algorithms", "ALGORITHMS response", "spdm.algorithms", kAlgorithmsRsp, {},
         [](const Layer& l, std::string& out) { summarize(l, out, "ALGORITHMS", kResponseFields); }),
};

constexpr Body kBodies[] = {
    {&kLayers[0], kNegotiateAlgorithms},
    {&kLayers[1], kAlgorithms},
};

}  // namespace

std::span<const Body> algorithm_bodies() { return kBodies; }

}  // namespace mctpkit::spdm::detail
