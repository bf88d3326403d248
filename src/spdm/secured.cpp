// Secured messages over MCTP (message type 0x06; DSP0276 binding of DSP0277; protocol reference
// 9.3, single source: libspdm).
//
// For MCTP the record carries a 2-byte sequence number (libspdm's MCTP transport uses 2; other
// bindings such as PCIe DOE carry none). Everything after the length field is encrypted (or,
// in MAC-only sessions, authenticated) and ends with the AEAD tag: 16 bytes for every AEAD
// DSP0274 defines, but that is a negotiated property, so the tag stays inside the bytes.

#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/spdm/spdm.hpp"

namespace mctpkit::spdm {

namespace {

constexpr FieldDef kFields[] = {
    u32le("session_id").hex().titled("Session ID (ReqSessionID | RspSessionID << 16)"),
    u16le("seq_num").titled("Sequence number (low 2 bytes)"),
    u16le("length").length_of("encrypted").titled("Length of the encrypted data and MAC"),
    bytes("encrypted").length_from("length").titled(
        "Encrypted data: application data length, inner MCTP type and message, random padding; then the MAC"),
};

}  // namespace

const LayerDef kSecuredMessage{
    .id = "spdm_secured",
    .craft_name = "secured",
    .title = "SPDM secured message",
    .abbrev = "spdm_secured",
    .fields = kFields,
    .summary = "SPDM SECURED (session_id: 0x{session_id:08X}, seq_num: {seq_num}, length: {length})",
    .bind = {mctp::kMessageTypeTable, Key{mctp::kSecured}},
};

}  // namespace mctpkit::spdm
