// Vendor Defined - IANA (message type 0x7F).

#include "mctpkit/core/text_append.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/vdm/vdm.hpp"
#include "vdm/direction.hpp"

namespace mctpkit::vdm {

namespace {

// Enterprise numbers met in MCTP traffic (protocol reference sections 5 and 10).
constexpr EnumEntry kEnterpriseNames[] = {
    {343, "intel"}, {412, "dmtf"}, {5703, "nvidia"}, {40981, "meta"},
};

// DSP0236 defines only the 4-byte enterprise number (MSB first). mctpkit reads the next two
// bytes as the PCI variant does (rq bit, vendor bits, command), so that vendor layers bind the
// same way under both types; vendors that follow DMTF's header style (an rq/instance byte, then
// a type or command byte) fit it. A vendor that sends its number little-endian (one NVIDIA tool
// does) binds under the number as it appears MSB first.
constexpr FieldDef kFields[] = {
    u32("enterprise").names(kEnterpriseNames).also("iana").titled("IANA enterprise number"),
    flag("rq").fallback(1).optional().titled("Request"),
    bits("vendor_bits", 7).hex().optional().titled("Vendor-defined bits"),
    u8("command").hex().also("cmd_code").optional().titled("Vendor command code"),
    detail::tag_owner_field(),
    payload(),
};

// PyMCTP has no IANA decoder; this mirrors its VDM-PCI text, the number in decimal as IANA
// publishes it.
const FieldHandle kEnterprise{"enterprise"};

void summarize(const Layer& l, std::string& out) {
  out += detail::is_request(l) ? "VDM-IANA REQ (enterprise: " : "VDM-IANA RSP (enterprise: ";
  append_decimal(out, l.num(kEnterprise));
  detail::append_command_text(l, out);
  out += ')';
}

}  // namespace

const LayerDef kIanaHeader{
    .id = "vdm_iana",
    .title = "Vendor-defined message (IANA enterprise number)",
    .abbrev = "vdm_iana",
    .fields = kFields,
    .summary_fn = summarize,
    .next = {.table = kIanaVendorTable, .key = {"enterprise", "command", "rq"}, .when = detail::has_command},
    .bind = {mctp::kMessageTypeTable, Key{mctp::kVendorIana}},
};

void bind_iana_vendor_command(Registry& registry, const LayerDef& def, std::uint32_t enterprise,
                              std::uint8_t command, std::string_view owner) {
  registry.declare(def, owner);
  registry.bind(kIanaVendorTable, iana_vendor_key(enterprise, command, true), def, owner);
  registry.bind(kIanaVendorTable, iana_vendor_key(enterprise, command, false), def, owner);
}

}  // namespace mctpkit::vdm
