// PLDM FRU data commands (type 0x04, DSP0257; layouts: protocol reference 6.8). The table data
// of GetFRURecordTable, SetFRURecordTable and GetFRURecordByOption is a payload decoded by the
// FRU record table layers (fru_records.cpp), chosen by the message's transfer flag.

#include "mctpkit/pldm/firmware_update.hpp"
#include "mctpkit/pldm/fru.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

namespace {

using detail::kTransferFlags;
using detail::kTransferOperations;

constexpr LayerDef message(std::string_view id, std::string_view craft, std::string_view title,
                           std::string_view abbrev, std::uint8_t code, bool request,
                           std::span<const FieldDef> fields, std::string_view summary,
                           DispatchDef next = {}) {
  return LayerDef{.id = id,
                  .craft_name = craft,
                  .title = title,
                  .abbrev = abbrev,
                  .fields = fields,
                  .summary = summary,
                  .next = next,
                  .bind = command_binding(kFru, code, request)};
}

constexpr DispatchDef kTableData{.table = kFruTableDataTable, .key = {"transfer_flag"}};

// ---- 0x01 GetFRURecordTableMetadata ------------------------------------------------------------
constexpr FieldDef kMetadataRsp[] = {
    u8("major_version").titled("FRU data major version"),
    u8("minor_version").titled("FRU data minor version"),
    u32le("table_maximum_size").titled("FRU table maximum size"),
    u32le("table_length").titled("FRU table length"),
    u16le("total_record_set_ids").titled("Total record set identifiers"),
    u16le("total_records").titled("Total table records"),
    u32le("checksum").hex().titled("FRU table integrity checksum (CRC-32)"),
};

// ---- 0x02 GetFRURecordTable / 0x04 GetFRURecordByOption / 0x03 SetFRURecordTable -----------------
constexpr FieldDef kGetTableReq[] = {
    u32le("data_transfer_handle").hex().titled("Data transfer handle"),
    u8("transfer_operation_flag").names(kTransferOperations).fallback(1).titled("Transfer operation flag"),
};
constexpr FieldDef kTableRsp[] = {
    u32le("next_data_transfer_handle").hex().titled("Next data transfer handle"),
    u8("transfer_flag").names(kTransferFlags).titled("Transfer flag"),
    payload(),
};
constexpr FieldDef kGetByOptionReq[] = {
    u32le("data_transfer_handle").hex().titled("Data transfer handle"),
    u16le("fru_table_handle").titled("FRU table handle"),
    u16le("record_set_id").titled("FRU record set identifier"),
    u8("record_type").names(kFruRecordTypes).titled("FRU record type"),
    u8("field_type").names(kFruFieldTypes).titled("FRU field type"),
    u8("transfer_operation_flag").names(kTransferOperations).fallback(1).titled("Transfer operation flag"),
};
constexpr FieldDef kSetTableReq[] = {
    u32le("data_transfer_handle").hex().titled("Data transfer handle"),
    u8("transfer_flag").names(kTransferFlags).titled("Transfer flag"),
    payload(),
};
constexpr FieldDef kSetTableRsp[] = {
    u32le("next_data_transfer_handle").hex().titled("Next data transfer handle"),
};

// ---- 0x10, 0x11, 0x18, 0x19: codes from one source only, layouts unknown ------------------------
constexpr FieldDef kBody[] = {bytes("data").titled("Body")};

constexpr LayerDef kLayers[] = {
    message("pldm.fru.get_fru_record_table_metadata_req", "get_fru_record_table_metadata",
            "GetFRURecordTableMetadata request", "pldm.fru.get_metadata", 0x01, true, {},
            "GetFRURecordTableMetadata"),
    message("pldm.fru.get_fru_record_table_metadata_rsp", "get_fru_record_table_metadata",
            "GetFRURecordTableMetadata response", "pldm.fru.get_metadata", 0x01, false, kMetadataRsp,
            "GetFRURecordTableMetadata"),
    message("pldm.fru.get_fru_record_table_req", "get_fru_record_table", "GetFRURecordTable request",
            "pldm.fru.get_table", 0x02, true, kGetTableReq, "GetFRURecordTable"),
    message("pldm.fru.get_fru_record_table_rsp", "get_fru_record_table", "GetFRURecordTable response",
            "pldm.fru.get_table", 0x02, false, kTableRsp, "GetFRURecordTable", kTableData),
    message("pldm.fru.set_fru_record_table_req", "set_fru_record_table", "SetFRURecordTable request",
            "pldm.fru.set_table", 0x03, true, kSetTableReq, "SetFRURecordTable", kTableData),
    message("pldm.fru.set_fru_record_table_rsp", "set_fru_record_table", "SetFRURecordTable response",
            "pldm.fru.set_table", 0x03, false, kSetTableRsp, "SetFRURecordTable"),
    message("pldm.fru.get_fru_record_by_option_req", "get_fru_record_by_option",
            "GetFRURecordByOption request", "pldm.fru.get_by_option", 0x04, true, kGetByOptionReq,
            "GetFRURecordByOption"),
    message("pldm.fru.get_fru_record_by_option_rsp", "get_fru_record_by_option",
            "GetFRURecordByOption response", "pldm.fru.get_by_option", 0x04, false, kTableRsp,
            "GetFRURecordByOption", kTableData),
    message("pldm.fru.read_fru_data_item_req", "read_fru_data_item", "ReadFRUDataItem request",
            "pldm.fru.read_item", 0x10, true, kBody, "ReadFRUDataItem"),
    message("pldm.fru.read_fru_data_item_rsp", "read_fru_data_item", "ReadFRUDataItem response",
            "pldm.fru.read_item", 0x10, false, kBody, "ReadFRUDataItem"),
    message("pldm.fru.write_fru_data_item_req", "write_fru_data_item", "WriteFRUDataItem request",
            "pldm.fru.write_item", 0x11, true, kBody, "WriteFRUDataItem"),
    message("pldm.fru.write_fru_data_item_rsp", "write_fru_data_item", "WriteFRUDataItem response",
            "pldm.fru.write_item", 0x11, false, kBody, "WriteFRUDataItem"),
    message("pldm.fru.find_fru_files_req", "find_fru_files", "FindFRUFiles request", "pldm.fru.find_files",
            0x18, true, kBody, "FindFRUFiles"),
    message("pldm.fru.find_fru_files_rsp", "find_fru_files", "FindFRUFiles response", "pldm.fru.find_files",
            0x18, false, kBody, "FindFRUFiles"),
    message("pldm.fru.get_fru_file_metadata_req", "get_fru_file_metadata", "GetFRUFileMetadata request",
            "pldm.fru.file_metadata", 0x19, true, kBody, "GetFRUFileMetadata"),
    message("pldm.fru.get_fru_file_metadata_rsp", "get_fru_file_metadata", "GetFRUFileMetadata response",
            "pldm.fru.file_metadata", 0x19, false, kBody, "GetFRUFileMetadata"),
};

}  // namespace

void register_fru(Registry& registry) {
  for (const LayerDef& def : kLayers) registry.declare(def);
  detail::register_fru_table(registry);
}

}  // namespace mctpkit::pldm
