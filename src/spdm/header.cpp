// The SPDM message header (DSP0274; protocol reference 7.1 and 7.2).

#include "mctpkit/core/text_append.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/spdm/spdm.hpp"
#include "spdm/codes.hpp"

namespace mctpkit::spdm {

namespace {

// The version byte is major.minor in two nibbles. Naming every 1.x value lets craft take
// `version=1.2` as well as `version=0x12`; other majors print as hex.
constexpr EnumEntry kVersions[] = {
    {0x10, "1.0"},  {0x11, "1.1"},  {0x12, "1.2"},  {0x13, "1.3"},  {0x14, "1.4"},  {0x15, "1.5"},
    {0x16, "1.6"},  {0x17, "1.7"},  {0x18, "1.8"},  {0x19, "1.9"},  {0x1A, "1.10"}, {0x1B, "1.11"},
    {0x1C, "1.12"}, {0x1D, "1.13"}, {0x1E, "1.14"}, {0x1F, "1.15"},
};

// Fields read for every SPDM message, found by handle rather than by name.
const FieldHandle kVersionField{"version"}, kCodeField{"code"};

bool params_in_header(const Fields& f) { return !params_in_body(static_cast<std::uint8_t>(f.num(kCodeField))); }

constexpr FieldDef kFields[] = {
    u8("version").hex().names(kVersions).fallback(0x10).also("spdm_version").titled("SPDM version"),
    u8("code").hex().names(detail::kCodes).also("request_response_code").titled("Request/response code"),
    u8("param1").hex().when(params_in_header).titled("Param1"),
    u8("param2").hex().when(params_in_header).titled("Param2"),
    payload(),
};

std::string_view code_name(std::uint64_t code) {
  for (const EnumEntry& e : detail::kCodes) {
    if (e.value == code) return e.name;
  }
  return {};
}

void summarize(const Layer& l, std::string& out) {
  const std::uint64_t version = l.num(kVersionField), code = l.num(kCodeField);
  TextBuffer text(out);
  text.put("SPDM ");
  text.decimal(version >> 4);
  text.put('.');
  text.decimal(version & 0x0F);
  text.put(' ');
  std::string_view name = code_name(code);
  if (name.empty()) {
    text.put("0x");
    text.hex(code, 2);
  } else {
    text.put(name);
  }
}

// Messages whose body may be empty: then no body layer is shown and nothing is reported.
bool body_may_be_empty(const Layer& l) {
  switch (l.num(kCodeField)) {
    case kGetVersion:
    case kGetDigests:
    case kEndSession:
    case kEndSessionAck:
    case kRespondIfReady:
    case kFinishRsp:  // the responder verify data is present only in some sessions
      return true;
    case kGetCapabilities:
      return l.num(kVersionField) == 0x10;  // a 1.0 request is the header alone
    case kDigests:
    case kCertificate:
    case kChallengeAuth:
    case kVersion:
    case kMeasurements:
    case kCapabilities:
    case kAlgorithms:
    case kKeyExchangeRsp:
    case kVendorDefinedResponse:
    case kError:
    case kGetCertificate:
    case kChallenge:
    case kGetMeasurements:
    case kNegotiateAlgorithms:
    case kKeyExchange:
    case kFinish:
    case kVendorDefinedRequest:
    case kEncapsulatedRequest:
    case kDeliverEncapsulatedResponse:
      return false;
    default:
      return true;  // the other codes' bodies are kept as plain bytes, possibly none
  }
}

}  // namespace

const std::span<const EnumEntry> kCodeNames = detail::kCodes;

bool params_in_body(std::uint8_t code) {
  return code == kError || code == kGetMeasurements || code == kNegotiateAlgorithms || code == kAlgorithms;
}

const LayerDef kHeader{
    .id = "spdm",
    .title = "SPDM message",
    .abbrev = "spdm",
    .fields = kFields,
    .summary_fn = summarize,
    .next = {.table = kCodeTable, .key = {"code", "version"}, .body_optional = body_may_be_empty},
    .bind = {mctp::kMessageTypeTable, Key{mctp::kSpdm}},
};

}  // namespace mctpkit::spdm
