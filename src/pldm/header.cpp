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

// The table's own values are read by place (field_index(), after the table).
bool is_response(const Fields& f);

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

constexpr std::size_t kRq = field_index(kFields, "rq"), kD = field_index(kFields, "d"),
                      kIid = field_index(kFields, "iid"), kType = field_index(kFields, "type"),
                      kCommand = field_index(kFields, "command"), kCc = field_index(kFields, "cc");

bool is_response(const Fields& f) { return f.num_at(kRq) == 0 && f.num_at(kD) == 0; }

void summarize(const Layer& l, std::string& out) {
  const bool response = is_response(l);
  TextBuffer text(out);
  text.put(response ? "PLDM RSP (inst_id=0x" : "PLDM REQ (inst_id=0x");
  text.hex(l.num_at(kIid), 2);
  text.put(", type=0x");
  text.hex(l.num_at(kType), 2);
  text.put(", cmd=0x");
  text.hex(l.num_at(kCommand), 2);
  if (response) {
    text.put(", cc=");
    text.decimal(l.num_at(kCc));
  }
  text.put(')');
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
             .body_optional = [](const Layer& l) { return is_response(l) && l.num_at(kCc) != 0; },
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
