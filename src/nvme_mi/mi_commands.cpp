// NVMe-MI commands (NMIMT 1; reference 8.3, 8.4): the request header (opcode), one layer per
// opcode for the management doublewords NMD0/NMD1 and request data, and the response header.
// Everything is little-endian, so the bits of a doubleword are declared byte by byte, low
// byte first, and within a byte from bit 7 down.
//
// NMD0/NMD1 layouts beyond the reference's Read NVMe-MI Data Structure and Health Status Poll
// come from public NVMe-MI headers (libnvme and one vendor tool) [1src unless noted].

#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/nvme_mi/nvme_mi.hpp"
#include "nvme_mi/names.hpp"

namespace mctpkit::nvme_mi {

namespace {

constexpr EnumEntry kOpcodes[] = {
    {kReadDataStructure, "read_data_structure"},
    {kSubsystemHealthStatusPoll, "subsystem_health_status_poll"},
    {kControllerHealthStatusPoll, "controller_health_status_poll"},
    {kConfigurationSet, "configuration_set"},
    {kConfigurationGet, "configuration_get"},
    {kVpdRead, "vpd_read"},
    {kVpdWrite, "vpd_write"},
    {kReset, "reset"},
    {kSesReceive, "ses_receive"},
    {kSesSend, "ses_send"},
    {kMebRead, "meb_read"},
    {kMebWrite, "meb_write"},
    {kShutdown, "shutdown"},
};

constexpr EnumEntry kDataStructureTypes[] = {
    {0, "nvm_subsystem_info"},    {1, "port_info"}, {2, "controller_list"}, {3, "controller_info"},
    {4, "optional_command_list"}, {5, "meb_command_list"},
};

constexpr std::uint8_t kSmbusFrequency = 1;
constexpr std::uint8_t kMctpUnitSize = 3;
constexpr EnumEntry kConfigIds[] = {
    {kSmbusFrequency, "smbus_i2c_frequency"},
    {2, "health_status_change"},
    {kMctpUnitSize, "mctp_transmission_unit_size"},
    {4, "asynchronous_event"},
};
constexpr EnumEntry kSmbusFrequencies[] = {{1, "100khz"}, {2, "400khz"}, {3, "1mhz"}};

constexpr EnumEntry kResetTypes[] = {{0, "nvm_subsystem_reset"}};

constexpr LayerDef request(std::string_view id, std::string_view craft, std::string_view title, std::string_view abbrev,
                           std::uint8_t opcode, std::span<const FieldDef> fields, std::string_view summary) {
  return LayerDef{.id = id,
                  .craft_name = craft,
                  .title = title,
                  .abbrev = abbrev,
                  .fields = fields,
                  .summary = summary,
                  .bind = {kMiCommandTable, Key{opcode}}};
}

// ---- request and response headers ------------------------------------------------------------
constexpr FieldDef kRequestFields[] = {
    u8("opcode").names(kOpcodes).also("cmd").titled("Opcode"),
    u24("reserved").reserved(),
    payload(),
};

// NMRESP depends on the command: Read NVMe-MI Data Structure puts the response data length in
// bits 15:0, Controller Health Status Poll the number of entries in bits 23:16.
std::uint64_t nmresp_of(const DeriveContext& ctx) {
  if (ctx.layer_index + 1 >= ctx.frame.layers.size()) return 0;
  const Layer& data = ctx.frame.layers[ctx.layer_index + 1];
  for (const LayerDef* d : {&kSubsystemInfo, &kPortInfo, &kControllerList, &kControllerInfo, &kOptionalCommandList,
                            &kMebCommandList}) {
    if (data.is(*d)) return ctx.payload.size() & 0xFFFF;
  }
  if (data.is(kControllerHealthList)) return (data.items("entries").size() & 0xFF) << 16;
  return 0;
}

constexpr FieldDef kResponseFields[] = {
    u8("status").names(detail::kStatusNames).titled("Response message status"),
    u24le("nmresp").hex().derived(nmresp_of).titled("NVMe management response"),
    // Known when the response is decoded with its request (capture analysis links them).
    bits("request_opcode", 0).copied_from("request.nvme_mi.cmd.opcode").names(kOpcodes).titled("Opcode of the request"),
    bits("request_dtyp", 0).copied_from("request.nvme_mi.read_ds.dtyp").names(kDataStructureTypes).titled(
        "Data structure type of the request"),
    payload(),
};
// The data decodes by the request's opcode, when the request is known and the command succeeded.
const FieldHandle kRequestOpcode{"request_opcode"}, kStatus{"status"};
bool knows_request(const Layer& l) { return l.get(kRequestOpcode).has_value() && l.num(kStatus) == 0; }

// ---- 0x00 Read NVMe-MI Data Structure (reference 8.4) -----------------------------------------
constexpr FieldDef kReadDsFields[] = {
    u16le("ctrl_id").titled("Controller ID"),
    u8("port_id").titled("Port ID"),
    u8("dtyp").names(kDataStructureTypes).titled("Data structure type"),
    // NMD1 bits 7:0: I/O command set identifier in NVMe-MI 1.2 and later [1src]
    u8("iocsi").titled("I/O command set identifier"),
    u24("reserved").reserved(),
};

// ---- 0x01 NVM Subsystem Health Status Poll: NMD1 bit 31 clears the status (reference 8.4) -----
constexpr FieldDef kShspFields[] = {
    u32("reserved").reserved(),
    u24("reserved2").reserved(),
    flag("cs").titled("Clear status"),
    bits("reserved3", 7).reserved(),
};

// ---- 0x02 Controller Health Status Poll ----------------------------------------------------------
// NMD0: 15:0 starting controller ID, 23:16 maximum entries, 24 PCI functions, 25 SR-IOV physical
// functions, 26 SR-IOV virtual functions, 31 report all. NMD1: which changes to report (bits
// 4:0) and bit 31 clear changed flags.
constexpr FieldDef kChspFields[] = {
    u16le("sctlid").titled("Starting controller ID"),
    u8("maxrent").titled("Maximum response entries"),
    flag("all").titled("Report all"),
    bits("reserved", 4).reserved(),
    flag("incvf").titled("Include SR-IOV virtual functions"),
    flag("incpf").titled("Include SR-IOV physical functions"),
    flag("incf").titled("Include PCI functions"),
    bits("reserved2", 3).reserved(),
    flag("cwarn").titled("Critical warning"),
    flag("spare").titled("Available spare"),
    flag("pdlu").titled("Percentage used"),
    flag("ctemp").titled("Composite temperature changes"),
    flag("csts").titled("Controller status changes"),
    u16("reserved3").reserved(),
    flag("ccf").titled("Clear changed flags"),
    bits("reserved4", 7).reserved(),
};

// ---- 0x03 Configuration Set / 0x04 Configuration Get ------------------------------------------
// NMD0: 7:0 configuration ID, 31:24 port ID; bits 15:8 and NMD1 depend on the configuration
// (SMBus/I2C frequency in NMD0 11:8, MCTP transmission unit size in NMD1 15:0). libnvme [1src].
bool is_smbus_frequency(const Fields& f) { return f.num("config_id") == kSmbusFrequency; }
bool is_unit_size(const Fields& f) { return f.num("config_id") == kMctpUnitSize; }
bool is_other_config(const Fields& f) { return !is_smbus_frequency(f); }
bool has_plain_nmd1(const Fields& f) { return !is_unit_size(f); }

#define MCTPKIT_NVME_MI_CONFIG_FIELDS                                                                      \
  u8("config_id").names(kConfigIds).titled("Configuration identifier"),                                    \
      bits("reserved", 4).reserved().when(is_smbus_frequency),                                             \
      bits("frequency", 4).names(kSmbusFrequencies).when(is_smbus_frequency).titled("SMBus/I2C frequency"), \
      u8("param").hex().when(is_other_config).titled("Configuration specific (NMD0 bits 15:8)"),           \
      u8("param2").hex().titled("Configuration specific (NMD0 bits 23:16)"),                               \
      u8("port_id").titled("Port ID"),                                                                     \
      u16le("mtus").when(is_unit_size).titled("MCTP transmission unit size"),                              \
      u16le("reserved2").reserved().when(is_unit_size),                                                    \
      u32le("nmd1").hex().when(has_plain_nmd1).titled("Configuration specific (NMD1)")

constexpr FieldDef kConfigSetFields[] = {
    MCTPKIT_NVME_MI_CONFIG_FIELDS,
    bytes("data").titled("Request data"),
};
constexpr FieldDef kConfigGetFields[] = {MCTPKIT_NVME_MI_CONFIG_FIELDS};

#undef MCTPKIT_NVME_MI_CONFIG_FIELDS

// ---- 0x05 VPD Read / 0x06 VPD Write: NMD0 15:0 offset, NMD1 15:0 length -------------------------
constexpr FieldDef kVpdReadFields[] = {
    u16le("dofst").titled("Data offset"),
    u16("reserved").reserved(),
    u16le("dlen").titled("Data length"),
    u16("reserved2").reserved(),
};
constexpr FieldDef kVpdWriteFields[] = {
    u16le("dofst").titled("Data offset"),
    u16("reserved").reserved(),
    u16le("dlen").length_of("data").titled("Data length"),
    u16("reserved2").reserved(),
    bytes("data").length_from("dlen").titled("Request data"),
};

// ---- 0x07 Reset / 0x0C Shutdown: NMD0 31:24 type --------------------------------------------------
constexpr FieldDef kResetFields[] = {
    u24("reserved").reserved(),
    u8("reset_type").names(kResetTypes).titled("Reset type"),
    u32("reserved2").reserved(),
};
constexpr FieldDef kShutdownFields[] = {
    u24("reserved").reserved(),
    u8("shutdown_type").hex().titled("Shutdown type"),
    u32("reserved2").reserved(),
};

// ---- 0x08-0x0B SES Receive/Send, MEB Read/Write: NMD0/NMD1 layouts not in our sources ----------
constexpr FieldDef kGenericDwords[] = {
    u32le("nmd0").hex().titled("NVMe management dword 0"),
    u32le("nmd1").hex().titled("NVMe management dword 1"),
    bytes("data").titled("Request data"),
};

}  // namespace

const LayerDef kMiCommandRequest{
    .id = "nvme_mi_cmd_req",
    .craft_name = "mi_command",
    .title = "NVMe-MI command request",
    .abbrev = "nvme_mi.cmd",
    .fields = kRequestFields,
    .summary = "NVMeMICommand",
    .next = {.table = kMiCommandTable, .key = {"opcode"}},
    .bind = {kMessageTable, Key{kMiCommand, 0}},
};

const LayerDef kMiCommandResponse{
    .id = "nvme_mi_cmd_rsp",
    .craft_name = "mi_command",
    .title = "NVMe-MI command response",
    .abbrev = "nvme_mi.rsp",
    .fields = kResponseFields,
    .summary = "NVMeMIResponse",
    // The response does not name its command: decoded alone its data stays Raw; decoded with its
    // request (decode_response) the data decodes by the request's opcode and data structure type.
    .next = {.table = kResponseDataTable, .key = {"request_opcode", "request_dtyp"}, .when = knows_request},
    .bind = {kMessageTable, Key{kMiCommand, 1}},
};

const LayerDef kReadDataStructureRequest = request(
    "nvme_mi_read_ds_req", "read_data_structure", "Read NVMe-MI Data Structure request", "nvme_mi.read_ds",
    kReadDataStructure, kReadDsFields, "ReadDataStructure");
const LayerDef kSubsystemHealthPollRequest =
    request("nvme_mi_subsys_health_poll_req", "subsystem_health_status_poll", "NVM Subsystem Health Status Poll request",
            "nvme_mi.shsp", kSubsystemHealthStatusPoll, kShspFields, "SubsystemHealthStatusPoll");
const LayerDef kControllerHealthPollRequest =
    request("nvme_mi_ctrl_health_poll_req", "controller_health_status_poll", "Controller Health Status Poll request",
            "nvme_mi.chsp", kControllerHealthStatusPoll, kChspFields, "ControllerHealthStatusPoll");
const LayerDef kConfigurationSetRequest = request("nvme_mi_config_set_req", "configuration_set",
                                                  "Configuration Set request", "nvme_mi.config_set", kConfigurationSet,
                                                  kConfigSetFields, "ConfigurationSet");
const LayerDef kConfigurationGetRequest = request("nvme_mi_config_get_req", "configuration_get",
                                                  "Configuration Get request", "nvme_mi.config_get", kConfigurationGet,
                                                  kConfigGetFields, "ConfigurationGet");
const LayerDef kVpdReadRequest =
    request("nvme_mi_vpd_read_req", "vpd_read", "VPD Read request", "nvme_mi.vpd_read", kVpdRead, kVpdReadFields, "VPDRead");
const LayerDef kVpdWriteRequest = request("nvme_mi_vpd_write_req", "vpd_write", "VPD Write request", "nvme_mi.vpd_write",
                                          kVpdWrite, kVpdWriteFields, "VPDWrite");
const LayerDef kResetRequest =
    request("nvme_mi_reset_req", "mi_reset", "Reset request", "nvme_mi.reset", kReset, kResetFields, "Reset");
const LayerDef kSesReceiveRequest = request("nvme_mi_ses_receive_req", "ses_receive", "SES Receive request",
                                            "nvme_mi.ses_receive", kSesReceive, kGenericDwords, "SESReceive");
const LayerDef kSesSendRequest = request("nvme_mi_ses_send_req", "ses_send", "SES Send request", "nvme_mi.ses_send",
                                         kSesSend, kGenericDwords, "SESSend");
const LayerDef kMebReadRequest = request("nvme_mi_meb_read_req", "meb_read", "Management Endpoint Buffer Read request",
                                         "nvme_mi.meb_read", kMebRead, kGenericDwords, "MEBRead");
const LayerDef kMebWriteRequest = request("nvme_mi_meb_write_req", "meb_write",
                                          "Management Endpoint Buffer Write request", "nvme_mi.meb_write", kMebWrite,
                                          kGenericDwords, "MEBWrite");
const LayerDef kShutdownRequest = request("nvme_mi_shutdown_req", "mi_shutdown", "Shutdown request", "nvme_mi.shutdown",
                                          kShutdown, kShutdownFields, "Shutdown");

}  // namespace mctpkit::nvme_mi
