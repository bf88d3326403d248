// PLDM firmware update inventory commands (DSP0267 0x01-0x05): device identifiers with their
// descriptors, firmware parameters with the component parameter table, and the downstream
// device variants (DSP0267 1.1; layouts from libpldm, the reference lists only their codes).

#include "mctpkit/core/derive.hpp"
#include "mctpkit/pldm/firmware_update.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

namespace {

using detail::kActivationMethods;
using detail::kClassifications;
using detail::kStringTypes;
using detail::kTransferFlags;
using detail::kTransferOperations;

// ---- descriptors: type(2), length(2), data ------------------------------------------------------
constexpr EnumEntry kDescriptorTypes[] = {
    {0x0000, "pci_vendor_id"},        {0x0001, "iana_enterprise_id"},  {0x0002, "uuid"},
    {0x0003, "pnp_vendor_id"},        {0x0004, "acpi_vendor_id"},      {0x0005, "ieee_company_id"},
    {0x0006, "scsi_vendor_id"},       {0x0100, "pci_device_id"},       {0x0101, "pci_subsystem_vendor_id"},
    {0x0102, "pci_subsystem_id"},     {0x0103, "pci_revision_id"},     {0x0104, "pnp_product_id"},
    {0x0105, "acpi_product_id"},      {0x0106, "ascii_model_number_long"}, {0x0107, "ascii_model_number_short"},
    {0x0108, "scsi_product_id"},      {0x0109, "ubm_controller_device_code"}, {0x010A, "ieee_eui64"},
    {0x010B, "pci_revision_id_range"}, {0xFFFF, "vendor_defined"},
};

// What the data holds decides how it is shown. The model numbers are ASCII by name; PnP, ACPI
// and SCSI vendor/product ids are ASCII in their own specifications [unverified for DSP0267].
// A length that does not fit the type leaves the data as bytes.
enum class DescriptorKind { Uuid, Text, Id16, Iana, Vendor, Other };

DescriptorKind kind_by_type(std::uint64_t type) {
  switch (type) {
    case 0x0002: return DescriptorKind::Uuid;
    case 0x0003: case 0x0004: case 0x0006: case 0x0106: case 0x0107: case 0x0108: return DescriptorKind::Text;
    case 0x0000: case 0x0100: case 0x0101: case 0x0102: return DescriptorKind::Id16;
    case 0x0001: return DescriptorKind::Iana;
    case 0xFFFF: return DescriptorKind::Vendor;
    default: return DescriptorKind::Other;
  }
}

DescriptorKind kind_of(const Fields& f) {
  DescriptorKind kind = kind_by_type(f.num("type"));
  auto length = f.get("length");
  if (!length) return kind;  // building, before the length is derived
  switch (kind) {
    case DescriptorKind::Uuid: return *length == 16 ? kind : DescriptorKind::Other;
    case DescriptorKind::Id16: return *length == 2 ? kind : DescriptorKind::Other;
    case DescriptorKind::Iana: return *length == 4 ? kind : DescriptorKind::Other;
    case DescriptorKind::Vendor: return *length >= 2 ? kind : DescriptorKind::Other;
    default: return kind;
  }
}

bool is_uuid(const Fields& f) { return kind_of(f) == DescriptorKind::Uuid; }
bool is_text(const Fields& f) { return kind_of(f) == DescriptorKind::Text; }
bool is_id16(const Fields& f) { return kind_of(f) == DescriptorKind::Id16; }
bool is_iana(const Fields& f) { return kind_of(f) == DescriptorKind::Iana; }
bool is_vendor(const Fields& f) { return kind_of(f) == DescriptorKind::Vendor; }
bool is_other(const Fields& f) { return kind_of(f) == DescriptorKind::Other; }

// The content that was given decides the length (a decoded descriptor whose length did not fit
// its type keeps its bytes in `data`); with none given, the type does.
std::uint64_t descriptor_length(const DeriveContext& c) {
  const Fields& f = c.fields;
  if (f.has("data")) return f.bytes("data").size();
  if (f.has("text")) return f.bytes("text").size();
  if (f.has("uuid")) return 16;
  if (f.has("id")) return 2;
  if (f.has("iana")) return 4;
  switch (kind_of(f)) {
    case DescriptorKind::Uuid: return 16;
    case DescriptorKind::Text: return f.bytes("text").size();
    case DescriptorKind::Id16: return 2;
    case DescriptorKind::Iana: return 4;
    case DescriptorKind::Vendor: return 2 + f.bytes("title").size() + f.bytes("vendor_data").size();
    case DescriptorKind::Other: break;
  }
  return f.bytes("data").size();
}

// Vendor-defined data is what the descriptor length leaves after the title.
std::size_t vendor_data_length(const Fields& f, std::size_t) {
  std::uint64_t used = 2 + f.num("title_length");
  std::uint64_t length = f.num("length");
  return length > used ? static_cast<std::size_t>(length - used) : 0;
}

constexpr FieldDef kDescriptorFields[] = {
    u16le("type").hex().names(kDescriptorTypes).titled("Descriptor type"),
    u16le("length").derived(descriptor_length).titled("Descriptor length"),
    uuid("uuid").when(is_uuid).titled("UUID"),
    bytes("text").length_from("length").show(Display::Ascii).when(is_text).titled("Identifier"),
    u16le("id").hex().when(is_id16).titled("Identifier"),
    u32le("iana").when(is_iana).titled("IANA enterprise ID"),
    u8("title_type").names(kStringTypes).fallback(1).when(is_vendor).titled("Title string type"),
    u8("title_length").length_of("title").when(is_vendor).titled("Title string length"),
    bytes("title").length_from("title_length").show(Display::Ascii).when(is_vendor).titled("Title string"),
    bytes("vendor_data").length_by(vendor_data_length).when(is_vendor).titled("Vendor-defined data"),
    bytes("data").length_from("length").when(is_other).titled("Descriptor data"),
};

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

// ---- 0x01 QueryDeviceIdentifiers ----------------------------------------------------------------
constexpr FieldDef kQueryIdsRsp[] = {
    u32le("device_identifiers_length").length_of("descriptors").titled("Device identifiers length"),
    u8("descriptor_count").count_of("descriptors").titled("Descriptor count"),
    list("descriptors", detail::kDescriptor).length_from("descriptor_count").titled("Descriptors"),
};

// ---- 0x02 GetFirmwareParameters -----------------------------------------------------------------
constexpr FieldDef kComponentEntry[] = {
    u16le("classification").names(kClassifications).titled("Component classification"),
    u16le("identifier").hex().titled("Component identifier"),
    u8("classification_index").titled("Component classification index"),
    u32le("active_comparison_stamp").hex().titled("Active component comparison stamp"),
    u8("active_ver_str_type").names(kStringTypes).fallback(1).titled("Active version string type"),
    u8("active_ver_str_len").length_of("active_ver_str").titled("Active version string length"),
    bytes("active_release_date").fixed(8).show(Display::Ascii).titled("Active component release date"),
    u32le("pending_comparison_stamp").hex().titled("Pending component comparison stamp"),
    u8("pending_ver_str_type").names(kStringTypes).fallback(1).titled("Pending version string type"),
    u8("pending_ver_str_len").length_of("pending_ver_str").titled("Pending version string length"),
    bytes("pending_release_date").fixed(8).show(Display::Ascii).titled("Pending component release date"),
    u16le("activation_methods").flags(kActivationMethods).titled("Component activation methods"),
    u32le("capabilities_during_update").hex().titled("Capabilities during update"),
    bytes("active_ver_str").length_from("active_ver_str_len").show(Display::Ascii).titled("Active version string"),
    bytes("pending_ver_str").length_from("pending_ver_str_len").show(Display::Ascii).titled("Pending version string"),
};
constexpr StructDef kComponentStruct{"component_parameters", kComponentEntry, {}, ", ", "Component parameter table entry"};

constexpr FieldDef kGetParamsRsp[] = {
    u32le("capabilities_during_update").hex().titled("Capabilities during update"),
    u16le("component_count").count_of("components").titled("Component count"),
    u8("active_ver_str_type").names(kStringTypes).fallback(1).titled("Active image set version string type"),
    u8("active_ver_str_len").length_of("active_ver_str").titled("Active image set version string length"),
    u8("pending_ver_str_type").names(kStringTypes).fallback(1).titled("Pending image set version string type"),
    u8("pending_ver_str_len").length_of("pending_ver_str").titled("Pending image set version string length"),
    bytes("active_ver_str").length_from("active_ver_str_len").show(Display::Ascii).titled("Active image set version"),
    bytes("pending_ver_str").length_from("pending_ver_str_len").show(Display::Ascii).titled("Pending image set version"),
    list("components", kComponentStruct).length_from("component_count").titled("Component parameter table"),
};

// ---- 0x03 QueryDownstreamDevices ----------------------------------------------------------------
constexpr EnumEntry kSupported[] = {{0, "not_supported"}, {1, "supported"}};
constexpr FieldDef kQueryDownstreamDevicesRsp[] = {
    u8("update_supported").names(kSupported).titled("Downstream device update supported"),
    u16le("device_count").titled("Number of downstream devices"),
    u16le("max_device_count").titled("Maximum number of downstream devices"),
    u32le("capabilities").hex().titled("Capabilities"),
};

// ---- 0x04 QueryDownstreamIdentifiers / 0x05 GetDownstreamFirmwareParameters ----------------------
// Multipart: only a whole answer (start_and_end) is decoded; a portion of a split one is bytes.
bool whole(const Fields& f) { return f.num("transfer_flag") == detail::kStartAndEnd; }
bool portion(const Fields& f) { return !whole(f); }

constexpr FieldDef kMultipartReq[] = {
    u32le("data_transfer_handle").hex().titled("Data transfer handle"),
    u8("transfer_operation_flag").names(kTransferOperations).fallback(1).titled("Transfer operation flag"),
};

constexpr FieldDef kDownstreamDevice[] = {
    u16le("index").titled("Downstream device index"),
    u8("descriptor_count").count_of("descriptors").titled("Downstream descriptor count"),
    list("descriptors", detail::kDescriptor).length_from("descriptor_count").titled("Downstream descriptors"),
};
constexpr StructDef kDownstreamDeviceStruct{"downstream_device", kDownstreamDevice, {}, ", ", "Downstream device"};

constexpr FieldDef kQueryDownstreamIdsRsp[] = {
    u32le("next_data_transfer_handle").hex().titled("Next data transfer handle"),
    u8("transfer_flag").names(kTransferFlags).fallback(detail::kStartAndEnd).titled("Transfer flag"),
    u32le("devices_length").length_of("devices").when(whole).titled("Downstream devices length"),
    u16le("device_count").count_of("devices").when(whole).titled("Number of downstream devices"),
    list("devices", kDownstreamDeviceStruct).length_from("device_count").when(whole).titled("Downstream devices"),
    bytes("portion").when(portion).titled("Portion of the response"),
};

constexpr FieldDef kDownstreamParams[] = {
    u16le("index").titled("Downstream device index"),
    u32le("active_comparison_stamp").hex().titled("Active component comparison stamp"),
    u8("active_ver_str_type").names(kStringTypes).fallback(1).titled("Active version string type"),
    u8("active_ver_str_len").length_of("active_ver_str").titled("Active version string length"),
    bytes("active_release_date").fixed(8).show(Display::Ascii).titled("Active component release date"),
    u32le("pending_comparison_stamp").hex().titled("Pending component comparison stamp"),
    u8("pending_ver_str_type").names(kStringTypes).fallback(1).titled("Pending version string type"),
    u8("pending_ver_str_len").length_of("pending_ver_str").titled("Pending version string length"),
    bytes("pending_release_date").fixed(8).show(Display::Ascii).titled("Pending component release date"),
    u16le("activation_methods").flags(kActivationMethods).titled("Component activation methods"),
    u32le("capabilities_during_update").hex().titled("Capabilities during update"),
    bytes("active_ver_str").length_from("active_ver_str_len").show(Display::Ascii).titled("Active version string"),
    bytes("pending_ver_str").length_from("pending_ver_str_len").show(Display::Ascii).titled("Pending version string"),
};
constexpr StructDef kDownstreamParamsStruct{"downstream_parameters", kDownstreamParams, {}, ", ",
                                            "Downstream device parameter table entry"};

constexpr FieldDef kGetDownstreamParamsRsp[] = {
    u32le("next_data_transfer_handle").hex().titled("Next data transfer handle"),
    u8("transfer_flag").names(kTransferFlags).fallback(detail::kStartAndEnd).titled("Transfer flag"),
    u32le("capabilities_during_update").hex().when(whole).titled("FDP capabilities during update"),
    u16le("device_count").count_of("devices").when(whole).titled("Downstream device count"),
    list("devices", kDownstreamParamsStruct).length_from("device_count").when(whole).titled("Downstream device parameter table"),
    bytes("portion").when(portion).titled("Portion of the response"),
};

constexpr LayerDef kLayers[] = {
    message("pldm.fwup.query_device_identifiers_req", "query_device_identifiers",
            "QueryDeviceIdentifiers request", "pldm.fwup.query_ids", 0x01, true, {}, "QueryDeviceIdentifiers"),
    message("pldm.fwup.query_device_identifiers_rsp", "query_device_identifiers",
            "QueryDeviceIdentifiers response", "pldm.fwup.query_ids", 0x01, false, kQueryIdsRsp,
            "QueryDeviceIdentifiers"),
    message("pldm.fwup.get_firmware_parameters_req", "get_firmware_parameters",
            "GetFirmwareParameters request", "pldm.fwup.get_params", 0x02, true, {}, "GetFirmwareParameters"),
    message("pldm.fwup.get_firmware_parameters_rsp", "get_firmware_parameters",
            "GetFirmwareParameters response", "pldm.fwup.get_params", 0x02, false, kGetParamsRsp,
            "GetFirmwareParameters"),
    message("pldm.fwup.query_downstream_devices_req", "query_downstream_devices",
            "QueryDownstreamDevices request", "pldm.fwup.query_ds_devices", 0x03, true, {},
            "QueryDownstreamDevices"),
    message("pldm.fwup.query_downstream_devices_rsp", "query_downstream_devices",
            "QueryDownstreamDevices response", "pldm.fwup.query_ds_devices", 0x03, false,
            kQueryDownstreamDevicesRsp, "QueryDownstreamDevices"),
    message("pldm.fwup.query_downstream_identifiers_req", "query_downstream_identifiers",
            "QueryDownstreamIdentifiers request", "pldm.fwup.query_ds_ids", 0x04, true, kMultipartReq,
            "QueryDownstreamIdentifiers"),
    message("pldm.fwup.query_downstream_identifiers_rsp", "query_downstream_identifiers",
            "QueryDownstreamIdentifiers response", "pldm.fwup.query_ds_ids", 0x04, false,
            kQueryDownstreamIdsRsp, "QueryDownstreamIdentifiers"),
    message("pldm.fwup.get_downstream_firmware_parameters_req", "get_downstream_firmware_parameters",
            "GetDownstreamFirmwareParameters request", "pldm.fwup.get_ds_params", 0x05, true, kMultipartReq,
            "GetDownstreamFirmwareParameters"),
    message("pldm.fwup.get_downstream_firmware_parameters_rsp", "get_downstream_firmware_parameters",
            "GetDownstreamFirmwareParameters response", "pldm.fwup.get_ds_params", 0x05, false,
            kGetDownstreamParamsRsp, "GetDownstreamFirmwareParameters"),
};

}  // namespace

namespace detail {

constexpr StructDef kDescriptor{"descriptor", kDescriptorFields, {}, ", ", "Descriptor"};

void register_firmware_update_inventory(Registry& registry) {
  for (const LayerDef& def : kLayers) registry.declare(def);
}

}  // namespace detail

}  // namespace mctpkit::pldm
