// PLDM SMBIOS, BIOS, RDE, file transfer and OEM commands: the codes of the protocol reference
// 6.10, each a request and a response layer with a byte body.

#include "fru_test_support.hpp"
#include "mctpkit/pldm/other_types.hpp"

namespace mctpkit::pldm {
namespace {

struct Command {
  std::string_view type;   // PLDM type byte, hex
  std::string_view code;   // command code, hex
  std::string_view name;   // id stem and craft name
  std::string_view title;  // summary name
};

// Written from the reference's table, one line per command.
constexpr Command kCommands[] = {
    {"01", "01", "smbios.get_smbios_structure_table_metadata", "GetSMBIOSStructureTableMetadata"},
    {"01", "02", "smbios.set_smbios_structure_table_metadata", "SetSMBIOSStructureTableMetadata"},
    {"01", "03", "smbios.get_smbios_structure_table", "GetSMBIOSStructureTable"},
    {"01", "04", "smbios.set_smbios_structure_table", "SetSMBIOSStructureTable"},
    {"01", "05", "smbios.get_smbios_structure_by_type", "GetSMBIOSStructureByType"},
    {"01", "06", "smbios.get_smbios_structure_by_handle", "GetSMBIOSStructureByHandle"},
    {"03", "01", "bios.get_bios_table", "GetBIOSTable"},
    {"03", "02", "bios.set_bios_table", "SetBIOSTable"},
    {"03", "03", "bios.update_bios_table", "UpdateBIOSTable"},
    {"03", "04", "bios.get_bios_table_tags", "GetBIOSTableTags"},
    {"03", "05", "bios.set_bios_table_tags", "SetBIOSTableTags"},
    {"03", "06", "bios.accept_bios_attributes_pending_values", "AcceptBIOSAttributesPendingValues"},
    {"03", "07", "bios.set_bios_attribute_current_value", "SetBIOSAttributeCurrentValue"},
    {"03", "08", "bios.get_bios_attribute_current_value_by_handle", "GetBIOSAttributeCurrentValueByHandle"},
    {"03", "09", "bios.get_bios_attribute_pending_value_by_handle", "GetBIOSAttributePendingValueByHandle"},
    {"03", "0A", "bios.get_bios_attribute_current_value_by_type", "GetBIOSAttributeCurrentValueByType"},
    {"03", "0B", "bios.get_bios_attribute_pending_value_by_type", "GetBIOSAttributePendingValueByType"},
    {"03", "0C", "bios.get_date_time", "GetDateTime"},
    {"03", "0D", "bios.set_date_time", "SetDateTime"},
    {"03", "0E", "bios.get_bios_string_table_string_type", "GetBIOSStringTableStringType"},
    {"03", "0F", "bios.set_bios_string_table_string_type", "SetBIOSStringTableStringType"},
    {"06", "01", "rde.negotiate_redfish_parameters", "NegotiateRedfishParameters"},
    {"06", "02", "rde.negotiate_medium_parameters", "NegotiateMediumParameters"},
    {"06", "03", "rde.get_schema_dictionary", "GetSchemaDictionary"},
    {"06", "04", "rde.get_schema_uri", "GetSchemaURI"},
    {"06", "05", "rde.get_resource_etag", "GetResourceETag"},
    {"06", "06", "rde.get_oem_count", "GetOEMCount"},
    {"06", "07", "rde.get_oem_name", "GetOEMName"},
    {"06", "08", "rde.get_registry_count", "GetRegistryCount"},
    {"06", "09", "rde.get_registry_details", "GetRegistryDetails"},
    {"06", "0A", "rde.select_registry_version", "SelectRegistryVersion"},
    {"06", "0B", "rde.get_message_registry", "GetMessageRegistry"},
    {"06", "0C", "rde.get_schema_file", "GetSchemaFile"},
    {"06", "10", "rde.rde_operation_init", "RDEOperationInit"},
    {"06", "11", "rde.supply_custom_request_parameters", "SupplyCustomRequestParameters"},
    {"06", "12", "rde.retrieve_custom_response_parameters", "RetrieveCustomResponseParameters"},
    {"06", "13", "rde.rde_operation_complete", "RDEOperationComplete"},
    {"06", "14", "rde.rde_operation_status", "RDEOperationStatus"},
    {"06", "15", "rde.rde_operation_kill", "RDEOperationKill"},
    {"06", "16", "rde.rde_operation_enumerate", "RDEOperationEnumerate"},
    {"06", "30", "rde.rde_multipart_send", "RDEMultipartSend"},
    {"06", "31", "rde.rde_multipart_receive", "RDEMultipartReceive"},
    {"07", "01", "file.df_open", "DfOpen"},
    {"07", "02", "file.df_close", "DfClose"},
    {"07", "03", "file.df_heartbeat", "DfHeartbeat"},
    {"07", "10", "file.df_properties", "DfProperties"},
    {"07", "11", "file.df_get_file_attribute", "DfGetFileAttribute"},
    {"07", "12", "file.df_set_file_attribute", "DfSetFileAttribute"},
    {"07", "20", "file.df_read", "DfRead"},
    {"07", "21", "file.df_fifo_send", "DfFifoSend"},
    {"3F", "00", "oem.oem_echo", "OEMEcho"},
    {"3F", "01", "oem.oem_ipmi_bridge", "OEMIPMIBridge"},
};

TEST(PldmOtherTypes, EveryCommandHasARequestAndAResponseLayer) {
  for (const Command& c : kCommands) {
    std::string stem = "pldm." + std::string(c.name);
    std::string req_id = stem + "_req", rsp_id = stem + "_rsp";
    const LayerDef* req = test::registry().layer(req_id);
    const LayerDef* rsp = test::registry().layer(rsp_id);
    ASSERT_NE(req, nullptr) << req_id;
    ASSERT_NE(rsp, nullptr) << rsp_id;
    std::string craft(c.name.substr(c.name.find('.') + 1));
    EXPECT_EQ(req->name_for_craft(), craft);
    EXPECT_EQ(rsp->name_for_craft(), craft);
    EXPECT_EQ(req->abbrev, rsp->abbrev);
    EXPECT_EQ(req->abbrev.substr(0, stem.find('.', 5) + 1), stem.substr(0, stem.find('.', 5) + 1));

    test::check({req_id, "80 " + std::string(c.type) + " " + std::string(c.code) + " 01 02", {req_id},
                 std::string(c.title) + " (data: 01 02)", 0, [req] {
                   return test::crafted(Layer(kHeader, {{"iid", 0}}), Layer(*req, {{"data", Bytes{1, 2}}}));
                 }});
    test::check({rsp_id, "05 " + std::string(c.type) + " " + std::string(c.code) + " 00", {rsp_id},
                 std::string(c.title) + " (data: (none))", 0,
                 [rsp] { return test::crafted(test::response_header(), Layer(*rsp)); }});
  }
  EXPECT_EQ(other_type_layers().size(), 2 * std::size(kCommands));  // nothing untested
}

TEST(PldmOtherTypes, AnErrorResponseHasNoBodyLayer) {
  Frame f = decode(test::packet("05 03 01 83"), "mctp", test::registry());  // BIOS table unavailable
  EXPECT_EQ(test::diagnostics(f), "");
  EXPECT_EQ(f.layers.size(), 2u);
}

TEST(PldmOtherTypes, UnlistedCodeIsUnknownAndRaw) {
  Frame f = decode(test::packet("80 03 40 AA"), "mctp", test::registry());
  ASSERT_EQ(f.layers.size(), 3u);
  EXPECT_EQ(f.layers[2].def().id, "raw");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].kind, DiagKind::UnknownType);
}

}  // namespace
}  // namespace mctpkit::pldm
