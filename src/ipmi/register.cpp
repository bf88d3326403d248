#include "mctpkit/binding/smbus.hpp"
#include "mctpkit/ipmi/ipmi.hpp"

namespace mctpkit::ipmi {

void register_ipmi(Registry& registry) {
  registry.declare(kHeader);
  registry.declare(kMasterWriteReadRequest);
  registry.declare(kMasterWriteReadResponse);
  registry.bind(kWriteDataTable, Key{}, binding::kSmbusNoDst);
  registry.add_link({"ipmi", "IPMI message: netFn/LUN byte, command, data (as PyMCTP decodes it)", &kHeader});
}

}  // namespace mctpkit::ipmi
