// PLDM messaging control and discovery commands (type 0, DSP0240; protocol reference 6.4 and
// 6.5). Multi-byte fields are little-endian; ver32 values read as a little-endian u32 give
// major.minor.update.alpha from the top byte down, the same number MCTP control sends
// big-endian, so Display::Version32 applies unchanged.

#include <fmt/format.h>

#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/derive.hpp"
#include "mctpkit/pldm/base.hpp"

namespace mctpkit::pldm {

namespace {

constexpr LayerDef command(std::string_view id, std::string_view craft, std::string_view title,
                           std::string_view abbrev, std::span<const FieldDef> fields, BindDef bind,
                           std::string_view summary = {}, SummaryFn summary_fn = nullptr) {
  return LayerDef{.id = id,
                  .craft_name = craft,
                  .title = title,
                  .abbrev = abbrev,
                  .fields = fields,
                  .summary = summary,
                  .summary_fn = summary_fn,
                  .bind = bind};
}

constexpr BindDef request(std::uint8_t cmd) { return command_binding(kBase, cmd, true); }
constexpr BindDef response(std::uint8_t cmd) { return command_binding(kBase, cmd, false); }

constexpr EnumEntry kPldmTypes[] = {
    {kBase, "base"}, {kSmbios, "smbios"}, {kPlatform, "platform"}, {kBios, "bios"}, {kFru, "fru"},
    {kFirmwareUpdate, "firmware_update"}, {kRde, "rde"}, {kFileTransfer, "file_transfer"}, {kOem, "oem"},
};

// One bit per PLDM type (bit n of the little-endian bitfield = type n).
constexpr EnumEntry kTypeBits[] = {
    {1ull << kBase, "base"}, {1ull << kSmbios, "smbios"}, {1ull << kPlatform, "platform"},
    {1ull << kBios, "bios"}, {1ull << kFru, "fru"}, {1ull << kFirmwareUpdate, "firmware_update"},
    {1ull << kRde, "rde"}, {1ull << kFileTransfer, "file_transfer"}, {1ull << kOem, "oem"},
};

constexpr EnumEntry kTransferOps[] = {{0x00, "get_next_part"}, {0x01, "get_first_part"}, {0x02, "ack_only"}};
constexpr EnumEntry kTransferFlags[] = {
    {kFlagStart, "start"}, {kFlagMiddle, "middle"}, {kFlagEnd, "end"},
    {kFlagStartAndEnd, "start_and_end"}, {kFlagAckCompletion, "ack_completion"},
};
constexpr EnumEntry kMultipartOps[] = {
    {0, "first_part"}, {1, "next_part"}, {2, "abort"}, {3, "complete"}, {4, "current_part"}};

// ---- 0x01 SetTID / 0x02 GetTID -------------------------------------------------------------------
constexpr FieldDef kTidFields[] = {u8("tid").titled("Terminus ID")};

// ---- 0x03 GetPLDMVersion ------------------------------------------------------------------------
constexpr FieldDef kGetVersionReq[] = {
    u32le("transfer_handle").titled("Data transfer handle"),
    u8("transfer_op").names(kTransferOps).fallback(0x01).titled("Transfer operation flag"),
    u8("type").names(kPldmTypes).titled("PLDM type"),
};
constexpr FieldDef kGetVersionRsp[] = {
    u32le("next_transfer_handle").titled("Next data transfer handle"),
    u8("transfer_flag").names(kTransferFlags).fallback(kFlagStartAndEnd).titled("Transfer flag"),
    payload(),
};
const FieldHandle kVersionTransferFlag{"transfer_flag"};
bool carries_whole_version_data(const Layer& l) {
  constexpr std::size_t kFixed = 5;  // handle and flag before the version data
  return l.num(kVersionTransferFlag) == kFlagStartAndEnd && l.length > kFixed;
}

constexpr FieldDef kVersionEntry[] = {u32le("version").show(Display::Version32).titled("Version")};
constexpr StructDef kVersionStruct{"version", kVersionEntry, "{version}", ", ", "Version"};

std::uint64_t version_crc(const DeriveContext& ctx) { return crc::crc32(ctx.covered); }

constexpr FieldDef kVersionDataFields[] = {
    list("versions", kVersionStruct).titled("Versions"),
    u32le("crc").checksum(version_crc).titled("CRC-32 of the versions"),
};

// ---- 0x04 GetPLDMTypes --------------------------------------------------------------------------
constexpr FieldDef kGetTypesRsp[] = {u64le("types").flags(kTypeBits).titled("Supported PLDM types")};

const FieldHandle kTypes{"types"};

// PyMCTP names the types of the first bitmap byte only.
void summarize_types(const Layer& l, std::string& out) {
  static constexpr std::string_view kNames[] = {"CTRL", "SMBIOS", "M&C", "BIOS", "FRU", "FUP", "RDE"};
  out += "GetPLDMTypes (";
  std::uint64_t types = l.num(kTypes);
  bool first = true;
  for (std::size_t bit = 0; bit < std::size(kNames); ++bit) {
    if ((types >> bit & 1) == 0) continue;
    if (!first) out += " ";
    first = false;
    out += kNames[bit];
  }
  out += ")";
}

// ---- 0x05 GetPLDMCommands / 0x06 SelectPLDMVersion -----------------------------------------------
constexpr FieldDef kTypeVersionReq[] = {
    u8("type").names(kPldmTypes).titled("PLDM type"),
    u32le("version").show(Display::Version32).titled("Version"),
};
constexpr FieldDef kGetCommandsRsp[] = {
    bytes("commands").fixed(32).titled("Supported commands (bit c of byte c/8)"),
};

void summarize_commands(const Layer& l, std::string& out) {
  out += "GetPLDMCommands ([";
  const Bytes& bitmap = l.bytes("commands");
  for (std::size_t i = 0; i < bitmap.size(); ++i) {
    if (i != 0) out += ", ";
    fmt::format_to(std::back_inserter(out), "{}", bitmap[i]);
  }
  out += "])";
}

// ---- 0x07 NegotiateTransferParameters ------------------------------------------------------------
constexpr FieldDef kNegotiateReq[] = {
    u16le("part_size").titled("Requester part size"),
    u64le("protocol_support").flags(kTypeBits).titled("Requester protocol support"),
};
constexpr FieldDef kNegotiateRsp[] = {
    u16le("part_size").titled("Responder part size"),
    u64le("protocol_support").flags(kTypeBits).titled("Responder protocol support"),
};

// ---- 0x08 MultipartSend / 0x09 MultipartReceive [layouts 1src: libpldm] ------------------------
// The integrity checksum is the CRC-32 of the data, computed when left unset. It is not verified
// on decode: whether it covers this part or the whole section is not settled in our sources.
std::uint64_t data_crc(const DeriveContext& ctx) { return crc::crc32(ctx.fields.bytes("data")); }

constexpr FieldDef kMultipartSendReq[] = {
    u8("type").names(kPldmTypes).titled("PLDM type"),
    u8("transfer_flag").names(kTransferFlags).fallback(kFlagStartAndEnd).titled("Transfer flag"),
    u32le("transfer_context").hex().titled("Transfer context"),
    u32le("transfer_handle").titled("Data transfer handle"),
    u32le("next_transfer_handle").titled("Next data transfer handle"),
    u32le("section_offset").titled("Section offset"),
    u32le("section_length").titled("Section length"),
    u32le("data_length").length_of("data").titled("Data length"),
    bytes("data").length_from("data_length").titled("Data"),
    u32le("checksum").hex().derived(data_crc).titled("Data integrity checksum"),
};
constexpr FieldDef kMultipartSendRsp[] = {
    u8("next_transfer_op").names(kMultipartOps).titled("Next transfer operation"),
};
constexpr FieldDef kMultipartReceiveReq[] = {
    u8("type").names(kPldmTypes).titled("PLDM type"),
    u8("transfer_op").names(kMultipartOps).titled("Transfer operation"),
    u32le("transfer_context").hex().titled("Transfer context"),
    u32le("transfer_handle").titled("Data transfer handle"),
    u32le("section_offset").titled("Requested section offset"),
    u32le("section_length").titled("Requested section length"),
};
bool has_receive_checksum(const Fields& f) { return f.num("transfer_flag") != kFlagAckCompletion; }
constexpr FieldDef kMultipartReceiveRsp[] = {
    u8("transfer_flag").names(kTransferFlags).fallback(kFlagStartAndEnd).titled("Transfer flag"),
    u32le("next_transfer_handle").titled("Next data transfer handle"),
    u32le("data_length").length_of("data").titled("Data length"),
    bytes("data").length_from("data_length").titled("Data"),
    u32le("checksum").hex().derived(data_crc).when(has_receive_checksum).titled("Data integrity checksum"),
};

// ---- 0x0A GetMultipartTransferSupport: layout not verified, kept as bytes ----------------------
constexpr FieldDef kOpaque[] = {bytes("data").titled("Data (layout not verified)")};

constexpr LayerDef kBaseLayers[] = {
    command("pldm.set_tid_req", "set_tid", "Set TID request", "pldm.set_tid", kTidFields, request(kSetTid),
            "SETTID (tid: {tid})"),
    command("pldm.set_tid_rsp", "set_tid", "Set TID response", "pldm.set_tid", {},
            bodiless_response_binding(kBase, kSetTid), "SETTID"),
    command("pldm.get_tid_req", "get_tid", "Get TID request", "pldm.get_tid", {},
            bodiless_request_binding(kBase, kGetTid), "GETTID"),
    command("pldm.get_tid_rsp", "get_tid", "Get TID response", "pldm.get_tid", kTidFields, response(kGetTid),
            "GETTID (tid: {tid})"),
    command("pldm.get_pldm_version_req", "get_pldm_version", "Get PLDM Version request", "pldm.get_pldm_version",
            kGetVersionReq, request(kGetPldmVersion),
            "GetPLDMVER (hdl={transfer_handle:d}, op={transfer_op:d}, type={type:d})"),
    // The version data follows as its own layer (PyMCTP prints it as a separate, raw layer).
    LayerDef{.id = "pldm.get_pldm_version_rsp",
             .craft_name = "get_pldm_version",
             .title = "Get PLDM Version response",
             .abbrev = "pldm.get_pldm_version",
             .fields = kGetVersionRsp,
             .summary = "GetPLDMVER (nextHdl={next_transfer_handle:d}, transferFlag={transfer_flag:d})",
             .next = {.table = kVersionDataTable, .when = carries_whole_version_data, .required = "version data"},
             .bind = response(kGetPldmVersion)},
    command("pldm.get_pldm_types_req", "get_pldm_types", "Get PLDM Types request", "pldm.get_pldm_types", {},
            bodiless_request_binding(kBase, kGetPldmTypes), "GetPLDMTypes"),
    command("pldm.get_pldm_types_rsp", "get_pldm_types", "Get PLDM Types response", "pldm.get_pldm_types",
            kGetTypesRsp, response(kGetPldmTypes), {}, summarize_types),
    command("pldm.get_pldm_commands_req", "get_pldm_commands", "Get PLDM Commands request",
            "pldm.get_pldm_commands", kTypeVersionReq, request(kGetPldmCommands),
            "GetPLDMCommands (type={type:d}, version={version:04X})"),
    command("pldm.get_pldm_commands_rsp", "get_pldm_commands", "Get PLDM Commands response",
            "pldm.get_pldm_commands", kGetCommandsRsp, response(kGetPldmCommands), {}, summarize_commands),
    command("pldm.select_pldm_version_req", "select_pldm_version", "Select PLDM Version request",
            "pldm.select_pldm_version", kTypeVersionReq, request(kSelectPldmVersion), "SelectPLDMVersion"),
    command("pldm.select_pldm_version_rsp", "select_pldm_version", "Select PLDM Version response",
            "pldm.select_pldm_version", {}, bodiless_response_binding(kBase, kSelectPldmVersion),
            "SelectPLDMVersion"),
    command("pldm.negotiate_transfer_parameters_req", "negotiate_transfer_parameters",
            "Negotiate Transfer Parameters request", "pldm.negotiate_transfer_parameters", kNegotiateReq,
            request(kNegotiateTransferParameters), "NegotiateTransferParameters"),
    command("pldm.negotiate_transfer_parameters_rsp", "negotiate_transfer_parameters",
            "Negotiate Transfer Parameters response", "pldm.negotiate_transfer_parameters", kNegotiateRsp,
            response(kNegotiateTransferParameters), "NegotiateTransferParameters"),
    command("pldm.multipart_send_req", "multipart_send", "Multipart Send request", "pldm.multipart_send",
            kMultipartSendReq, request(kMultipartSend), "MultipartSend"),
    command("pldm.multipart_send_rsp", "multipart_send", "Multipart Send response", "pldm.multipart_send",
            kMultipartSendRsp, response(kMultipartSend), "MultipartSend"),
    command("pldm.multipart_receive_req", "multipart_receive", "Multipart Receive request",
            "pldm.multipart_receive", kMultipartReceiveReq, request(kMultipartReceive), "MultipartReceive"),
    command("pldm.multipart_receive_rsp", "multipart_receive", "Multipart Receive response",
            "pldm.multipart_receive", kMultipartReceiveRsp, response(kMultipartReceive), "MultipartReceive"),
    command("pldm.get_multipart_transfer_support_req", "get_multipart_transfer_support",
            "Get Multipart Transfer Support request", "pldm.get_multipart_transfer_support", kOpaque,
            request(kGetMultipartTransferSupport), "GetMultipartTransferSupport"),
    command("pldm.get_multipart_transfer_support_rsp", "get_multipart_transfer_support",
            "Get Multipart Transfer Support response", "pldm.get_multipart_transfer_support", kOpaque,
            response(kGetMultipartTransferSupport), "GetMultipartTransferSupport"),
};

// Generic codes (DSP0240), then the command-specific ones of the base commands.
constexpr EnumEntry kGenericCodes[] = {
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

struct CommandCode {
  std::uint8_t command;
  std::uint8_t cc;
  std::string_view name;
};
constexpr CommandCode kBaseCodes[] = {
    {kGetPldmVersion, 0x80, "invalid_data_transfer_handle"},
    {kGetPldmVersion, 0x81, "invalid_transfer_operation_flag"},
    {kGetPldmVersion, 0x83, "invalid_pldm_type_in_request_data"},
    {kGetPldmCommands, 0x83, "invalid_pldm_type_in_request_data"},
    {kGetPldmCommands, 0x84, "invalid_pldm_version_in_request_data"},
    {kSelectPldmVersion, 0x83, "invalid_pldm_type_in_request_data"},
    {kSelectPldmVersion, 0x84, "invalid_pldm_version_in_request_data"},
    {kMultipartSend, 0x83, "negotiation_incomplete"},
    {kMultipartReceive, 0x83, "negotiation_incomplete"},
    {kGetMultipartTransferSupport, 0x83, "invalid_pldm_type_in_request_data"},
    {kGetMultipartTransferSupport, 0x84, "invalid_pldm_version_in_request_data"},
};

}  // namespace

const LayerDef kVersionData{
    .id = "pldm.version_data",
    .craft_name = "pldm_version_data",
    .title = "PLDM version data",
    .abbrev = "pldm.version_data",
    .fields = kVersionDataFields,
    .summary = "PLDMVersionData",
    .bind = {kVersionDataTable, Key{}},
};

std::string_view base_completion_code_name(std::uint8_t command, std::uint8_t cc) {
  for (const CommandCode& c : kBaseCodes) {
    if (c.command == command && c.cc == cc) return c.name;
  }
  for (const EnumEntry& e : kGenericCodes) {
    if (e.value == cc) return e.name;
  }
  return {};
}

void register_base(Registry& registry) {
  for (const LayerDef& def : kBaseLayers) registry.declare(def);
  registry.declare(kVersionData);
}

}  // namespace mctpkit::pldm
