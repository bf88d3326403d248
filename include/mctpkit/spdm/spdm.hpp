#pragma once
// SPDM over MCTP (message type 0x05; DSP0275 binding, DSP0274 messages) and SPDM secured
// messages (type 0x06; DSP0276/DSP0277). SPDM multi-byte fields are little-endian.

#include <cstdint>
#include <span>
#include <string_view>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::spdm {

/// SPDM header: version (0x12 shows as "1.2"), code, then param1 and param2 — except for the
/// messages whose body layout depends on the params (see params_in_body), where the body layer
/// owns them under their DSP0274 names. Bodies are found in table "spdm.code" by
/// (code, version).
extern const LayerDef kHeader;

/// A secured message (MCTP type 0x06): session ID, sequence number, length, encrypted data.
extern const LayerDef kSecuredMessage;

inline constexpr std::string_view kCodeTable = "spdm.code";

enum Code : std::uint8_t {
  kDigests = 0x01,
  kCertificate = 0x02,
  kChallengeAuth = 0x03,
  kVersion = 0x04,
  kChunkSendAck = 0x05,
  kChunkResponse = 0x06,
  kEndpointInfo = 0x07,
  kSlotManagementResp = 0x08,
  kMeasurements = 0x60,
  kCapabilities = 0x61,
  kSupportedEventTypes = 0x62,
  kAlgorithms = 0x63,
  kKeyExchangeRsp = 0x64,
  kFinishRsp = 0x65,
  kPskExchangeRsp = 0x66,
  kPskFinishRsp = 0x67,
  kHeartbeatAck = 0x68,
  kKeyUpdateAck = 0x69,
  kEncapsulatedRequest = 0x6A,
  kEncapsulatedResponseAck = 0x6B,
  kEndSessionAck = 0x6C,
  kCsr = 0x6D,
  kSetCertificateRsp = 0x6E,
  kMeasurementExtensionLog = 0x6F,
  kSubscribeEventTypesAck = 0x70,
  kEventAck = 0x71,
  kKeyPairInfo = 0x7C,
  kSetKeyPairInfoAck = 0x7D,
  kVendorDefinedResponse = 0x7E,
  kError = 0x7F,
  kGetDigests = 0x81,
  kGetCertificate = 0x82,
  kChallenge = 0x83,
  kGetVersion = 0x84,
  kChunkSend = 0x85,
  kChunkGet = 0x86,
  kGetEndpointInfo = 0x87,
  kSlotManagement = 0x88,
  kGetMeasurements = 0xE0,
  kGetCapabilities = 0xE1,
  kGetSupportedEventTypes = 0xE2,
  kNegotiateAlgorithms = 0xE3,
  kKeyExchange = 0xE4,
  kFinish = 0xE5,
  kPskExchange = 0xE6,
  kPskFinish = 0xE7,
  kHeartbeat = 0xE8,
  kKeyUpdate = 0xE9,
  kGetEncapsulatedRequest = 0xEA,
  kDeliverEncapsulatedResponse = 0xEB,
  kEndSession = 0xEC,
  kGetCsr = 0xED,
  kSetCertificate = 0xEE,
  kGetMeasurementExtensionLog = 0xEF,
  kSubscribeEventTypes = 0xF0,
  kSendEvent = 0xF1,
  kGetKeyPairInfo = 0xFC,
  kSetKeyPairInfo = 0xFD,
  kVendorDefinedRequest = 0xFE,
  kRespondIfReady = 0xFF,
};

/// DSP0274 names of every request and response code ("GET_VERSION", ...).
extern const std::span<const EnumEntry> kCodeNames;

/// True for the codes whose Param1/Param2 the body layer owns (ERROR, GET_MEASUREMENTS,
/// NEGOTIATE_ALGORITHMS, ALGORITHMS): their body layout depends on the params, and a field
/// condition or count can only see its own layer.
bool params_in_body(std::uint8_t code);

/// Binds `def` under `code` for the SPDM 1.x versions from 1.`first_minor` through
/// 1.`last_minor` (0x1F is the last 1.x version). The first version bound is the one a crafted
/// header takes when its version is left unset. For plugins adding a body by SPDM code.
void bind_code(Registry& registry, std::uint8_t code, const LayerDef& def, std::uint8_t first_minor = 0,
               std::uint8_t last_minor = 15, std::string_view owner = "mctpkit");

/// Declares and binds this module's layers (and links) into `registry`.
void register_spdm(Registry& registry);

}  // namespace mctpkit::spdm
