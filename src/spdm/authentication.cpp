// GET_DIGESTS / DIGESTS, GET_CERTIFICATE / CERTIFICATE, CHALLENGE / CHALLENGE_AUTH (protocol
// reference 7.6; layouts single source: libspdm, cross-read with DSP0274).
//
// Digests, hashes and signatures are as long as the negotiated hash and signature algorithms
// make them, which one message does not say: such runs are kept as bytes.

#include "spdm/body.hpp"

namespace mctpkit::spdm::detail {

namespace {

// DIGESTS: Param2 is the slot mask; one digest per set bit follows (1.3 adds per-slot key pair
// IDs, certificate info and key usage masks after them when multi-key is negotiated).
constexpr FieldDef kDigestsRsp[] = {
    bytes("digests").titled("Digests (one per slot in Param2; size from the negotiated hash)"),
};

// GET_CERTIFICATE: Param1 [3:0] is the slot, Param2 bit 0 asks for the slot size only (1.3).
constexpr FieldDef kGetCertificateReq[] = {
    u16le("offset").titled("Offset"),
    u16le("length").titled("Length"),
};
constexpr FieldDef kCertificateRsp[] = {
    u16le("portion_length").length_of("cert_chain").titled("PortionLength"),
    u16le("remainder_length").titled("RemainderLength"),
    bytes("cert_chain").length_from("portion_length").titled("Certificate chain portion"),
};

// CHALLENGE: Param1 is the slot, Param2 the measurement summary hash type. 1.3 adds an 8-byte
// RequesterContext after the nonce.
constexpr FieldDef kChallengeReq10[] = {
    bytes("nonce").fixed(32).titled("Nonce"),
};
constexpr FieldDef kChallengeReq13[] = {
    bytes("nonce").fixed(32).titled("Nonce"),
    bytes("requester_context").fixed(8).titled("RequesterContext"),
};

// CHALLENGE_AUTH: CertChainHash (H), Nonce (32), MeasurementSummaryHash (H, or none when the
// request's Param2 was 0), OpaqueDataLength (2), OpaqueData, RequesterContext (8, 1.3),
// Signature (S). The first field already has the negotiated hash size, so all of it is bytes.
constexpr FieldDef kChallengeAuthRsp[] = {
    bytes("auth_data").titled("Hashes, nonce, opaque data and signature (sizes from the negotiated algorithms)"),
};

constexpr LayerDef kLayers[] = {
    body("spdm_get_digests", "get_digests", "GET_DIGESTS request", "spdm.get_digests", {}, "GET_DIGESTS"),
    body("spdm_digests", "digests", "DIGESTS response", "spdm.digests", kDigestsRsp, "DIGESTS"),
    body("spdm_get_certificate", "get_certificate", "GET_CERTIFICATE request", "spdm.get_certificate",
         kGetCertificateReq, "GET_CERTIFICATE (offset: {offset}, length: {length})"),
    body("spdm_certificate", "certificate", "CERTIFICATE response", "spdm.certificate", kCertificateRsp,
         "CERTIFICATE (portion_length: {portion_length}, remainder_length: {remainder_length})"),
    body("spdm_challenge", "challenge", "CHALLENGE request", "spdm.challenge", kChallengeReq13, "CHALLENGE"),
    body("spdm_challenge_v10", "challenge", "CHALLENGE request (1.0)", "spdm.challenge", kChallengeReq10,
         "CHALLENGE"),
    body("spdm_challenge_auth", "challenge_auth", "CHALLENGE_AUTH response", "spdm.challenge_auth",
         kChallengeAuthRsp, "CHALLENGE_AUTH"),
};

constexpr LayerDef kChallenge11 = for_version(kLayers[5], "spdm_challenge_v11", "CHALLENGE request (1.1)");
constexpr LayerDef kChallenge12 = for_version(kLayers[5], "spdm_challenge_v12", "CHALLENGE request (1.2)");

constexpr Body kBodies[] = {
    {&kLayers[0], kGetDigests},      {&kLayers[1], kDigests},        {&kLayers[2], kGetCertificate},
    {&kLayers[3], kCertificate},     {&kLayers[4], kChallenge, 3, 15}, {&kChallenge12, kChallenge, 2, 2},
    {&kChallenge11, kChallenge, 1, 1}, {&kLayers[5], kChallenge, 0, 0}, {&kLayers[6], kChallengeAuth},
};

}  // namespace

std::span<const Body> authentication_bodies() { return kBodies; }

}  // namespace mctpkit::spdm::detail
