// CXL Fabric Manager API (message type 0x07, DSP0234) and CXL Type 3 component command interface
// (0x08, DSP0281) over MCTP: both carry a CXL CCI message (protocol reference 9.4, from QEMU's
// MCTP CXL endpoint [1src]). Little-endian. The reference notes that older QEMU swapped the
// return code and the vendor status; this follows the CXL specification order (return code
// first), as newer QEMU does.

#include <fmt/format.h>

#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/msgtypes/msgtypes.hpp"

namespace mctpkit::msgtypes {

namespace {

constexpr EnumEntry kCategories[] = {{0, "request"}, {1, "response"}};

// Command opcodes: command set in the high byte, command in the low byte. Names from QEMU's
// CXL mailbox opcode list [1src]; 0x4101, 0x4200, 0x4203/0x4204 and 0x4501-0x4505 from the CXL
// specification as Linux's CXL driver names them [unverified].
constexpr EnumEntry kOpcodes[] = {
    {0x0001, "identify"},
    {0x0002, "background_operation_status"},
    {0x0003, "get_response_message_limit"},
    {0x0004, "set_response_message_limit"},
    {0x0005, "request_abort_background_operation"},
    {0x0100, "get_event_records"},
    {0x0101, "clear_event_records"},
    {0x0102, "get_event_interrupt_policy"},
    {0x0103, "set_event_interrupt_policy"},
    {0x0200, "get_fw_info"},
    {0x0201, "transfer_fw"},
    {0x0202, "activate_fw"},
    {0x0300, "get_timestamp"},
    {0x0301, "set_timestamp"},
    {0x0400, "get_supported_logs"},
    {0x0401, "get_log"},
    {0x0500, "get_supported_features"},
    {0x0501, "get_feature"},
    {0x0502, "set_feature"},
    {0x4000, "identify_memory_device"},
    {0x4100, "get_partition_info"},
    {0x4101, "set_partition_info"},
    {0x4102, "get_lsa"},
    {0x4103, "set_lsa"},
    {0x4200, "get_health_info"},
    {0x4201, "get_alert_configuration"},
    {0x4202, "set_alert_configuration"},
    {0x4203, "get_shutdown_state"},
    {0x4204, "set_shutdown_state"},
    {0x4300, "get_poison_list"},
    {0x4301, "inject_poison"},
    {0x4302, "clear_poison"},
    {0x4303, "get_scan_media_capabilities"},
    {0x4304, "scan_media"},
    {0x4305, "get_scan_media_results"},
    {0x4400, "sanitize"},
    {0x4401, "secure_erase"},
    {0x4402, "media_operations"},
    {0x4500, "get_security_state"},
    {0x4501, "set_passphrase"},
    {0x4502, "disable_passphrase"},
    {0x4503, "unlock"},
    {0x4504, "freeze_security_state"},
    {0x4505, "passphrase_secure_erase"},
    {0x4800, "get_dc_config"},
    {0x4801, "get_dc_extent_list"},
    {0x4802, "add_dc_response"},
    {0x4803, "release_dc"},
    {0x5100, "identify_switch_device"},
    {0x5101, "get_physical_port_state"},
    {0x5300, "tunnel_management_command"},
    {0x5500, "get_mhd_info"},
    {0x5600, "get_dcd_info"},
    {0x5601, "get_host_dc_region_config"},
    {0x5602, "set_dc_region_config"},
    {0x5603, "get_dc_region_extent_list"},
    {0x5604, "initiate_dc_add"},
    {0x5605, "initiate_dc_release"},
};

// Command return codes (CXL specification, as QEMU lists them) [1src].
constexpr EnumEntry kReturnCodes[] = {
    {0x00, "success"},
    {0x01, "background_command_started"},
    {0x02, "invalid_input"},
    {0x03, "unsupported"},
    {0x04, "internal_error"},
    {0x05, "retry_required"},
    {0x06, "busy"},
    {0x07, "media_disabled"},
    {0x08, "fw_transfer_in_progress"},
    {0x09, "fw_transfer_out_of_order"},
    {0x0A, "fw_verification_failed"},
    {0x0B, "invalid_slot"},
    {0x0C, "activation_failed_rolled_back"},
    {0x0D, "activation_failed_reset_required"},
    {0x0E, "invalid_handle"},
    {0x0F, "invalid_physical_address"},
    {0x10, "inject_poison_limit_reached"},
    {0x11, "permanent_media_failure"},
    {0x12, "aborted"},
    {0x13, "invalid_security_state"},
    {0x14, "incorrect_passphrase"},
    {0x15, "unsupported_mailbox_or_cci"},
    {0x16, "invalid_payload_length"},
};

// The payload length is 21 bits: bytes 5-6 and bits 4:0 of byte 7 (counted after the type byte).
std::size_t data_length(const Fields& f, std::size_t) {
  return static_cast<std::size_t>(f.num("payload_length") | f.num("payload_length_hi") << 16);
}
std::uint64_t length_low(const DeriveContext& ctx) { return ctx.fields.bytes("data").size() & 0xFFFF; }
std::uint64_t length_high(const DeriveContext& ctx) { return ctx.fields.bytes("data").size() >> 16; }

constexpr FieldDef kFields[] = {
    bits("reserved", 4).reserved(),
    bits("category", 4).names(kCategories).titled("Category"),
    u8("tag").titled("Message tag"),
    u8("reserved2").reserved(),
    u16le("opcode").hex().names(kOpcodes).also("cmd").titled("Command opcode (set << 8 | command)"),
    u16le("payload_length").derived(length_low).titled("Payload length, bits 15:0"),
    // Byte 7 bit 7: background operation in the CXL message format as we remember it
    // [unverified]; QEMU only says bits 4:0 of the byte belong to the length.
    flag("bo").titled("Background operation"),
    bits("reserved3", 2).reserved(),
    bits("payload_length_hi", 5).derived(length_high).titled("Payload length, bits 20:16"),
    u16le("return_code").names(kReturnCodes).titled("Return code"),
    u16le("vendor_status").hex().titled("Vendor specific extended status"),
    bytes("data").length_by(data_length).titled("Payload"),
};

void append(const Layer& l, std::string_view name, std::string& out) {
  std::size_t i = l.index_of(name);
  if (i == Fields::npos || l.value(i).state == FieldValue::State::Absent) return;
  fmt::format_to(std::back_inserter(out), ", {}: {}", name, format_value(l.defs()[i], l.value(i)));
}

void summarize(std::string_view name, const Layer& l, std::string& out) {
  out += name;
  out += " (";
  std::size_t category = l.index_of("category");
  out += "category: " + format_value(l.defs()[category], l.value(category));
  append(l, "tag", out);
  append(l, "opcode", out);
  if (auto lo = l.get("payload_length")) {
    fmt::format_to(std::back_inserter(out), ", payload_length: {}", *lo | l.num("payload_length_hi") << 16);
  }
  if (l.num("category") == 1) {
    append(l, "return_code", out);
    append(l, "vendor_status", out);
  }
  out += ")";
}

}  // namespace

const LayerDef kCxlFmApi{
    .id = "cxl_fm_api",
    .title = "CXL Fabric Manager API message (DSP0234)",
    .abbrev = "cxl_fm",
    .fields = kFields,
    .summary_fn = [](const Layer& l, std::string& out) { summarize("CXLFMAPI", l, out); },
    .bind = {mctp::kMessageTypeTable, Key{mctp::kCxlFmApi}},
};

const LayerDef kCxlCci{
    .id = "cxl_cci",
    .title = "CXL Type 3 component command interface message (DSP0281)",
    .abbrev = "cxl_cci",
    .fields = kFields,
    .summary_fn = [](const Layer& l, std::string& out) { summarize("CXLCCI", l, out); },
    .bind = {mctp::kMessageTypeTable, Key{mctp::kCxlCci}},
};

}  // namespace mctpkit::msgtypes
