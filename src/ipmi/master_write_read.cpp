// Master Write-Read (netFn App, command 0x52): a raw I2C/SMBus write and optional read by the
// BMC. Tools inject MCTP-over-SMBus this way, writing the frame without its destination byte.

#include <fmt/format.h>

#include "mctpkit/ipmi/ipmi.hpp"

namespace mctpkit::ipmi {

namespace {

constexpr EnumEntry kBusTypes[] = {{0, "public"}, {1, "private"}};

// Generic IPMI v2.0 completion codes, and the four Master Write-Read adds (0x81-0x84).
constexpr EnumEntry kCompletionCodes[] = {
    {0x00, "success"},
    {0x81, "lost_arbitration"},
    {0x82, "bus_error"},
    {0x83, "nak_on_write"},
    {0x84, "truncated_read"},
    {0xC0, "node_busy"},
    {0xC1, "invalid_command"},
    {0xC2, "invalid_for_lun"},
    {0xC3, "timeout"},
    {0xC4, "out_of_space"},
    {0xC5, "reservation_invalid"},
    {0xC6, "request_data_truncated"},
    {0xC7, "request_data_length_invalid"},
    {0xC8, "request_data_field_length_exceeded"},
    {0xC9, "parameter_out_of_range"},
    {0xCA, "cannot_return_requested_bytes"},
    {0xCB, "not_present"},
    {0xCC, "invalid_data_field"},
    {0xCD, "illegal_for_sensor_or_record_type"},
    {0xCE, "response_unavailable"},
    {0xCF, "duplicated_request"},
    {0xD0, "sdr_repository_in_update_mode"},
    {0xD1, "firmware_update_mode"},
    {0xD2, "bmc_initializing"},
    {0xD3, "destination_unavailable"},
    {0xD4, "insufficient_privilege"},
    {0xD5, "not_supported_in_present_state"},
    {0xD6, "subfunction_disabled"},
    {0xFF, "unspecified_error"},
};

constexpr std::size_t kRequestHeaderSize = 3;

// The slave address stays one byte, as on the wire (bit 0, the R/W position, is written 0):
// the carried SMBus frame's PEC starts with exactly this byte, and PyMCTP prints it whole.
constexpr FieldDef kRequestFields[] = {
    bits("channel", 4).titled("Channel number"),
    bits("bus", 3).titled("Bus ID"),
    bits("bus_type", 1).names(kBusTypes).titled("Bus type"),
    u8("phys_addr").hex().also("slave_addr").titled("Slave address (8-bit)"),
    u8("read_count").also("rd_cnt").titled("Read count"),
    payload(),
};

constexpr FieldDef kResponseFields[] = {
    u8("cc").hex().names(kCompletionCodes).also("completion_code").titled("Completion code"),
    bytes("data").titled("Bytes read"),
};

void summarize_request(const Layer& l, std::string& out) {
  fmt::format_to(std::back_inserter(out),
                 "MasterWriteRead REQ (ch: {}, bus: {}, type: {}, phys_addr: 0x{:02X}, rd_cnt: {})", l.num("channel"),
                 l.num("bus"), l.num("bus_type") ? "PRV" : "PUB", l.num("phys_addr"), l.num("read_count"));
}

}  // namespace

const LayerDef kMasterWriteReadRequest{
    .id = "master_write_read_req",
    .craft_name = "master_write_read",
    .title = "IPMI Master Write-Read request",
    .abbrev = "ipmi.mwr",
    .fields = kRequestFields,
    .summary_fn = summarize_request,
    // A read-only request writes nothing: no frame follows, and that is not a truncation.
    .next = {.table = kWriteDataTable,
             .body_optional = [](const Layer& l) { return l.length <= kRequestHeaderSize; }},
    .bind = command_binding(kApp, kMasterWriteRead),
};

const LayerDef kMasterWriteReadResponse{
    .id = "master_write_read_rsp",
    .craft_name = "master_write_read",
    .title = "IPMI Master Write-Read response",
    .abbrev = "ipmi.mwr",
    .fields = kResponseFields,
    .summary = "MasterWriteRead RSP (cc: {cc:02X})",
    .bind = command_binding(kApp + 1, kMasterWriteRead),
};

}  // namespace mctpkit::ipmi
