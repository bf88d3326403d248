#include "mctpkit/ipmi/ipmi.hpp"

namespace mctpkit::ipmi {

void register_ipmi(Registry& registry) { (void)registry; }

}  // namespace mctpkit::ipmi
