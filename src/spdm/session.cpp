// KEY_EXCHANGE / KEY_EXCHANGE_RSP, FINISH / FINISH_RSP, END_SESSION / END_SESSION_ACK (SPDM 1.1
// on; protocol reference 7.2; layouts single source: libspdm, cross-read with DSP0274).
//
// Exchange data, hashes, signatures and verify data are as long as the negotiated DHE group,
// hash and signature algorithms make them, which one message does not say: from the first such
// field on, the rest of the message is kept as bytes.

#include "spdm/body.hpp"

namespace mctpkit::spdm::detail {

namespace {

// KEY_EXCHANGE: Param1 is the measurement summary hash type, Param2 the slot.
constexpr EnumEntry kSessionPolicy[] = {{0x01, "TERMINATION_POLICY_RUNTIME_UPDATE"}};
constexpr FieldDef kKeyExchangeReqFields[] = {
    u16le("req_session_id").hex().titled("ReqSessionID"),
    u8("session_policy").flags(kSessionPolicy).titled("SessionPolicy (1.2; reserved in 1.1)"),
    u8("reserved").reserved(),
    bytes("random_data").fixed(32).titled("RandomData"),
    // ExchangeData (D bytes for the DHE group), OpaqueDataLength (2), OpaqueData.
    bytes("exchange_data").titled("ExchangeData and opaque data (size from the negotiated DHE group)"),
};

// KEY_EXCHANGE_RSP: Param1 is the heartbeat period.
constexpr EnumEntry kMutAuth[] = {
    {0x01, "MUT_AUTH_REQUESTED"}, {0x02, "WITH_ENCAP_REQUEST"}, {0x04, "WITH_GET_DIGESTS"}};
constexpr FieldDef kKeyExchangeRspFields[] = {
    u16le("rsp_session_id").hex().titled("RspSessionID"),
    u8("mut_auth_requested").flags(kMutAuth).titled("MutAuthRequested"),
    u8("req_slot_id_param").hex().titled("ReqSlotIDParam"),
    bytes("random_data").fixed(32).titled("RandomData"),
    // ExchangeData (D), MeasurementSummaryHash (H or none), OpaqueDataLength (2), OpaqueData,
    // Signature (S), ResponderVerifyData (H, unless the handshake is in the clear).
    bytes("exchange_data").titled("ExchangeData, hash, opaque data, signature, verify data (negotiated sizes)"),
};

// FINISH: Param1 bit 0 says a signature is included, Param2 is the requester's slot.
constexpr FieldDef kFinishReqFields[] = {
    bytes("verify_data").titled("Signature (when Param1 bit 0) and RequesterVerifyData (negotiated sizes)"),
};
constexpr FieldDef kFinishRspFields[] = {
    bytes("verify_data").titled("ResponderVerifyData (when the handshake is in the clear; negotiated hash size)"),
};

// END_SESSION: Param1 bit 0 asks to keep the negotiated state; no body.
constexpr LayerDef kLayers[] = {
    body("spdm_key_exchange", "key_exchange", "KEY_EXCHANGE request", "spdm.key_exchange", kKeyExchangeReqFields,
         "KEY_EXCHANGE"),
    body("spdm_key_exchange_rsp", "key_exchange_rsp", "KEY_EXCHANGE_RSP response", "spdm.key_exchange_rsp",
         kKeyExchangeRspFields, "KEY_EXCHANGE_RSP"),
    body("spdm_finish", "finish", "FINISH request", "spdm.finish", kFinishReqFields, "FINISH"),
    body("spdm_finish_rsp", "finish_rsp", "FINISH_RSP response", "spdm.finish_rsp", kFinishRspFields, "FINISH_RSP"),
    body("spdm_end_session", "end_session", "END_SESSION request", "spdm.end_session", {}, "END_SESSION"),
    body("spdm_end_session_ack", "end_session_ack", "END_SESSION_ACK response", "spdm.end_session_ack", {},
         "END_SESSION_ACK"),
};

constexpr Body kBodies[] = {
    {&kLayers[0], kKeyExchange}, {&kLayers[1], kKeyExchangeRsp}, {&kLayers[2], kFinish},
    {&kLayers[3], kFinishRsp},   {&kLayers[4], kEndSession},     {&kLayers[5], kEndSessionAck},
};

}  // namespace

std::span<const Body> session_bodies() { return kBodies; }

}  // namespace mctpkit::spdm::detail
