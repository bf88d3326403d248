// NVMe Admin commands tunneled in NVMe-MI (NMIMT 2; reference 8.3): the submission queue entry
// fields the request carries and the completion queue entry fields of the response, with the
// command's data as bytes. Little-endian.

#include "mctpkit/nvme_mi/nvme_mi.hpp"
#include "nvme_mi/names.hpp"

namespace mctpkit::nvme_mi {

namespace {

// NVMe Admin command opcodes (NVMe base specification, as listed in libnvme's admin opcode
// enumeration; not in the reference).
constexpr EnumEntry kAdminOpcodes[] = {
    {0x00, "delete_io_sq"},
    {0x01, "create_io_sq"},
    {0x02, "get_log_page"},
    {0x04, "delete_io_cq"},
    {0x05, "create_io_cq"},
    {0x06, "identify"},
    {0x08, "abort"},
    {0x09, "set_features"},
    {0x0A, "get_features"},
    {0x0C, "async_event_request"},
    {0x0D, "namespace_management"},
    {0x10, "firmware_commit"},
    {0x11, "firmware_image_download"},
    {0x14, "device_self_test"},
    {0x15, "namespace_attachment"},
    {0x18, "keep_alive"},
    {0x19, "directive_send"},
    {0x1A, "directive_receive"},
    {0x1C, "virtualization_management"},
    {0x1D, "nvme_mi_send"},
    {0x1E, "nvme_mi_receive"},
    {0x20, "capacity_management"},
    {0x24, "lockdown"},
    {0x7C, "doorbell_buffer_config"},
    {0x7F, "fabrics_commands"},
    {0x80, "format_nvm"},
    {0x81, "security_send"},
    {0x82, "security_receive"},
    {0x84, "sanitize"},
    {0x86, "get_lba_status"},
};

// 64 bytes after the NVMe-MI header (68 with it, reference 8.3). Command flags: bit 0 data length
// valid, bit 1 data offset valid (libnvme), bit 2 ignore shutdown (libnvme only [1src]).
constexpr FieldDef kRequestFields[] = {
    u8("opcode").names(kAdminOpcodes).also("cmd").titled("Admin opcode"),
    bits("reserved", 5).reserved(),
    flag("ish").titled("Ignore shutdown"),
    flag("dofstv").titled("Data offset valid"),
    flag("dlenv").titled("Data length valid"),
    u16le("ctrl_id").titled("Controller ID"),
    u32le("nsid").hex().titled("Namespace ID (SQE dword 1)"),
    u32le("cdw2").hex().titled("SQE dword 2"),
    u32le("cdw3").hex().titled("SQE dword 3"),
    u32le("cdw4").hex().titled("SQE dword 4"),
    u32le("cdw5").hex().titled("SQE dword 5"),
    u32le("dofst").titled("Data offset"),
    u32le("dlen").titled("Data length"),
    u64("reserved2").reserved(),
    u32le("cdw10").hex().titled("SQE dword 10"),
    u32le("cdw11").hex().titled("SQE dword 11"),
    u32le("cdw12").hex().titled("SQE dword 12"),
    u32le("cdw13").hex().titled("SQE dword 13"),
    u32le("cdw14").hex().titled("SQE dword 14"),
    u32le("cdw15").hex().titled("SQE dword 15"),
    bytes("data").titled("Request data"),
};

constexpr FieldDef kResponseFields[] = {
    u8("status").names(detail::kStatusNames).titled("Response message status"),
    u24("reserved").reserved(),
    u32le("cqe_dw0").hex().titled("Completion queue entry dword 0"),
    u32le("cqe_dw1").hex().titled("Completion queue entry dword 1"),
    u32le("cqe_dw3").hex().titled("Completion queue entry dword 3"),
    bytes("data").titled("Response data"),
};

}  // namespace

const LayerDef kAdminRequest{
    .id = "nvme_mi_admin_req",
    .craft_name = "admin_command",
    .title = "NVMe Admin command request (tunneled)",
    .abbrev = "nvme_mi.admin",
    .fields = kRequestFields,
    .summary = "NVMeAdminCommand (opcode: {opcode}, ctrl_id: {ctrl_id}, nsid: {nsid}, cdw10: {cdw10}, "
               "dofst: {dofst}, dlen: {dlen})",
    .bind = {kMessageTable, Key{kAdminCommand, 0}},
};

const LayerDef kAdminResponse{
    .id = "nvme_mi_admin_rsp",
    .craft_name = "admin_command",
    .title = "NVMe Admin command response (tunneled)",
    .abbrev = "nvme_mi.admin",
    .fields = kResponseFields,
    .summary = "NVMeAdminResponse (status: {status}, cqe_dw0: {cqe_dw0}, cqe_dw1: {cqe_dw1}, cqe_dw3: {cqe_dw3})",
    .bind = {kMessageTable, Key{kAdminCommand, 1}},
};

}  // namespace mctpkit::nvme_mi
