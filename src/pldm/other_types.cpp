// PLDM types the protocol reference covers by command code only (6.10): SMBIOS, BIOS, RDE, file
// transfer and OEM. Each command gets a request and a response layer with the body as bytes, so
// a capture names the command and a craft expression can build it; decoding the bodies is work
// for when their layouts are checked against the specifications.

#include "mctpkit/pldm/other_types.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

namespace {

constexpr FieldDef kBody[] = {bytes("data").titled("Body")};

constexpr LayerDef body(std::string_view id, std::string_view craft, std::string_view title,
                        std::string_view abbrev, std::string_view summary, std::uint8_t type, std::uint8_t code,
                        bool request) {
  return LayerDef{.id = id,
                  .craft_name = craft,
                  .title = title,
                  .abbrev = abbrev,
                  .fields = kBody,
                  .summary = summary,
                  .bind = command_binding(type, code, request)};
}

// One line per command: its request and response layers. `tag` is the type's abbreviation,
// `name` the craft name (also the id), `abbrev` the short field prefix, `Title` the command.
#define MCTPKIT_PLDM_COMMAND(tag, name, abbrev, Title, type, code)                                          \
  body("pldm." tag "." name "_req", name, Title " request", "pldm." tag "." abbrev, Title, type, code, true), \
      body("pldm." tag "." name "_rsp", name, Title " response", "pldm." tag "." abbrev, Title, type, code, false)

constexpr LayerDef kLayers[] = {
    // SMBIOS (0x01)
    MCTPKIT_PLDM_COMMAND("smbios", "get_smbios_structure_table_metadata", "get_metadata", "GetSMBIOSStructureTableMetadata", kSmbios, 0x01),
    MCTPKIT_PLDM_COMMAND("smbios", "set_smbios_structure_table_metadata", "set_metadata", "SetSMBIOSStructureTableMetadata", kSmbios, 0x02),
    MCTPKIT_PLDM_COMMAND("smbios", "get_smbios_structure_table", "get_table", "GetSMBIOSStructureTable", kSmbios, 0x03),
    MCTPKIT_PLDM_COMMAND("smbios", "set_smbios_structure_table", "set_table", "SetSMBIOSStructureTable", kSmbios, 0x04),
    MCTPKIT_PLDM_COMMAND("smbios", "get_smbios_structure_by_type", "get_by_type", "GetSMBIOSStructureByType", kSmbios, 0x05),
    MCTPKIT_PLDM_COMMAND("smbios", "get_smbios_structure_by_handle", "get_by_handle", "GetSMBIOSStructureByHandle", kSmbios, 0x06),
    // BIOS control and configuration (0x03)
    MCTPKIT_PLDM_COMMAND("bios", "get_bios_table", "get_table", "GetBIOSTable", kBios, 0x01),
    MCTPKIT_PLDM_COMMAND("bios", "set_bios_table", "set_table", "SetBIOSTable", kBios, 0x02),
    MCTPKIT_PLDM_COMMAND("bios", "update_bios_table", "update_table", "UpdateBIOSTable", kBios, 0x03),
    MCTPKIT_PLDM_COMMAND("bios", "get_bios_table_tags", "get_tags", "GetBIOSTableTags", kBios, 0x04),
    MCTPKIT_PLDM_COMMAND("bios", "set_bios_table_tags", "set_tags", "SetBIOSTableTags", kBios, 0x05),
    MCTPKIT_PLDM_COMMAND("bios", "accept_bios_attributes_pending_values", "accept_pending", "AcceptBIOSAttributesPendingValues", kBios, 0x06),
    MCTPKIT_PLDM_COMMAND("bios", "set_bios_attribute_current_value", "set_current", "SetBIOSAttributeCurrentValue", kBios, 0x07),
    MCTPKIT_PLDM_COMMAND("bios", "get_bios_attribute_current_value_by_handle", "get_current_by_handle", "GetBIOSAttributeCurrentValueByHandle", kBios, 0x08),
    MCTPKIT_PLDM_COMMAND("bios", "get_bios_attribute_pending_value_by_handle", "get_pending_by_handle", "GetBIOSAttributePendingValueByHandle", kBios, 0x09),
    MCTPKIT_PLDM_COMMAND("bios", "get_bios_attribute_current_value_by_type", "get_current_by_type", "GetBIOSAttributeCurrentValueByType", kBios, 0x0A),
    MCTPKIT_PLDM_COMMAND("bios", "get_bios_attribute_pending_value_by_type", "get_pending_by_type", "GetBIOSAttributePendingValueByType", kBios, 0x0B),
    MCTPKIT_PLDM_COMMAND("bios", "get_date_time", "get_date_time", "GetDateTime", kBios, 0x0C),
    MCTPKIT_PLDM_COMMAND("bios", "set_date_time", "set_date_time", "SetDateTime", kBios, 0x0D),
    MCTPKIT_PLDM_COMMAND("bios", "get_bios_string_table_string_type", "get_string_type", "GetBIOSStringTableStringType", kBios, 0x0E),
    MCTPKIT_PLDM_COMMAND("bios", "set_bios_string_table_string_type", "set_string_type", "SetBIOSStringTableStringType", kBios, 0x0F),
    // Redfish Device Enablement (0x06)
    MCTPKIT_PLDM_COMMAND("rde", "negotiate_redfish_parameters", "negotiate_redfish", "NegotiateRedfishParameters", kRde, 0x01),
    MCTPKIT_PLDM_COMMAND("rde", "negotiate_medium_parameters", "negotiate_medium", "NegotiateMediumParameters", kRde, 0x02),
    MCTPKIT_PLDM_COMMAND("rde", "get_schema_dictionary", "get_dictionary", "GetSchemaDictionary", kRde, 0x03),
    MCTPKIT_PLDM_COMMAND("rde", "get_schema_uri", "get_schema_uri", "GetSchemaURI", kRde, 0x04),
    MCTPKIT_PLDM_COMMAND("rde", "get_resource_etag", "get_etag", "GetResourceETag", kRde, 0x05),
    MCTPKIT_PLDM_COMMAND("rde", "get_oem_count", "get_oem_count", "GetOEMCount", kRde, 0x06),
    MCTPKIT_PLDM_COMMAND("rde", "get_oem_name", "get_oem_name", "GetOEMName", kRde, 0x07),
    MCTPKIT_PLDM_COMMAND("rde", "get_registry_count", "get_registry_count", "GetRegistryCount", kRde, 0x08),
    MCTPKIT_PLDM_COMMAND("rde", "get_registry_details", "get_registry_details", "GetRegistryDetails", kRde, 0x09),
    MCTPKIT_PLDM_COMMAND("rde", "select_registry_version", "select_registry", "SelectRegistryVersion", kRde, 0x0A),
    MCTPKIT_PLDM_COMMAND("rde", "get_message_registry", "get_message_registry", "GetMessageRegistry", kRde, 0x0B),
    MCTPKIT_PLDM_COMMAND("rde", "get_schema_file", "get_schema_file", "GetSchemaFile", kRde, 0x0C),
    MCTPKIT_PLDM_COMMAND("rde", "rde_operation_init", "op_init", "RDEOperationInit", kRde, 0x10),
    MCTPKIT_PLDM_COMMAND("rde", "supply_custom_request_parameters", "supply_params", "SupplyCustomRequestParameters", kRde, 0x11),
    MCTPKIT_PLDM_COMMAND("rde", "retrieve_custom_response_parameters", "retrieve_params", "RetrieveCustomResponseParameters", kRde, 0x12),
    MCTPKIT_PLDM_COMMAND("rde", "rde_operation_complete", "op_complete", "RDEOperationComplete", kRde, 0x13),
    MCTPKIT_PLDM_COMMAND("rde", "rde_operation_status", "op_status", "RDEOperationStatus", kRde, 0x14),
    MCTPKIT_PLDM_COMMAND("rde", "rde_operation_kill", "op_kill", "RDEOperationKill", kRde, 0x15),
    MCTPKIT_PLDM_COMMAND("rde", "rde_operation_enumerate", "op_enumerate", "RDEOperationEnumerate", kRde, 0x16),
    MCTPKIT_PLDM_COMMAND("rde", "rde_multipart_send", "multipart_send", "RDEMultipartSend", kRde, 0x30),
    MCTPKIT_PLDM_COMMAND("rde", "rde_multipart_receive", "multipart_receive", "RDEMultipartReceive", kRde, 0x31),
    // File transfer (0x07)
    MCTPKIT_PLDM_COMMAND("file", "df_open", "open", "DfOpen", kFileTransfer, 0x01),
    MCTPKIT_PLDM_COMMAND("file", "df_close", "close", "DfClose", kFileTransfer, 0x02),
    MCTPKIT_PLDM_COMMAND("file", "df_heartbeat", "heartbeat", "DfHeartbeat", kFileTransfer, 0x03),
    MCTPKIT_PLDM_COMMAND("file", "df_properties", "properties", "DfProperties", kFileTransfer, 0x10),
    MCTPKIT_PLDM_COMMAND("file", "df_get_file_attribute", "get_attribute", "DfGetFileAttribute", kFileTransfer, 0x11),
    MCTPKIT_PLDM_COMMAND("file", "df_set_file_attribute", "set_attribute", "DfSetFileAttribute", kFileTransfer, 0x12),
    MCTPKIT_PLDM_COMMAND("file", "df_read", "read", "DfRead", kFileTransfer, 0x20),
    MCTPKIT_PLDM_COMMAND("file", "df_fifo_send", "fifo_send", "DfFifoSend", kFileTransfer, 0x21),
    // OEM (0x3F): vendor defined; these two are Meta OpenBIC's (the IPMI bridge body is described in
    // the reference 10.1 and left to a decoder that knows the vendor).
    MCTPKIT_PLDM_COMMAND("oem", "oem_echo", "echo", "OEMEcho", kOem, 0x00),
    MCTPKIT_PLDM_COMMAND("oem", "oem_ipmi_bridge", "ipmi_bridge", "OEMIPMIBridge", kOem, 0x01),
};

#undef MCTPKIT_PLDM_COMMAND

}  // namespace

std::span<const LayerDef> other_type_layers() { return kLayers; }

void register_other_types(Registry& registry) {
  for (const LayerDef& def : kLayers) registry.declare(def);
}

}  // namespace mctpkit::pldm
