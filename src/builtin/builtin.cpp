#include "mctpkit/builtin/builtin.hpp"

#include "mctpkit/binding/smbus.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit {

void register_builtin_protocols(Registry& registry) {
  mctp::register_transport(registry);
  mctp::register_control(registry);
  binding::register_smbus(registry);

  registry.add_link({"mctp", "bare MCTP packet: transport header first", &mctp::kTransport});
  registry.bind(binding::kSmbusPayloadTable, Key{}, mctp::kTransport);
}

const Registry& default_registry() {
  static const Registry registry = [] {
    Registry r;
    register_builtin_protocols(r);
    return r;
  }();
  return registry;
}

}  // namespace mctpkit
