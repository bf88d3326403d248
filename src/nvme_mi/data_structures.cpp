// Response data of NVMe-MI commands: the structures Read NVMe-MI Data Structure returns (one per
// data structure type) and the health status poll data. Little-endian. The reference (8.4)
// names the structure types only; the layouts follow libnvme's NVMe-MI type definitions [1src].
//
// A response does not say which request it answers, so these layers are not dispatched on
// decode; they are crafted after an NVMe-MI response, or decoded directly by a caller that knows
// the request.

#include "mctpkit/nvme_mi/nvme_mi.hpp"

namespace mctpkit::nvme_mi {

namespace {

// A response data layer, bound under the request's opcode and data structure type.
constexpr LayerDef data_layer(std::string_view id, std::string_view craft, std::string_view title,
                              std::string_view abbrev, std::span<const FieldDef> fields, std::string_view summary,
                              std::uint8_t opcode, std::uint8_t dtyp = 0) {
  return LayerDef{.id = id, .craft_name = craft, .title = title, .abbrev = abbrev, .fields = fields, .summary = summary,
                  .bind = {kResponseDataTable, Key{opcode, dtyp}}};
}

// ---- DTYP 0: NVM Subsystem Information (32 bytes) ---------------------------------------------
constexpr FieldDef kSubsystemInfoFields[] = {
    u8("nump").titled("Number of ports (zero-based)"),
    u8("mjr").titled("NVMe-MI major version"),
    u8("mnr").titled("NVMe-MI minor version"),
    // NVM subsystem capabilities in NVMe-MI 1.2 and later [unverified]; libnvme keeps the byte
    // reserved, so it is shown, not reported.
    u8("nnsc").hex().titled("NVM subsystem capabilities"),
    bytes("reserved").fixed(28).reserved(),
};

// ---- DTYP 1: Port Information (32 bytes) -------------------------------------------------------
constexpr std::uint8_t kPciePort = 1;
constexpr std::uint8_t kSmbusPort = 2;
constexpr EnumEntry kPortTypes[] = {{0, "inactive"}, {kPciePort, "pcie"}, {kSmbusPort, "smbus"}};
constexpr EnumEntry kSmbusFrequencies[] = {{0, "not_supported"}, {1, "100khz"}, {2, "400khz"}, {3, "1mhz"}};

bool is_pcie(const Fields& f) { return f.num("portt") == kPciePort; }
bool is_smbus(const Fields& f) { return f.num("portt") == kSmbusPort; }
bool is_other_port(const Fields& f) { return !is_pcie(f) && !is_smbus(f); }

constexpr FieldDef kPortInfoFields[] = {
    u8("portt").names(kPortTypes).titled("Port type"),
    u8("reserved").reserved(),
    u16le("mmctptus").titled("Maximum MCTP transmission unit size"),
    u32le("meb").titled("Management endpoint buffer size"),
    // PCIe port
    u8("mps").when(is_pcie).titled("PCIe maximum payload size"),
    u8("sls").hex().when(is_pcie).titled("PCIe supported link speeds"),
    u8("cls").when(is_pcie).titled("PCIe current link speed"),
    u8("mlw").when(is_pcie).titled("PCIe maximum link width"),
    u8("nlw").when(is_pcie).titled("PCIe negotiated link width"),
    u8("pn").when(is_pcie).titled("PCIe port number"),
    bytes("reserved2").fixed(18).reserved().when(is_pcie),
    // SMBus/I2C port
    u8("vpd_addr").hex().when(is_smbus).titled("Current VPD SMBus/I2C address"),
    u8("mvpd_freq").names(kSmbusFrequencies).when(is_smbus).titled("Maximum VPD access frequency"),
    u8("mme_addr").hex().when(is_smbus).titled("Current management endpoint SMBus/I2C address"),
    u8("mme_freq").names(kSmbusFrequencies).when(is_smbus).titled("Maximum management endpoint frequency"),
    u8("nvmebm").hex().when(is_smbus).titled("NVMe basic management"),
    bytes("reserved3").fixed(19).reserved().when(is_smbus),
    // inactive or unknown port type
    bytes("port_data").fixed(24).when(is_other_port).titled("Port specific data"),
};

// ---- DTYP 2: Controller List (NVMe controller list: count, then IDs) -----------------------------
constexpr FieldDef kControllerIdFields[] = {u16le("id").titled("Controller ID")};
constexpr StructDef kControllerId{.name = "controller", .fields = kControllerIdFields, .summary = "{id}"};
constexpr FieldDef kControllerListFields[] = {
    u16le("numids").count_of("ids").titled("Number of identifiers"),
    list("ids", kControllerId).length_from("numids").titled("Controller IDs"),
};

// ---- DTYP 3: Controller Information (32 bytes) ---------------------------------------------------
constexpr FieldDef kControllerInfoFields[] = {
    u8("portid").titled("Port ID"),
    bytes("reserved").fixed(4).reserved(),
    bits("reserved2", 7).reserved(),
    flag("prii").titled("PCIe routing ID valid"),
    u16le("pri").hex().titled("PCIe routing ID"),
    u16le("vid").hex().titled("PCI vendor ID"),
    u16le("did").hex().titled("PCI device ID"),
    u16le("ssvid").hex().titled("PCI subsystem vendor ID"),
    u16le("ssid").hex().titled("PCI subsystem device ID"),
    bytes("reserved3").fixed(16).reserved(),
};

// ---- DTYP 4 / 5: Optionally Supported / MEB Supported Command List -------------------------------
constexpr FieldDef kCommandFields[] = {
    u8("type").hex().titled("Command type"),
    u8("opcode").hex().titled("Opcode"),
};
constexpr StructDef kCommand{.name = "command", .fields = kCommandFields, .summary = "{type}/{opcode}"};
constexpr FieldDef kCommandListFields[] = {
    u16le("numcmd").count_of("commands").titled("Number of commands"),
    list("commands", kCommand).length_from("numcmd").titled("Commands"),
};

// ---- NVM Subsystem Health Status Poll data (8 bytes) ----------------------------------------------
// Composite controller status bits (libnvme); bit 3 is not named there.
constexpr EnumEntry kCcsBits[] = {
    {1u << 0, "rdy"},   {1u << 1, "cfs"},   {1u << 2, "shst"},   {1u << 4, "nssro"},  {1u << 5, "ceco"},
    {1u << 6, "nac"},   {1u << 7, "fa"},    {1u << 8, "csts"},   {1u << 9, "ctemp"},  {1u << 10, "pdlu"},
    {1u << 11, "spare"}, {1u << 12, "cwarn"},
};
constexpr FieldDef kSubsystemHealthFields[] = {
    u8("nss").hex().titled("NVM subsystem status"),
    u8("sw").hex().titled("SMART warnings"),
    u8("ctemp").as_signed().titled("Composite temperature (degrees Celsius)"),
    u8("pdlu").titled("Percentage drive life used"),
    u16le("ccs").flags(kCcsBits).titled("Composite controller status"),
    u16("reserved").reserved(),
};

// ---- Controller Health Status Poll data: 16-byte entries --------------------------------------------
constexpr FieldDef kControllerHealthFields[] = {
    u16le("ctlid").titled("Controller ID"),
    u16le("csts").hex().titled("Controller status"),
    u16le("ctemp").titled("Composite temperature (kelvin)"),
    u8("pdlu").titled("Percentage used"),
    u8("spare").titled("Available spare"),
    u8("cwarn").hex().titled("Critical warning"),
    bytes("reserved").fixed(7).reserved(),
};
constexpr StructDef kControllerHealth{
    .name = "controller_health",
    .fields = kControllerHealthFields,
    .summary = "{ctlid}: csts={csts}, ctemp={ctemp}, pdlu={pdlu}, spare={spare}, cwarn={cwarn}",
    .joiner = "; ",
};
constexpr FieldDef kControllerHealthListFields[] = {
    list("entries", kControllerHealth).titled("Controller health data"),
};

}  // namespace

const LayerDef kSubsystemInfo = data_layer("nvme_mi_subsystem_info", "nvm_subsystem_info",
                                           "NVM Subsystem Information", "nvme_mi.subsys_info", kSubsystemInfoFields,
                                           "NVMSubsystemInfo", kReadDataStructure, 0);
const LayerDef kPortInfo = data_layer("nvme_mi_port_info", "mi_port_info", "Port Information", "nvme_mi.port_info",
                                      kPortInfoFields, "PortInfo", kReadDataStructure, 1);
const LayerDef kControllerList = data_layer("nvme_mi_controller_list", "mi_controller_list", "Controller List",
                                            "nvme_mi.ctrl_list", kControllerListFields, "ControllerList", kReadDataStructure, 2);
const LayerDef kControllerInfo = data_layer("nvme_mi_controller_info", "mi_controller_info", "Controller Information",
                                            "nvme_mi.ctrl_info", kControllerInfoFields, "ControllerInfo", kReadDataStructure, 3);
const LayerDef kOptionalCommandList =
    data_layer("nvme_mi_optional_commands", "mi_optional_commands", "Optionally Supported Command List",
               "nvme_mi.opt_cmds", kCommandListFields, "OptionalCommandList", kReadDataStructure, 4);
const LayerDef kMebCommandList =
    data_layer("nvme_mi_meb_commands", "mi_meb_commands", "Management Endpoint Buffer Supported Command List",
               "nvme_mi.meb_cmds", kCommandListFields, "MEBCommandList", kReadDataStructure, 5);
const LayerDef kSubsystemHealth = data_layer("nvme_mi_subsystem_health", "subsystem_health",
                                             "NVM Subsystem Health Data Structure", "nvme_mi.subsys_health",
                                             kSubsystemHealthFields, "SubsystemHealth", kSubsystemHealthStatusPoll);
const LayerDef kControllerHealthList =
    data_layer("nvme_mi_controller_health", "controller_health", "Controller Health Data Structures",
               "nvme_mi.ctrl_health", kControllerHealthListFields, "ControllerHealth (entries: [{entries}])",
               kControllerHealthStatusPoll);

}  // namespace mctpkit::nvme_mi
