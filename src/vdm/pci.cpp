// Vendor Defined - PCI (message type 0x7E).

#include "mctpkit/core/text_append.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/vdm/vdm.hpp"
#include "vdm/direction.hpp"

namespace mctpkit::vdm {

namespace {

// A few well-known PCI-SIG vendor IDs (0x1AB4 is DMTF's own), so that crafting can say
// vendor_id=intel.
constexpr EnumEntry kVendorNames[] = {
    {0x1022, "amd"},      {0x10DE, "nvidia"},   {0x1414, "microsoft"}, {0x144D, "samsung"},
    {0x14E4, "broadcom"}, {0x15B3, "mellanox"}, {0x1AB4, "dmtf"},      {0x8086, "intel"},
};

// DSP0236 defines only the vendor ID (MSB first); the rq/vendor-bits byte and the command byte
// are PyMCTP's reading of the body, which the golden vectors confirm (rq = bit 7 of the byte
// after the vendor ID, cmd_code = the byte after that). The seven other bits are vendor-defined
// (Microsoft Cerberus keeps a crypt flag there, PyMCTP calls them rsv and unused), so they are
// not checked as reserved.
constexpr FieldDef kFields[] = {
    u16("vendor_id").hex().names(kVendorNames).also("vid").titled("PCI vendor ID"),
    flag("rq").fallback(1).optional().titled("Request"),
    bits("vendor_bits", 7).hex().optional().titled("Vendor-defined bits"),
    u8("command").hex().also("cmd_code").optional().titled("Vendor command code"),
    detail::tag_owner_field(),
    payload(),
};

const FieldHandle kVendorId{"vendor_id"};

void summarize(const Layer& l, std::string& out) {
  out += detail::is_request(l) ? "VDM-PCI REQ (VID: " : "VDM-PCI RSP (VID: ";
  append_hex(out, l.num(kVendorId), 4);
  detail::append_command_text(l, out);
  out += ')';
}

}  // namespace

const LayerDef kPciHeader{
    .id = "vdm_pci",
    .title = "Vendor-defined message (PCI vendor ID)",
    .abbrev = "vdm_pci",
    .fields = kFields,
    .summary_fn = summarize,
    .next = {.table = kPciVendorTable, .key = {"vendor_id", "command", "rq"}, .when = detail::has_command},
    .bind = {mctp::kMessageTypeTable, Key{mctp::kVendorPci}},
};

void bind_pci_vendor_command(Registry& registry, const LayerDef& def, std::uint16_t vendor_id,
                             std::uint8_t command, std::string_view owner) {
  registry.declare(def, owner);
  registry.bind(kPciVendorTable, pci_vendor_key(vendor_id, command, true), def, owner);
  registry.bind(kPciVendorTable, pci_vendor_key(vendor_id, command, false), def, owner);
}

}  // namespace mctpkit::vdm
