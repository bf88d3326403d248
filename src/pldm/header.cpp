#include "mctpkit/core/text_append.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

namespace {

constexpr EnumEntry kTypeNames[] = {
    {kBase, "base"}, {kSmbios, "smbios"}, {kPlatform, "platform"}, {kBios, "bios"}, {kFru, "fru"},
    {kFirmwareUpdate, "firmware_update"}, {kRde, "rde"}, {kFileTransfer, "file_transfer"}, {kOem, "oem"},
};

// Generic completion codes (DSP0240); 0x80 and up are command specific.
constexpr EnumEntry kCompletionCodes[] = {
    {0x00, "success"},
    {0x01, "error"},
    {0x02, "error_invalid_data"},
    {0x03, "error_invalid_length"},
    {0x04, "error_not_ready"},
    {0x05, "error_unsupported_pldm_cmd"},
    {0x20, "error_invalid_pldm_type"},
    {0x21, "invalid_transfer_context"},
    {0x22, "invalid_data_transfer_handle"},
    {0x23, "unexpected_transfer_flag_operation"},
    {0x24, "invalid_requested_section_offset"},
};

const FieldHandle kRq{"rq"}, kD{"d"}, kIid{"iid"}, kType{"type"}, kCommand{"command"}, kCc{"cc"};

bool is_response(const Fields& f) { return f.num(kRq) == 0 && f.num(kD) == 0; }

constexpr FieldDef kFields[] = {
    flag("rq").fallback(1).titled("Request"),
    flag("d").titled("Datagram"),
    flag("reserved").reserved(),
    bits("iid", 5).also("instance_id").titled("Instance ID"),
    bits("hdr_ver", 2).titled("Header version"),
    bits("type", 6).hex().names(kTypeNames).titled("PLDM type"),
    u8("command").hex().also("cmd").titled("Command code"),
    u8("cc").names(kCompletionCodes).when(is_response).also("completion_code").titled("Completion code"),
};

void summarize(const Layer& l, std::string& out) {
  const bool response = is_response(l);
  out += response ? "PLDM RSP (inst_id=0x" : "PLDM REQ (inst_id=0x";
  append_hex(out, l.num(kIid), 2);
  out += ", type=0x";
  append_hex(out, l.num(kType), 2);
  out += ", cmd=0x";
  append_hex(out, l.num(kCommand), 2);
  if (response) {
    out += ", cc=";
    append_decimal(out, l.num(kCc));
  }
  out += ')';
}

}  // namespace

const LayerDef kHeader{
    .id = "pldm",
    .title = "PLDM message",
    .abbrev = "pldm",
    .fields = kFields,
    .summary_fn = summarize,
    .next = {.table = kCommandTable,
             .key = {"type", "command", "rq"},
             .body_optional = [](const Layer& l) { return is_response(l) && l.num(kCc) != 0; },
             // PyMCTP shows no layer for a message that ends after its header (GetTID request).
             .hide_fieldless_body = true},
    .bind = {mctp::kMessageTypeTable, Key{mctp::kPldm}},
};

void register_pldm(Registry& registry) {
  registry.declare(kHeader);
  register_base(registry);
  register_platform(registry);
  register_fru(registry);
  register_firmware_update(registry);
  register_other_types(registry);
}

}  // namespace mctpkit::pldm
