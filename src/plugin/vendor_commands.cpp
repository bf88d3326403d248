// Vendor-command bindings through the facade, the same pair of keys vdm::bind_pci_vendor_command
// binds.

#include "mctpkit/plugin/plugin.hpp"
#include "mctpkit/vdm/vdm.hpp"

namespace mctpkit::plugin {

void bind_pci_vendor_command(Host& host, const LayerDef& def, std::uint16_t vendor_id, std::uint8_t command) {
  host.declare(def);
  host.bind(vdm::pci_vendor_binding(vendor_id, command, true), def);
  host.bind(vdm::pci_vendor_binding(vendor_id, command, false), def);
}

void bind_iana_vendor_command(Host& host, const LayerDef& def, std::uint32_t enterprise, std::uint8_t command) {
  host.declare(def);
  host.bind(vdm::iana_vendor_binding(enterprise, command, true), def);
  host.bind(vdm::iana_vendor_binding(enterprise, command, false), def);
}

}  // namespace mctpkit::plugin
