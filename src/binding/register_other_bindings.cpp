#include "mctpkit/binding/bindings.hpp"
#include "mctpkit/binding/i3c.hpp"
#include "mctpkit/binding/kcs.hpp"
#include "mctpkit/binding/pcie_vdm.hpp"
#include "mctpkit/binding/serial.hpp"
#include "mctpkit/binding/usb.hpp"

namespace mctpkit::binding {

void register_other_bindings(Registry& registry) {
  register_serial(registry);
  register_i3c(registry);
  register_pcie_vdm(registry);
  register_usb(registry);
  register_kcs(registry);
}

}  // namespace mctpkit::binding
