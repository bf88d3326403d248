#pragma once
// Vendor-defined MCTP messages (DSP0236): type 0x7E carries a PCI vendor ID, type 0x7F an IANA
// enterprise number. Both headers go on with a request bit, seven vendor bits and a vendor
// command byte (PyMCTP's VDM-PCI layout, which mctpkit also uses for IANA), and hand the rest to
// a vendor layer found by (vendor, command, rq) in kPciVendorTable or kIanaVendorTable.
//
// A vendor layer (built in or from a plugin) is one declaration:
//
//   constexpr LayerDef kMyGetVersionRequest{
//       .id = "acme_get_version_req", .craft_name = "acme_get_version", .fields = kFields,
//       .bind = vdm::pci_vendor_binding(0x1234, 0x01, true)};
//   registry.declare(kMyGetVersionRequest);

#include <cstdint>
#include <string_view>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::vdm {

/// Fields: vendor_id (u16), rq, vendor_bits (7), command (u8, alias cmd_code), then the vendor
/// layer. Bound in "mctp.type" under 0x7E.
extern const LayerDef kPciHeader;
/// Fields: enterprise (u32, alias iana), rq, vendor_bits (7), command, then the vendor layer.
/// Bound in "mctp.type" under 0x7F.
extern const LayerDef kIanaHeader;
/// Opaque vendor bytes, for crafting a body no vendor layer describes: `vdm_pci(...)/vdm_data(data=...)`.
/// It is bound nowhere, so decoding shows such bytes as Raw.
extern const LayerDef kVendorData;

/// Vendor layers bind here under Key{pci_vendor_id, command, rq}.
inline constexpr std::string_view kPciVendorTable = "vdm.pci";
/// Vendor layers bind here under Key{iana_enterprise_number, command, rq}.
inline constexpr std::string_view kIanaVendorTable = "vdm.iana";

constexpr Key pci_vendor_key(std::uint16_t vendor_id, std::uint8_t command, bool rq) {
  return Key{vendor_id, command, rq ? 1u : 0u};
}
constexpr Key iana_vendor_key(std::uint32_t enterprise, std::uint8_t command, bool rq) {
  return Key{enterprise, command, rq ? 1u : 0u};
}
/// The BindDef of a vendor layer for one PCI vendor command, request (rq) or response.
constexpr BindDef pci_vendor_binding(std::uint16_t vendor_id, std::uint8_t command, bool rq) {
  return {kPciVendorTable, pci_vendor_key(vendor_id, command, rq)};
}
/// The BindDef of a vendor layer for one IANA vendor command, request (rq) or response.
constexpr BindDef iana_vendor_binding(std::uint32_t enterprise, std::uint8_t command, bool rq) {
  return {kIanaVendorTable, iana_vendor_key(enterprise, command, rq)};
}

/// Declares `def` and binds it for requests and responses alike (a vendor layout that does not
/// depend on rq). Crafting fills in the first key bound: `def.bind` when set, else the request's.
void bind_pci_vendor_command(Registry& registry, const LayerDef& def, std::uint16_t vendor_id,
                             std::uint8_t command, std::string_view owner = "mctpkit");
void bind_iana_vendor_command(Registry& registry, const LayerDef& def, std::uint32_t enterprise,
                              std::uint8_t command, std::string_view owner = "mctpkit");

/// Declares and binds this module's layers (and links) into `registry`.
void register_vdm(Registry& registry);

}  // namespace mctpkit::vdm
