#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

void register_platform(Registry& registry) { (void)registry; }

}  // namespace mctpkit::pldm
