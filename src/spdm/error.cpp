// ERROR and RESPOND_IF_READY (protocol reference 7.3). ERROR's extended data depends on the
// error code in Param1, so the ERROR body owns its params (see params_in_body).

#include "spdm/body.hpp"
#include "spdm/codes.hpp"

namespace mctpkit::spdm::detail {

namespace {

constexpr EnumEntry kErrorCodes[] = {
    {0x01, "InvalidRequest"},
    {0x02, "InvalidSession"},  // 1.1 only, deprecated in 1.2 (libspdm)
    {0x03, "Busy"},
    {0x04, "UnexpectedRequest"},
    {0x05, "Unspecified"},
    {0x06, "DecryptError"},
    {0x07, "UnsupportedRequest"},
    {0x08, "RequestInFlight"},
    {0x09, "InvalidResponseCode"},
    {0x0A, "SessionLimitExceeded"},
    {0x0B, "SessionRequired"},
    {0x0C, "ResetRequired"},
    {0x0D, "ResponseTooLarge"},
    {0x0E, "RequestTooLarge"},
    {0x0F, "LargeResponse"},
    {0x10, "MessageLost"},
    {0x11, "InvalidPolicy"},
    {0x12, "DataTooLarge"},
    {0x41, "VersionMismatch"},
    {0x42, "ResponseNotReady"},
    {0x43, "RequestResynch"},
    {0x44, "OperationFailed"},
    {0x45, "NoPendingRequests"},
    {0x46, "RequestSessionTerminated"},
    {0x47, "InvalidState"},
    {0xFF, "VendorDefined"},
};

constexpr std::uint64_t kResponseNotReady = 0x42;
constexpr std::uint64_t kLargeResponse = 0x0F;

bool not_ready(const Fields& f) { return f.num("error_code") == kResponseNotReady; }
bool large_response(const Fields& f) { return f.num("error_code") == kLargeResponse; }
bool other_error(const Fields& f) { return !not_ready(f) && !large_response(f); }

constexpr FieldDef kErrorRsp[] = {
    u8("error_code").hex().names(kErrorCodes).also("param1").titled("Param1: error code"),
    u8("error_data").hex().also("param2").titled("Param2: error data"),
    // ResponseNotReady: the wait is RDTM * 2^RDTExponent us; Token goes in RESPOND_IF_READY.
    u8("rdt_exponent").when(not_ready).titled("RDTExponent"),
    u8("request_code").hex().names(kCodes).when(not_ready).titled("RequestCode"),
    u8("token").hex().when(not_ready).titled("Token"),
    u8("rdtm").when(not_ready).titled("RDTM"),
    // LargeResponse (1.2): the handle to fetch the response with CHUNK_GET (libspdm).
    u8("response_handle").hex().when(large_response).titled("Handle"),
    // Other codes: none, or a layout the reference does not give (VendorDefined: registry and
    // vendor ID, then vendor data).
    bytes("extended_data").when(other_error).optional().titled("Extended error data"),
};

constexpr LayerDef kLayers[] = {
    body("spdm_error", "error", "ERROR response", "spdm.error", kErrorRsp, "ERROR"),
    // Param1 is the original request code and Param2 the token, both in the header.
    body("spdm_respond_if_ready", "respond_if_ready", "RESPOND_IF_READY request", "spdm.respond_if_ready", {},
         "RESPOND_IF_READY"),
};

constexpr Body kBodies[] = {{&kLayers[0], kError}, {&kLayers[1], kRespondIfReady}};

}  // namespace

std::span<const Body> error_bodies() { return kBodies; }

}  // namespace mctpkit::spdm::detail
