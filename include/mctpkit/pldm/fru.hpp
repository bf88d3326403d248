#pragma once
// PLDM FRU data (type 0x04, DSP0257). All multi-byte fields are little-endian.
//
// The FRU record table travels in GetFRURecordTable and GetFRURecordByOption responses and in
// SetFRURecordTable requests, possibly split over several messages. Those messages carry their
// table bytes as a payload dispatched by transfer flag through table "pldm.fru.table_data":
// a whole table (start_and_end) decodes into records, trailing pad and CRC-32; a portion of a
// split table stays bytes (the records can only be read once the portions are joined).

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::pldm {

inline constexpr std::string_view kFruTableDataTable = "pldm.fru.table_data";

/// A whole FRU record table: records (each with its TLV fields), 0-3 pad bytes, CRC-32.
extern const LayerDef kFruRecordTable;
/// A start or middle portion of a split table.
extern const LayerDef kFruRecordTablePart;
/// The end portion of a split table: its last four bytes are the CRC-32 of the whole table.
extern const LayerDef kFruRecordTableEnd;

/// General FRU record field types (DSP0257).
inline constexpr EnumEntry kFruFieldTypes[] = {
    {1, "chassis_type"}, {2, "model"},   {3, "part_number"},  {4, "serial_number"}, {5, "manufacturer"},
    {6, "manufacture_date"}, {7, "vendor"}, {8, "name"},     {9, "sku"},           {10, "version"},
    {11, "asset_tag"},   {12, "description"}, {13, "engineering_change_level"}, {14, "other_information"},
    {15, "vendor_iana"},
};
inline constexpr EnumEntry kFruRecordTypes[] = {{0x01, "general"}, {0xFE, "oem"}};

/// Command-specific completion codes of the FRU commands (the header names only generic ones).
inline constexpr EnumEntry kFruCompletionCodes[] = {
    {0x80, "invalid_data_transfer_handle"}, {0x81, "invalid_transfer_operation_flag"},
    {0x82, "invalid_transfer_flag"},        {0x83, "no_fru_table_metadata"},
    {0x84, "invalid_data_integrity_check"}, {0x85, "fru_data_table_unavailable"},
};

namespace detail {
void register_fru_table(Registry& registry);
}

}  // namespace mctpkit::pldm
