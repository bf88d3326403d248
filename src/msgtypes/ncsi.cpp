// NC-SI control over MCTP (message type 0x02, DSP0261): a DSP0222 control packet without the
// Ethernet header (protocol reference 9.1). Header fields are big-endian.
//
// Command and code names follow DSP0222 as Linux's NC-SI driver lists them (net/ncsi/ncsi-pkt.h)
// [1src]; the layout is [2src] per the reference.

#include <fmt/format.h>

#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/msgtypes/msgtypes.hpp"

namespace mctpkit::msgtypes {

namespace {

// An AEN has type 0xFF: the response bit with command 0x7F.
constexpr std::uint8_t kAenCommand = 0x7F;
constexpr std::size_t kResponseCodesSize = 4;

constexpr EnumEntry kCommands[] = {
    {0x00, "clear_initial_state"},
    {0x01, "select_package"},
    {0x02, "deselect_package"},
    {0x03, "enable_channel"},
    {0x04, "disable_channel"},
    {0x05, "reset_channel"},
    {0x06, "enable_channel_network_tx"},
    {0x07, "disable_channel_network_tx"},
    {0x08, "aen_enable"},
    {0x09, "set_link"},
    {0x0A, "get_link_status"},
    {0x0B, "set_vlan_filter"},
    {0x0C, "enable_vlan"},
    {0x0D, "disable_vlan"},
    {0x0E, "set_mac_address"},
    {0x10, "enable_broadcast_filter"},
    {0x11, "disable_broadcast_filter"},
    {0x12, "enable_global_multicast_filter"},
    {0x13, "disable_global_multicast_filter"},
    {0x14, "set_ncsi_flow_control"},
    {0x15, "get_version_id"},
    {0x16, "get_capabilities"},
    {0x17, "get_parameters"},
    {0x18, "get_controller_packet_statistics"},
    {0x19, "get_ncsi_statistics"},
    {0x1A, "get_ncsi_passthrough_statistics"},
    {0x1B, "get_package_status"},
    {0x50, "oem_command"},
    {0x51, "pldm"},
    {0x52, "get_package_uuid"},
    {0x56, "query_pending_nc_pldm_request"},
    {0x57, "send_nc_pldm_reply"},
    {0x58, "get_mc_mac_address"},
    {kAenCommand, "aen"},
};

constexpr EnumEntry kResponseCodes[] = {
    {0x0000, "command_completed"},
    {0x0001, "command_failed"},
    {0x0002, "command_unavailable"},
    {0x0003, "command_unsupported"},
};

constexpr EnumEntry kReasonCodes[] = {
    {0x0000, "no_error"},
    {0x0001, "interface_init_required"},
    {0x0002, "parameter_invalid"},
    {0x0003, "channel_not_ready"},
    {0x0004, "package_not_ready"},
    {0x0005, "invalid_payload_length"},
    {0x7FFF, "unknown_command_type"},
};

bool is_aen(const Fields& f) { return f.num("response") == 1 && f.num("command") == kAenCommand; }
bool is_response(const Fields& f) { return f.num("response") == 1 && !is_aen(f); }

// The payload length counts the response and reason codes but not the pad or the checksum.
std::size_t data_length(const Fields& f, std::size_t) {
  std::size_t total = f.num("payload_length");
  std::size_t codes = is_response(f) ? kResponseCodesSize : 0;
  return total > codes ? total - codes : 0;
}

std::uint64_t payload_length_of(const DeriveContext& ctx) {
  return ctx.fields.bytes("data").size() + (is_response(ctx.fields) ? kResponseCodesSize : 0);
}

// The payload is padded to a 4-byte boundary before the checksum.
std::size_t pad_count(const Fields& f) { return (4 - f.num("payload_length") % 4) % 4; }
bool has_pad1(const Fields& f) { return pad_count(f) >= 1; }
bool has_pad2(const Fields& f) { return pad_count(f) >= 2; }
bool has_pad3(const Fields& f) { return pad_count(f) >= 3; }

// DSP0222: the two's complement of the sum of the header and payload taken as big-endian 16-bit
// words (Linux ncsi_calculate_checksum). A received 0 means the sender did not compute one.
std::uint64_t checksum_of(const DeriveContext& ctx) {
  if (auto received = ctx.fields.get("checksum"); received && *received == 0) return 0;
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < ctx.covered.size(); i += 2) {
    std::uint32_t low = i + 1 < ctx.covered.size() ? ctx.covered[i + 1] : 0;
    sum += static_cast<std::uint32_t>(ctx.covered[i]) << 8 | low;
  }
  return static_cast<std::uint32_t>(~sum + 1);
}

constexpr FieldDef kFields[] = {
    u8("mc_id").hex().titled("Management controller ID"),
    u8("hdr_rev").expect(1).titled("Header revision"),
    u8("reserved").reserved(),
    u8("iid").also("instance_id").titled("Instance ID"),
    flag("response").titled("Response (type bit 7)"),
    bits("command", 7).hex().names(kCommands).also("cmd").titled("Control packet type"),
    bits("package_id", 3).titled("Package ID"),
    bits("channel", 5).hex().titled("Internal channel ID (0x1F: the package)"),
    bits("reserved2", 4).reserved(),
    bits("payload_length", 12).derived(payload_length_of).titled("Payload length"),
    u64("reserved3").reserved(),
    u16("response_code").names(kResponseCodes).when(is_response).titled("Response code"),
    u16("reason_code").hex().names(kReasonCodes).when(is_response).titled("Reason code"),
    bytes("data").length_by(data_length).titled("Payload data"),
    u8("pad1").reserved().when(has_pad1),
    u8("pad2").reserved().when(has_pad2),
    u8("pad3").reserved().when(has_pad3),
    u32("checksum").checksum(checksum_of).titled("Checksum"),
};

void summarize(const Layer& l, std::string& out) {
  std::string_view kind = is_aen(l) ? "AEN" : is_response(l) ? "Response" : "Command";
  fmt::format_to(std::back_inserter(out), "NCSI {} (mc_id: 0x{:02X}, iid: {}", kind, l.num("mc_id"), l.num("iid"));
  if (!is_aen(l)) {
    const FieldDef& command = l.defs()[l.index_of("command")];
    fmt::format_to(std::back_inserter(out), ", command: {}", format_value(command, l.value(l.index_of("command"))));
  }
  fmt::format_to(std::back_inserter(out), ", package_id: {}, channel: 0x{:02X}", l.num("package_id"), l.num("channel"));
  if (auto n = l.get("payload_length")) fmt::format_to(std::back_inserter(out), ", payload_length: {}", *n);
  if (is_response(l)) {
    for (std::string_view name : {"response_code", "reason_code"}) {
      std::size_t i = l.index_of(name);
      if (l.value(i).state == FieldValue::State::Absent) continue;
      fmt::format_to(std::back_inserter(out), ", {}: {}", name, format_value(l.defs()[i], l.value(i)));
    }
  }
  out += ")";
}

}  // namespace

const LayerDef kNcsi{
    .id = "ncsi",
    .title = "NC-SI control packet (DSP0222 over MCTP)",
    .abbrev = "ncsi",
    .fields = kFields,
    .summary_fn = summarize,
    .bind = {mctp::kMessageTypeTable, Key{mctp::kNcsi}},
};

}  // namespace mctpkit::msgtypes
