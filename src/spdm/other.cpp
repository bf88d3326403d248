// VENDOR_DEFINED_REQUEST / RESPONSE, the encapsulated-request pair, and every remaining code,
// whose body is kept as bytes so that each code has a layer to craft and nothing is reported
// as unknown (layouts single source: libspdm).

#include <array>

#include "spdm/body.hpp"

namespace mctpkit::spdm::detail {

namespace {

// StandardID: the registry that assigned the vendor ID (same list as extended algorithms).
constexpr EnumEntry kStandards[] = {
    {0x0, "DMTF"}, {0x1, "TCG"},  {0x2, "USB"},  {0x3, "PCISIG"}, {0x4, "IANA"},     {0x5, "HDBASET"},
    {0x6, "MIPI"}, {0x7, "CXL"},  {0x8, "JEDEC"}, {0x9, "VESA"},  {0xA, "IANA_CBOR"},
};

constexpr FieldDef kVendorDefined[] = {
    u16le("standard_id").names(kStandards).titled("StandardID"),
    u8("vendor_id_len").length_of("vendor_id").titled("Len"),
    bytes("vendor_id").length_from("vendor_id_len").titled("VendorID"),
    u16le("payload_length").length_of("vendor_payload").titled("ReqLength/RespLength"),
    bytes("vendor_payload").length_from("payload_length").titled("Vendor-defined payload"),
};

// Param1 is the request ID; what follows is a whole SPDM message (a request from the responder,
// or the requester's response to it).
constexpr FieldDef kEncapsulated[] = {payload()};

constexpr FieldDef kData[] = {bytes("data").titled("Message body")};

constexpr LayerDef encapsulated(std::string_view id, std::string_view craft, std::string_view title,
                                std::string_view abbrev) {
  // The summary is the bare name: the carried message follows as its own layers.
  LayerDef def = body(id, craft, title, abbrev, kEncapsulated, title,
                      [](const Layer& l, std::string& out) { out += l.def().summary; });
  def.next = {.table = kEncapsulatedTable};
  return def;
}

constexpr LayerDef plain(std::string_view id, std::string_view craft, std::string_view name,
                         std::string_view abbrev) {
  return body(id, craft, name, abbrev, kData, name);
}

constexpr LayerDef kLayers[] = {
    body("spdm_vendor_defined_request", "vendor_defined_request", "VENDOR_DEFINED_REQUEST request",
         "spdm.vendor_defined_request", kVendorDefined, "VENDOR_DEFINED_REQUEST"),
    body("spdm_vendor_defined_response", "vendor_defined_response", "VENDOR_DEFINED_RESPONSE response",
         "spdm.vendor_defined_response", kVendorDefined, "VENDOR_DEFINED_RESPONSE"),
    encapsulated("spdm_encapsulated_request", "encapsulated_request", "ENCAPSULATED_REQUEST",
                 "spdm.encapsulated_request"),
    encapsulated("spdm_deliver_encapsulated_response", "deliver_encapsulated_response",
                 "DELIVER_ENCAPSULATED_RESPONSE", "spdm.deliver_encapsulated_response"),
    plain("spdm_chunk_send_ack", "chunk_send_ack", "CHUNK_SEND_ACK", "spdm.chunk_send_ack"),
    plain("spdm_chunk_response", "chunk_response", "CHUNK_RESPONSE", "spdm.chunk_response"),
    plain("spdm_endpoint_info", "endpoint_info", "ENDPOINT_INFO", "spdm.endpoint_info"),
    plain("spdm_slot_management_resp", "slot_management_resp", "SLOT_MANAGEMENT_RESP", "spdm.slot_management_resp"),
    plain("spdm_supported_event_types", "supported_event_types", "SUPPORTED_EVENT_TYPES",
          "spdm.supported_event_types"),
    plain("spdm_psk_exchange_rsp", "psk_exchange_rsp", "PSK_EXCHANGE_RSP", "spdm.psk_exchange_rsp"),
    plain("spdm_psk_finish_rsp", "psk_finish_rsp", "PSK_FINISH_RSP", "spdm.psk_finish_rsp"),
    plain("spdm_heartbeat_ack", "heartbeat_ack", "HEARTBEAT_ACK", "spdm.heartbeat_ack"),
    plain("spdm_key_update_ack", "key_update_ack", "KEY_UPDATE_ACK", "spdm.key_update_ack"),
    plain("spdm_encapsulated_response_ack", "encapsulated_response_ack", "ENCAPSULATED_RESPONSE_ACK",
          "spdm.encapsulated_response_ack"),
    plain("spdm_csr", "csr", "CSR", "spdm.csr"),
    plain("spdm_set_certificate_rsp", "set_certificate_rsp", "SET_CERTIFICATE_RSP", "spdm.set_certificate_rsp"),
    plain("spdm_measurement_extension_log", "measurement_extension_log", "MEASUREMENT_EXTENSION_LOG",
          "spdm.measurement_extension_log"),
    plain("spdm_subscribe_event_types_ack", "subscribe_event_types_ack", "SUBSCRIBE_EVENT_TYPES_ACK",
          "spdm.subscribe_event_types_ack"),
    plain("spdm_event_ack", "event_ack", "EVENT_ACK", "spdm.event_ack"),
    plain("spdm_key_pair_info", "key_pair_info", "KEY_PAIR_INFO", "spdm.key_pair_info"),
    plain("spdm_set_key_pair_info_ack", "set_key_pair_info_ack", "SET_KEY_PAIR_INFO_ACK",
          "spdm.set_key_pair_info_ack"),
    plain("spdm_chunk_send", "chunk_send", "CHUNK_SEND", "spdm.chunk_send"),
    plain("spdm_chunk_get", "chunk_get", "CHUNK_GET", "spdm.chunk_get"),
    plain("spdm_get_endpoint_info", "get_endpoint_info", "GET_ENDPOINT_INFO", "spdm.get_endpoint_info"),
    plain("spdm_slot_management", "slot_management", "SLOT_MANAGEMENT", "spdm.slot_management"),
    plain("spdm_get_supported_event_types", "get_supported_event_types", "GET_SUPPORTED_EVENT_TYPES",
          "spdm.get_supported_event_types"),
    plain("spdm_psk_exchange", "psk_exchange", "PSK_EXCHANGE", "spdm.psk_exchange"),
    plain("spdm_psk_finish", "psk_finish", "PSK_FINISH", "spdm.psk_finish"),
    plain("spdm_heartbeat", "heartbeat", "HEARTBEAT", "spdm.heartbeat"),
    plain("spdm_key_update", "key_update", "KEY_UPDATE", "spdm.key_update"),
    plain("spdm_get_encapsulated_request", "get_encapsulated_request", "GET_ENCAPSULATED_REQUEST",
          "spdm.get_encapsulated_request"),
    plain("spdm_get_csr", "get_csr", "GET_CSR", "spdm.get_csr"),
    plain("spdm_set_certificate", "set_certificate", "SET_CERTIFICATE", "spdm.set_certificate"),
    plain("spdm_get_measurement_extension_log", "get_measurement_extension_log", "GET_MEASUREMENT_EXTENSION_LOG",
          "spdm.get_measurement_extension_log"),
    plain("spdm_subscribe_event_types", "subscribe_event_types", "SUBSCRIBE_EVENT_TYPES",
          "spdm.subscribe_event_types"),
    plain("spdm_send_event", "send_event", "SEND_EVENT", "spdm.send_event"),
    plain("spdm_get_key_pair_info", "get_key_pair_info", "GET_KEY_PAIR_INFO", "spdm.get_key_pair_info"),
    plain("spdm_set_key_pair_info", "set_key_pair_info", "SET_KEY_PAIR_INFO", "spdm.set_key_pair_info"),
};

constexpr std::uint8_t kLayerCodes[] = {
    kVendorDefinedRequest,   kVendorDefinedResponse,   kEncapsulatedRequest,      kDeliverEncapsulatedResponse,
    kChunkSendAck,           kChunkResponse,           kEndpointInfo,             kSlotManagementResp,
    kSupportedEventTypes,    kPskExchangeRsp,          kPskFinishRsp,             kHeartbeatAck,
    kKeyUpdateAck,           kEncapsulatedResponseAck, kCsr,                      kSetCertificateRsp,
    kMeasurementExtensionLog, kSubscribeEventTypesAck, kEventAck,                 kKeyPairInfo,
    kSetKeyPairInfoAck,      kChunkSend,               kChunkGet,                 kGetEndpointInfo,
    kSlotManagement,         kGetSupportedEventTypes,  kPskExchange,              kPskFinish,
    kHeartbeat,              kKeyUpdate,               kGetEncapsulatedRequest,   kGetCsr,
    kSetCertificate,         kGetMeasurementExtensionLog, kSubscribeEventTypes,   kSendEvent,
    kGetKeyPairInfo,         kSetKeyPairInfo,
};
static_assert(std::size(kLayerCodes) == std::size(kLayers));

constexpr auto kBodies = [] {
  std::array<Body, std::size(kLayers)> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = Body{&kLayers[i], kLayerCodes[i]};
  return out;
}();

}  // namespace

std::span<const Body> other_bodies() { return kBodies; }

}  // namespace mctpkit::spdm::detail
