// GET_VERSION / VERSION and GET_CAPABILITIES / CAPABILITIES (protocol reference 7.4, 7.5;
// layouts single source: libspdm, cross-read with DSP0274).
//
// CAPABILITIES grew with the version: the 1.0 request is the header alone, 1.1 adds
// CTExponent and Flags, 1.2 adds DataTransferSize and MaxSPDMmsgSize. A field condition only
// sees its own layer, so the header's version reaches the body through the dispatch key
// (code, version): each layout is its own layer, bound for the versions that use it.

#include "spdm/body.hpp"

namespace mctpkit::spdm::detail {

namespace {

// ---- GET_VERSION / VERSION ---------------------------------------------------------------------
// A version entry is a 16-bit little-endian word: [15:12] major, [11:8] minor, [7:4] update,
// [3:0] alpha. On the wire the low byte (update, alpha) comes first.
constexpr FieldDef kVersionEntry[] = {
    bits("update", 4).titled("Update version"),
    bits("alpha", 4).titled("Alpha"),
    bits("major", 4).titled("Major version"),
    bits("minor", 4).titled("Minor version"),
};
constexpr StructDef kVersionStruct{"version_entry", kVersionEntry, "{major}.{minor}", ", ", "Version entry"};

constexpr FieldDef kVersionRsp[] = {
    u8("reserved").reserved(),
    u8("count").count_of("versions").titled("Version entry count"),
    list("versions", kVersionStruct).length_from("count").titled("Versions"),
};

// ---- GET_CAPABILITIES / CAPABILITIES -----------------------------------------------------------
// Flag bits (reference 7.5). Two-bit fields are named per value, so "MEAS_CAP_SIG" is bit 4.
constexpr EnumEntry kResponderFlags[] = {
    {1u << 0, "CACHE_CAP"},
    {1u << 1, "CERT_CAP"},
    {1u << 2, "CHAL_CAP"},
    {1u << 3, "MEAS_CAP_NO_SIG"},
    {1u << 4, "MEAS_CAP_SIG"},
    {1u << 5, "MEAS_FRESH_CAP"},
    {1u << 6, "ENCRYPT_CAP"},
    {1u << 7, "MAC_CAP"},
    {1u << 8, "MUT_AUTH_CAP"},
    {1u << 9, "KEY_EX_CAP"},
    {1u << 10, "PSK_CAP"},
    {1u << 11, "PSK_CAP_WITH_CONTEXT"},
    {1u << 12, "ENCAP_CAP"},
    {1u << 13, "HBEAT_CAP"},
    {1u << 14, "KEY_UPD_CAP"},
    {1u << 15, "HANDSHAKE_IN_THE_CLEAR_CAP"},
    {1u << 16, "PUB_KEY_ID_CAP"},
    {1u << 17, "CHUNK_CAP"},
    {1u << 18, "ALIAS_CERT_CAP"},
    {1u << 19, "SET_CERT_CAP"},
    {1u << 20, "CSR_CAP"},
    {1u << 21, "CERT_INSTALL_RESET_CAP"},
    {1u << 22, "EP_INFO_CAP_NO_SIG"},
    {1u << 23, "EP_INFO_CAP_SIG"},
    {1u << 24, "MEL_CAP"},
    {1u << 25, "EVENT_CAP"},
    {1u << 26, "MULTI_KEY_CAP_ONLY"},
    {1u << 27, "MULTI_KEY_CAP_NEG"},
    {1u << 28, "GET_KEY_PAIR_INFO_CAP"},
    {1u << 29, "SET_KEY_PAIR_INFO_CAP"},
    {1u << 30, "SET_KEY_PAIR_RESET_CAP"},
    {1u << 31, "LARGE_RESP_CAP"},
};

// The requester's flags: the responder-only bits are left unnamed (they show as hex if set).
constexpr EnumEntry kRequesterFlags[] = {
    {1u << 1, "CERT_CAP"},
    {1u << 2, "CHAL_CAP"},
    {1u << 6, "ENCRYPT_CAP"},
    {1u << 7, "MAC_CAP"},
    {1u << 8, "MUT_AUTH_CAP"},
    {1u << 9, "KEY_EX_CAP"},
    {1u << 10, "PSK_CAP"},
    {1u << 12, "ENCAP_CAP"},
    {1u << 13, "HBEAT_CAP"},
    {1u << 14, "KEY_UPD_CAP"},
    {1u << 15, "HANDSHAKE_IN_THE_CLEAR_CAP"},
    {1u << 16, "PUB_KEY_ID_CAP"},
    {1u << 17, "CHUNK_CAP"},
    {1u << 22, "EP_INFO_CAP_NO_SIG"},
    {1u << 23, "EP_INFO_CAP_SIG"},
    {1u << 25, "EVENT_CAP"},
    {1u << 26, "MULTI_KEY_CAP_ONLY"},
    {1u << 27, "MULTI_KEY_CAP_NEG"},
    {1u << 31, "LARGE_RESP_CAP"},
};

// 1.1 request, and the 1.0/1.1 response (whose layout 1.0 already had).
constexpr FieldDef kCapsReq11[] = {
    u8("reserved").reserved(),
    u8("ct_exponent").titled("CTExponent (crypto timeout 2^n us)"),
    u16le("reserved2").reserved(),
    u32le("flags").flags(kRequesterFlags).titled("Flags"),
};
constexpr FieldDef kCapsRsp10[] = {
    u8("reserved").reserved(),
    u8("ct_exponent").titled("CTExponent (crypto timeout 2^n us)"),
    u16le("reserved2").reserved(),
    u32le("flags").flags(kResponderFlags).titled("Flags"),
};
// 1.2 and later. Bytes 6-7 are reserved up to 1.3 and ExtFlags in 1.4 (reference 7.5), so
// they are shown rather than checked.
constexpr FieldDef kCapsReq12[] = {
    u8("reserved").reserved(),
    u8("ct_exponent").titled("CTExponent (crypto timeout 2^n us)"),
    u16le("ext_flags").hex().titled("Reserved (ExtFlags from 1.4)"),
    u32le("flags").flags(kRequesterFlags).titled("Flags"),
    u32le("data_transfer_size").titled("DataTransferSize"),
    u32le("max_spdm_msg_size").titled("MaxSPDMmsgSize"),
};
constexpr FieldDef kCapsRsp12[] = {
    u8("reserved").reserved(),
    u8("ct_exponent").titled("CTExponent (crypto timeout 2^n us)"),
    u16le("ext_flags").hex().titled("Reserved (ExtFlags from 1.4)"),
    u32le("flags").flags(kResponderFlags).titled("Flags"),
    u32le("data_transfer_size").titled("DataTransferSize"),
    u32le("max_spdm_msg_size").titled("MaxSPDMmsgSize"),
    // 1.3: present when the request's Param1 bit 0 asked for it; its layout is an ALGORITHMS
    // body, which one message does not frame, so it is kept as bytes.
    bytes("supported_algorithms").optional().titled("Supported algorithms (1.3, when requested)"),
};

constexpr LayerDef kLayers[] = {
    body("spdm_get_version", "get_version", "GET_VERSION request", "spdm.get_version", {}, "GET_VERSION"),
    body("spdm_version", "version", "VERSION response", "spdm.version", kVersionRsp, "VERSION (versions: {versions})"),
    body("spdm_get_capabilities_v10", "get_capabilities", "GET_CAPABILITIES request (1.0)", "spdm.get_capabilities",
         {}, "GET_CAPABILITIES"),
    body("spdm_get_capabilities_v11", "get_capabilities", "GET_CAPABILITIES request (1.1)", "spdm.get_capabilities",
         kCapsReq11, "GET_CAPABILITIES (ct_exponent: {ct_exponent}, flags: {flags})"),
    body("spdm_get_capabilities", "get_capabilities", "GET_CAPABILITIES request", "spdm.get_capabilities", kCapsReq12,
         "GET_CAPABILITIES (ct_exponent: {ct_exponent}, flags: {flags}, data_transfer_size: {data_transfer_size}, "
         "max_spdm_msg_size: {max_spdm_msg_size})"),
    body("spdm_capabilities_v10", "capabilities", "CAPABILITIES response (1.0)", "spdm.capabilities", kCapsRsp10,
         "CAPABILITIES (ct_exponent: {ct_exponent}, flags: {flags})"),
    body("spdm_capabilities", "capabilities", "CAPABILITIES response", "spdm.capabilities", kCapsRsp12,
         "CAPABILITIES (ct_exponent: {ct_exponent}, flags: {flags}, data_transfer_size: {data_transfer_size}, "
         "max_spdm_msg_size: {max_spdm_msg_size})"),
};
constexpr LayerDef kCapabilities11 = for_version(kLayers[5], "spdm_capabilities_v11", "CAPABILITIES response (1.1)");

constexpr Body kBodies[] = {
    {&kLayers[0], kGetVersion},
    {&kLayers[1], kVersion},
    {&kLayers[4], kGetCapabilities, 2, 15},
    {&kLayers[3], kGetCapabilities, 1, 1},
    {&kLayers[2], kGetCapabilities, 0, 0},
    {&kLayers[6], kCapabilities, 2, 15},
    {&kCapabilities11, kCapabilities, 1, 1},
    {&kLayers[5], kCapabilities, 0, 0},
};

}  // namespace

std::span<const Body> version_capability_bodies() { return kBodies; }

}  // namespace mctpkit::spdm::detail
