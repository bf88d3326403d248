#include "mctpkit/spdm/spdm.hpp"

namespace mctpkit::spdm {

void register_spdm(Registry& registry) { (void)registry; }

}  // namespace mctpkit::spdm
