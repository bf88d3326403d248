#pragma once
// PLDM firmware update (type 0x05, DSP0267): every command of the protocol reference 6.9, request
// and response, plus the pieces the FRU and other PLDM type layers share (transfer flag names and
// a summary that shows list elements). All multi-byte fields are little-endian.

#include <string>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::pldm {

/// Command-specific completion codes 0x80.. of firmware update (the header names only the
/// generic ones; see the reference 6.9).
inline constexpr EnumEntry kFirmwareUpdateCompletionCodes[] = {
    {0x80, "not_in_update_mode"},
    {0x81, "already_in_update_mode"},
    {0x82, "data_out_of_range"},
    {0x83, "invalid_transfer_length"},
    {0x84, "invalid_state_for_command"},
    {0x85, "incomplete_update"},
    {0x86, "busy_in_background"},
    {0x87, "cancel_pending"},
    {0x88, "command_not_expected"},
    {0x89, "retry_request_fw_data"},
    {0x8A, "unable_to_initiate_update"},
    {0x8B, "activation_not_required"},
    {0x8C, "self_contained_activation_not_permitted"},
    {0x8D, "no_device_metadata"},
    {0x8E, "retry_request_update"},
    {0x8F, "no_package_data"},
    {0x90, "invalid_transfer_handle"},
    {0x91, "invalid_transfer_operation_flag"},
    {0x92, "activate_pending_image_not_permitted"},
    {0x93, "package_data_error"},
    {0x94, "no_opaque_data"},
    {0x95, "update_security_revision_not_permitted"},
    {0x96, "downstream_device_list_changed"},
};

namespace detail {

/// TransferFlag of multipart responses (DSP0240 base values, not the platform GetPDR ones).
inline constexpr EnumEntry kTransferFlags[] = {
    {0x01, "start"}, {0x02, "middle"}, {0x04, "end"}, {0x05, "start_and_end"}};
inline constexpr std::uint8_t kStartAndEnd = 0x05;
/// TransferOperationFlag of multipart requests.
inline constexpr EnumEntry kTransferOperations[] = {{0x00, "get_next_part"}, {0x01, "get_first_part"}};
/// String types of DSP0267 version strings (FRU encodings use the same values, plus 0 unspecified).
inline constexpr EnumEntry kStringTypes[] = {{0, "unknown"}, {1, "ascii"},   {2, "utf8"},
                                             {3, "utf16"},   {4, "utf16le"}, {5, "utf16be"}};

/// ComponentClassification (DSP0267; values from libpldm, the reference does not list them).
inline constexpr EnumEntry kClassifications[] = {
    {0x0000, "unknown"},          {0x0001, "other"},
    {0x0002, "driver"},           {0x0003, "configuration_software"},
    {0x0004, "application_software"}, {0x0005, "instrumentation"},
    {0x0006, "firmware_or_bios"}, {0x0007, "diagnostic_software"},
    {0x0008, "operating_system"}, {0x0009, "middleware"},
    {0x000A, "firmware"},         {0x000B, "bios_or_fcode"},
    {0x000C, "support_or_service_pack"}, {0x000D, "software_bundle"},
    {0xFFFF, "downstream_device"},
};
/// ComponentActivationMethods bits.
inline constexpr EnumEntry kActivationMethods[] = {
    {0x01, "automatic"},        {0x02, "self_contained"},   {0x04, "medium_specific_reset"},
    {0x08, "system_reboot"},    {0x10, "dc_power_cycle"},   {0x20, "ac_power_cycle"},
    {0x40, "activate_pending_image"}, {0x80, "activate_pending_image_set"},
};

/// "Title (field: value, ..., list: [{field: value, ...}, ...])" where Title is the layer's
/// `summary` text. Derived lengths and counts are left out (the tree shows them); checksums stay.
void summarize_body(const Layer& layer, std::string& out);
/// The "field: value, ..." part of the above, for one structure.
void append_fields(const Fields& fields, std::string& out);

/// The QueryDeviceIdentifiers descriptor (type, length, data), also used in downstream devices.
extern const StructDef kDescriptor;

void register_firmware_update_inventory(Registry& registry);  // 0x01-0x05
void register_firmware_update_transfer(Registry& registry);   // 0x10-0x22

}  // namespace detail

}  // namespace mctpkit::pldm
