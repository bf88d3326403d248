// PLDM firmware update commands 0x10-0x22 (DSP0267; layouts: protocol reference 6.9, CancelUpdate
// and the package/metadata transfers from libpldm and DSP0267 1.1). Commands whose layout no
// source we trust gives (0x1E-0x22) keep their bodies as bytes.

#include "mctpkit/pldm/firmware_update.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

namespace {

using detail::kActivationMethods;
using detail::kClassifications;
using detail::kStringTypes;
using detail::kTransferFlags;
using detail::kTransferOperations;

constexpr LayerDef message(std::string_view id, std::string_view craft, std::string_view title,
                           std::string_view abbrev, std::uint8_t code, bool request,
                           std::span<const FieldDef> fields, std::string_view summary) {
  return LayerDef{.id = id,
                  .craft_name = craft,
                  .title = title,
                  .abbrev = abbrev,
                  .fields = fields,
                  .summary = summary,
                  .summary_fn = detail::summarize_body,
                  .bind = command_binding(kFirmwareUpdate, code, request)};
}

constexpr EnumEntry kYesNo[] = {{0, "no"}, {1, "yes"}};
constexpr EnumEntry kUpdateOptions[] = {{0x1, "force_update"}};

// ---- 0x10 RequestUpdate -------------------------------------------------------------------------
constexpr FieldDef kRequestUpdateReq[] = {
    u32le("max_transfer_size").fallback(32).titled("Maximum transfer size"),
    u16le("num_components").titled("Number of components"),
    u8("max_outstanding_requests").fallback(1).titled("Maximum outstanding transfer requests"),
    u16le("package_data_length").titled("Package data length"),
    u8("ver_str_type").names(kStringTypes).fallback(1).titled("Image set version string type"),
    u8("ver_str_len").length_of("ver_str").titled("Image set version string length"),
    bytes("ver_str").length_from("ver_str_len").show(Display::Ascii).titled("Image set version string"),
};
constexpr FieldDef kRequestUpdateRsp[] = {
    u16le("fd_metadata_length").titled("Firmware device metadata length"),
    u8("fd_will_send_get_package_data").names(kYesNo).titled("FD will send GetPackageData"),
};

// ---- 0x11 GetPackageData, 0x12 GetDeviceMetaData, 0x19 GetMetaData: multipart byte transfers ----
constexpr FieldDef kMultipartReq[] = {
    u32le("data_transfer_handle").hex().titled("Data transfer handle"),
    u8("transfer_operation_flag").names(kTransferOperations).fallback(1).titled("Transfer operation flag"),
};
constexpr FieldDef kMultipartRsp[] = {
    u32le("next_data_transfer_handle").hex().titled("Next data transfer handle"),
    u8("transfer_flag").names(kTransferFlags).fallback(detail::kStartAndEnd).titled("Transfer flag"),
    bytes("portion").titled("Portion of data"),
};

// ---- 0x13 PassComponentTable --------------------------------------------------------------------
constexpr EnumEntry kComponentResponses[] = {{0, "can_be_updated"}, {1, "may_be_updateable"}};
constexpr EnumEntry kComponentResponseCodes[] = {
    {0x00, "can_be_updated"},          {0x01, "comparison_stamp_identical"},
    {0x02, "comparison_stamp_lower"},  {0x03, "invalid_comparison_stamp"},
    {0x04, "conflict"},                {0x05, "prerequisites_not_met"},
    {0x06, "not_supported"},           {0x07, "security_restrictions"},
    {0x08, "incomplete_image_set"},    {0x09, "active_image_not_updateable_subsequently"},
    {0x0A, "version_string_identical"}, {0x0B, "version_string_lower"},
};
constexpr FieldDef kPassComponentReq[] = {
    u8("transfer_flag").names(kTransferFlags).fallback(detail::kStartAndEnd).titled("Transfer flag"),
    u16le("classification").names(kClassifications).titled("Component classification"),
    u16le("identifier").hex().titled("Component identifier"),
    u8("classification_index").titled("Component classification index"),
    u32le("comparison_stamp").hex().titled("Component comparison stamp"),
    u8("ver_str_type").names(kStringTypes).fallback(1).titled("Component version string type"),
    u8("ver_str_len").length_of("ver_str").titled("Component version string length"),
    bytes("ver_str").length_from("ver_str_len").show(Display::Ascii).titled("Component version string"),
};
constexpr FieldDef kPassComponentRsp[] = {
    u8("component_response").names(kComponentResponses).titled("Component response"),
    u8("component_response_code").names(kComponentResponseCodes).titled("Component response code"),
};

// ---- 0x14 UpdateComponent -----------------------------------------------------------------------
constexpr EnumEntry kCompatibilityResponses[] = {{0, "can_be_updated"}, {1, "cannot_be_updated"}};
constexpr EnumEntry kCompatibilityResponseCodes[] = {
    {0x00, "no_response_code"},        {0x01, "comparison_stamp_identical"},
    {0x02, "comparison_stamp_lower"},  {0x03, "invalid_comparison_stamp"},
    {0x04, "conflict"},                {0x05, "prerequisites_not_met"},
    {0x06, "not_supported"},           {0x07, "security_restrictions"},
    {0x08, "incomplete_image_set"},    {0x09, "component_info_no_match"},
    {0x0A, "version_string_identical"}, {0x0B, "version_string_lower"},
};
constexpr FieldDef kUpdateComponentReq[] = {
    u16le("classification").names(kClassifications).titled("Component classification"),
    u16le("identifier").hex().titled("Component identifier"),
    u8("classification_index").titled("Component classification index"),
    u32le("comparison_stamp").hex().titled("Component comparison stamp"),
    u32le("image_size").titled("Component image size"),
    u32le("update_option_flags").flags(kUpdateOptions).titled("Update option flags"),
    u8("ver_str_type").names(kStringTypes).fallback(1).titled("Component version string type"),
    u8("ver_str_len").length_of("ver_str").titled("Component version string length"),
    bytes("ver_str").length_from("ver_str_len").show(Display::Ascii).titled("Component version string"),
};
constexpr FieldDef kUpdateComponentRsp[] = {
    u8("compatibility_response").names(kCompatibilityResponses).titled("Component compatibility response"),
    u8("compatibility_response_code").names(kCompatibilityResponseCodes).titled("Component compatibility response code"),
    u32le("update_option_flags_enabled").flags(kUpdateOptions).titled("Update option flags enabled"),
    u16le("time_before_request_fw_data").titled("Time before RequestFirmwareData (s)"),
};

// ---- 0x15 RequestFirmwareData (sent by the firmware device) -------------------------------------
constexpr FieldDef kRequestFwDataReq[] = {
    u32le("offset").titled("Offset"),
    u32le("length").titled("Length"),
};
constexpr FieldDef kRequestFwDataRsp[] = {bytes("data").titled("Component image data")};

// ---- 0x16-0x18 TransferComplete, VerifyComplete, ApplyComplete ----------------------------------
// Image corrupt is 0x01 as mctp-rs sends it: libpldm's header gives it 0x02, the value of
// version mismatch, which cannot be right (protocol reference 12).
constexpr EnumEntry kTransferResults[] = {
    {0x00, "success"},        {0x01, "image_corrupt"},       {0x02, "version_mismatch"},
    {0x03, "fd_aborted"},     {0x09, "timeout"},             {0x0A, "generic_error"},
    {0x0B, "fd_aborted_low_power_state"}, {0x0C, "fd_aborted_reset_needed"},
    {0x0D, "fd_aborted_storage_issue"},   {0x0E, "fd_aborted_invalid_opaque_data"},
    {0x0F, "fd_aborted_downstream_device"}, {0x10, "fd_aborted_security_revision"},
};
constexpr EnumEntry kVerifyResults[] = {
    {0x00, "success"},           {0x01, "verification_failure"}, {0x02, "version_mismatch"},
    {0x03, "security_checks_failed"}, {0x04, "image_incomplete"}, {0x09, "timeout"},
    {0x0A, "generic_error"},     {0x10, "security_revision_error"},
};
constexpr EnumEntry kApplyResults[] = {
    {0x00, "success"}, {0x01, "success_with_modified_activation"}, {0x02, "memory_write_issue"},
    {0x09, "timeout"}, {0x0A, "generic_error"},                    {0x10, "security_revision_error"},
};
constexpr FieldDef kTransferCompleteReq[] = {u8("transfer_result").names(kTransferResults).titled("Transfer result")};
constexpr FieldDef kVerifyCompleteReq[] = {u8("verify_result").names(kVerifyResults).titled("Verify result")};
constexpr FieldDef kApplyCompleteReq[] = {
    u8("apply_result").names(kApplyResults).titled("Apply result"),
    u16le("activation_methods_modification").flags(kActivationMethods).titled("Component activation methods modification"),
};

// ---- 0x1A ActivateFirmware ----------------------------------------------------------------------
constexpr FieldDef kActivateReq[] = {
    u8("self_contained_activation").names(kYesNo).titled("Self-contained activation request"),
};
constexpr FieldDef kActivateRsp[] = {
    u16le("estimated_time").titled("Estimated time for self-contained activation (s)"),
};

// ---- 0x1B GetStatus -----------------------------------------------------------------------------
constexpr EnumEntry kStates[] = {{0, "idle"},     {1, "learn_components"}, {2, "ready_xfer"}, {3, "download"},
                                 {4, "verify"},   {5, "apply"},            {6, "activate"}};
constexpr EnumEntry kAuxStates[] = {{0, "in_progress"},          {1, "success"},
                                    {2, "failed"},               {3, "idle_learn_ready_xfer"},
                                    {4, "self_contained_activation_failed"}};
constexpr EnumEntry kAuxStateStatus[] = {{0x00, "in_progress_or_success"}, {0x09, "timeout"}, {0x0A, "generic_error"}};
constexpr EnumEntry kReasonCodes[] = {{0, "initialization"},        {1, "activate_fw"},
                                      {2, "cancel_update"},         {3, "learn_components_timeout"},
                                      {4, "ready_xfer_timeout"},    {5, "download_timeout"},
                                      {6, "verify_timeout"},        {7, "apply_timeout"}};
// Progress is 0-100; libpldm's limit 0x65 may mean "not supported" [unverified], so no name.
constexpr FieldDef kGetStatusRsp[] = {
    u8("current_state").names(kStates).titled("Current state"),
    u8("previous_state").names(kStates).titled("Previous state"),
    u8("aux_state").names(kAuxStates).titled("Auxiliary state"),
    u8("aux_state_status").names(kAuxStateStatus).titled("Auxiliary state status"),
    u8("progress_percent").titled("Progress percent"),
    u8("reason_code").names(kReasonCodes).titled("Reason code"),
    u32le("update_option_flags_enabled").flags(kUpdateOptions).titled("Update option flags enabled"),
};

// ---- 0x1D CancelUpdate --------------------------------------------------------------------------
constexpr EnumEntry kFunctioning[] = {{0, "functioning"}, {1, "not_functioning"}};
constexpr FieldDef kCancelUpdateRsp[] = {
    u8("non_functioning_indication").names(kFunctioning).titled("Non-functioning component indication"),
    u64le("non_functioning_bitmap").hex().titled("Non-functioning component bitmap"),
};

// ---- 0x1E-0x22: newer commands, layouts not in our sources --------------------------------------
constexpr FieldDef kBody[] = {bytes("data").titled("Body")};

constexpr LayerDef kLayers[] = {
    message("pldm.fwup.request_update_req", "request_update", "RequestUpdate request", "pldm.fwup.request_update",
            0x10, true, kRequestUpdateReq, "RequestUpdate"),
    message("pldm.fwup.request_update_rsp", "request_update", "RequestUpdate response", "pldm.fwup.request_update",
            0x10, false, kRequestUpdateRsp, "RequestUpdate"),
    message("pldm.fwup.get_package_data_req", "get_package_data", "GetPackageData request", "pldm.fwup.get_pkg_data",
            0x11, true, kMultipartReq, "GetPackageData"),
    message("pldm.fwup.get_package_data_rsp", "get_package_data", "GetPackageData response", "pldm.fwup.get_pkg_data",
            0x11, false, kMultipartRsp, "GetPackageData"),
    message("pldm.fwup.get_device_metadata_req", "get_device_metadata", "GetDeviceMetaData request",
            "pldm.fwup.get_dev_metadata", 0x12, true, kMultipartReq, "GetDeviceMetaData"),
    message("pldm.fwup.get_device_metadata_rsp", "get_device_metadata", "GetDeviceMetaData response",
            "pldm.fwup.get_dev_metadata", 0x12, false, kMultipartRsp, "GetDeviceMetaData"),
    message("pldm.fwup.pass_component_table_req", "pass_component_table", "PassComponentTable request",
            "pldm.fwup.pass_comp", 0x13, true, kPassComponentReq, "PassComponentTable"),
    message("pldm.fwup.pass_component_table_rsp", "pass_component_table", "PassComponentTable response",
            "pldm.fwup.pass_comp", 0x13, false, kPassComponentRsp, "PassComponentTable"),
    message("pldm.fwup.update_component_req", "update_component", "UpdateComponent request", "pldm.fwup.update_comp",
            0x14, true, kUpdateComponentReq, "UpdateComponent"),
    message("pldm.fwup.update_component_rsp", "update_component", "UpdateComponent response", "pldm.fwup.update_comp",
            0x14, false, kUpdateComponentRsp, "UpdateComponent"),
    message("pldm.fwup.request_firmware_data_req", "request_firmware_data", "RequestFirmwareData request",
            "pldm.fwup.request_fw_data", 0x15, true, kRequestFwDataReq, "RequestFirmwareData"),
    message("pldm.fwup.request_firmware_data_rsp", "request_firmware_data", "RequestFirmwareData response",
            "pldm.fwup.request_fw_data", 0x15, false, kRequestFwDataRsp, "RequestFirmwareData"),
    message("pldm.fwup.transfer_complete_req", "transfer_complete", "TransferComplete request",
            "pldm.fwup.transfer_complete", 0x16, true, kTransferCompleteReq, "TransferComplete"),
    message("pldm.fwup.transfer_complete_rsp", "transfer_complete", "TransferComplete response",
            "pldm.fwup.transfer_complete", 0x16, false, {}, "TransferComplete"),
    message("pldm.fwup.verify_complete_req", "verify_complete", "VerifyComplete request", "pldm.fwup.verify_complete",
            0x17, true, kVerifyCompleteReq, "VerifyComplete"),
    message("pldm.fwup.verify_complete_rsp", "verify_complete", "VerifyComplete response", "pldm.fwup.verify_complete",
            0x17, false, {}, "VerifyComplete"),
    message("pldm.fwup.apply_complete_req", "apply_complete", "ApplyComplete request", "pldm.fwup.apply_complete",
            0x18, true, kApplyCompleteReq, "ApplyComplete"),
    message("pldm.fwup.apply_complete_rsp", "apply_complete", "ApplyComplete response", "pldm.fwup.apply_complete",
            0x18, false, {}, "ApplyComplete"),
    message("pldm.fwup.get_metadata_req", "get_metadata", "GetMetaData request", "pldm.fwup.get_metadata", 0x19,
            true, kMultipartReq, "GetMetaData"),
    message("pldm.fwup.get_metadata_rsp", "get_metadata", "GetMetaData response", "pldm.fwup.get_metadata", 0x19,
            false, kMultipartRsp, "GetMetaData"),
    message("pldm.fwup.activate_firmware_req", "activate_firmware", "ActivateFirmware request", "pldm.fwup.activate",
            0x1A, true, kActivateReq, "ActivateFirmware"),
    message("pldm.fwup.activate_firmware_rsp", "activate_firmware", "ActivateFirmware response", "pldm.fwup.activate",
            0x1A, false, kActivateRsp, "ActivateFirmware"),
    message("pldm.fwup.get_status_req", "get_status", "GetStatus request", "pldm.fwup.get_status", 0x1B, true, {},
            "GetStatus"),
    message("pldm.fwup.get_status_rsp", "get_status", "GetStatus response", "pldm.fwup.get_status", 0x1B, false,
            kGetStatusRsp, "GetStatus"),
    message("pldm.fwup.cancel_update_component_req", "cancel_update_component", "CancelUpdateComponent request",
            "pldm.fwup.cancel_comp", 0x1C, true, {}, "CancelUpdateComponent"),
    message("pldm.fwup.cancel_update_component_rsp", "cancel_update_component", "CancelUpdateComponent response",
            "pldm.fwup.cancel_comp", 0x1C, false, {}, "CancelUpdateComponent"),
    message("pldm.fwup.cancel_update_req", "cancel_update", "CancelUpdate request", "pldm.fwup.cancel_update", 0x1D,
            true, {}, "CancelUpdate"),
    message("pldm.fwup.cancel_update_rsp", "cancel_update", "CancelUpdate response", "pldm.fwup.cancel_update", 0x1D,
            false, kCancelUpdateRsp, "CancelUpdate"),
    message("pldm.fwup.activate_pending_component_image_set_req", "activate_pending_component_image_set",
            "ActivatePendingComponentImageSet request", "pldm.fwup.activate_pending_set", 0x1E, true, kBody,
            "ActivatePendingComponentImageSet"),
    message("pldm.fwup.activate_pending_component_image_set_rsp", "activate_pending_component_image_set",
            "ActivatePendingComponentImageSet response", "pldm.fwup.activate_pending_set", 0x1E, false, kBody,
            "ActivatePendingComponentImageSet"),
    message("pldm.fwup.activate_pending_component_image_req", "activate_pending_component_image",
            "ActivatePendingComponentImage request", "pldm.fwup.activate_pending", 0x1F, true, kBody,
            "ActivatePendingComponentImage"),
    message("pldm.fwup.activate_pending_component_image_rsp", "activate_pending_component_image",
            "ActivatePendingComponentImage response", "pldm.fwup.activate_pending", 0x1F, false, kBody,
            "ActivatePendingComponentImage"),
    message("pldm.fwup.request_downstream_device_update_req", "request_downstream_device_update",
            "RequestDownstreamDeviceUpdate request", "pldm.fwup.request_ds_update", 0x20, true, kBody,
            "RequestDownstreamDeviceUpdate"),
    message("pldm.fwup.request_downstream_device_update_rsp", "request_downstream_device_update",
            "RequestDownstreamDeviceUpdate response", "pldm.fwup.request_ds_update", 0x20, false, kBody,
            "RequestDownstreamDeviceUpdate"),
    message("pldm.fwup.get_component_opaque_data_req", "get_component_opaque_data",
            "GetComponentOpaqueData request", "pldm.fwup.get_opaque_data", 0x21, true, kBody,
            "GetComponentOpaqueData"),
    message("pldm.fwup.get_component_opaque_data_rsp", "get_component_opaque_data",
            "GetComponentOpaqueData response", "pldm.fwup.get_opaque_data", 0x21, false, kBody,
            "GetComponentOpaqueData"),
    message("pldm.fwup.update_security_revision_req", "update_security_revision",
            "UpdateSecurityRevision request", "pldm.fwup.update_security_rev", 0x22, true, kBody,
            "UpdateSecurityRevision"),
    message("pldm.fwup.update_security_revision_rsp", "update_security_revision",
            "UpdateSecurityRevision response", "pldm.fwup.update_security_rev", 0x22, false, kBody,
            "UpdateSecurityRevision"),
};

}  // namespace

namespace detail {

void register_firmware_update_transfer(Registry& registry) {
  for (const LayerDef& def : kLayers) registry.declare(def);
}

}  // namespace detail

}  // namespace mctpkit::pldm
