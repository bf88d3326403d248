#include "mctpkit/builtin/builtin.hpp"

#include "mctpkit/binding/bindings.hpp"
#include "mctpkit/binding/payload.hpp"
#include "mctpkit/binding/smbus.hpp"
#include "mctpkit/ipmi/ipmi.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/msgtypes/msgtypes.hpp"
#include "mctpkit/nvme_mi/nvme_mi.hpp"
#include "mctpkit/pldm/pldm.hpp"
#include "mctpkit/spdm/spdm.hpp"
#include "mctpkit/vdm/vdm.hpp"

namespace mctpkit {

void register_builtin_protocols(Registry& registry) {
  mctp::register_transport(registry);
  mctp::register_control(registry);
  binding::register_smbus(registry);
  binding::register_other_bindings(registry);
  pldm::register_pldm(registry);
  spdm::register_spdm(registry);
  nvme_mi::register_nvme_mi(registry);
  msgtypes::register_msgtypes(registry);
  vdm::register_vdm(registry);
  ipmi::register_ipmi(registry);

  registry.add_link({"mctp", "bare MCTP packet: transport header first", &mctp::kTransport});
  register_message_links(registry);
  registry.bind(binding::kPayloadTable, Key{}, mctp::kTransport);
}

Registry& mutable_default_registry() {
  static Registry registry = [] {
    Registry r;
    register_builtin_protocols(r);
    return r;
  }();
  return registry;
}

const Registry& default_registry() { return mutable_default_registry(); }

}  // namespace mctpkit
