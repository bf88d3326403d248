// The IPMI message header as PyMCTP decodes it: netFn/LUN byte, command, data.

#include <fmt/format.h>

#include "mctpkit/ipmi/ipmi.hpp"

namespace mctpkit::ipmi {

namespace {

// Field names for crafting and the tree (IPMI v2.0 network functions; odd codes are responses).
constexpr EnumEntry kNetFnNames[] = {
    {0x00, "chassis_req"},         {0x01, "chassis_rsp"},        {0x02, "bridge_req"},
    {0x03, "bridge_rsp"},          {0x04, "sensor_event_req"},   {0x05, "sensor_event_rsp"},
    {0x06, "app_req"},             {0x07, "app_rsp"},            {0x08, "firmware_req"},
    {0x09, "firmware_rsp"},        {0x0A, "storage_req"},        {0x0B, "storage_rsp"},
    {0x0C, "transport_req"},       {0x0D, "transport_rsp"},      {0x2C, "group_extension_req"},
    {0x2D, "group_extension_rsp"}, {0x2E, "oem_group_req"},      {0x2F, "oem_group_rsp"},
    {0x30, "oem_req"},  {0x31, "oem_rsp"},  {0x32, "oem_req"},  {0x33, "oem_rsp"},
    {0x34, "oem_req"},  {0x35, "oem_rsp"},  {0x36, "oem_req"},  {0x37, "oem_rsp"},
    {0x38, "oem_req"},  {0x39, "oem_rsp"},  {0x3A, "oem_req"},  {0x3B, "oem_rsp"},
    {0x3C, "oem_req"},  {0x3D, "oem_rsp"},  {0x3E, "oem_req"},  {0x3F, "oem_rsp"},
};

constexpr FieldDef kFields[] = {
    bits("netfn", 6).hex().names(kNetFnNames).titled("Network function"),
    bits("lun", 2).titled("LUN"),
    u8("cmd").hex().also("command").titled("Command"),
    payload(),
};

// PyMCTP's words for the network function. It names the OEM pairs 0x30-0x39 OEM1..OEM5; the
// pairs up to 0x3F continue that count here. Codes it does not name print nothing (PyMCTP would
// leave a stray space).
std::string summary_netfn_name(std::uint64_t netfn) {
  std::string_view base;
  switch (netfn & ~std::uint64_t{1}) {
    case kChassis: base = "CHASSIS"; break;
    case kBridge: base = "BRIDGE"; break;
    case kSensorEvent: base = "SENSOR"; break;
    case kApp: base = "APP"; break;
    case kFirmware: base = "FW"; break;
    case kStorage: base = "STORAGE"; break;
    case kTransport: base = "TRANSPORT"; break;
    case kGroupExtension: base = "GROUP"; break;
    case kOemGroup: base = "OEM"; break;
    default: break;
  }
  std::string_view direction = netfn & 1 ? "RSP" : "REQ";
  if (!base.empty()) return fmt::format("{} {}", base, direction);
  if (netfn >= kOemFirst && netfn <= kOemLast) return fmt::format("OEM{} {}", (netfn - kOemFirst) / 2 + 1, direction);
  return {};
}

// PyMCTP names the network function only when no layer decodes the data. A summary sees only
// its own layer, so this is decided by what this module decodes (Master Write-Read); a command
// layer added elsewhere still gets the name (see the module report for the core change).
bool command_layer_follows(const Layer& l, std::size_t data_length) {
  return data_length > 0 && l.num("cmd") == kMasterWriteRead &&
         (l.num("netfn") == kApp || l.num("netfn") == kApp + 1);
}

void summarize(const Layer& l, std::string& out) {
  // The layer spans the whole message (its payload runs to the end); PyMCTP prints how many
  // bytes follow the two header bytes, as "[ 14]" after the header.
  std::size_t data_length = l.length > 2 ? l.length - 2 : 0;
  fmt::format_to(std::back_inserter(out), "IPMI {:02x}:{:02X}", l.num("netfn"), l.num("cmd"));
  if (l.num("lun") != 0) fmt::format_to(std::back_inserter(out), " (lun={})", l.num("lun"));
  if (!command_layer_follows(l, data_length)) {
    std::string name = summary_netfn_name(l.num("netfn"));
    if (!name.empty()) out += " " + name;
  }
  fmt::format_to(std::back_inserter(out), " / [{:3}]", data_length);
}

}  // namespace

const LayerDef kHeader{
    .id = "ipmi",
    .title = "IPMI message",
    .abbrev = "ipmi",
    .fields = kFields,
    .summary_fn = summarize,
    .next = {.table = kCommandTable, .key = {"netfn", "cmd"}},
};

}  // namespace mctpkit::ipmi
