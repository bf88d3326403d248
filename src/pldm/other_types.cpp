#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

void register_other_types(Registry& registry) { (void)registry; }

}  // namespace mctpkit::pldm
