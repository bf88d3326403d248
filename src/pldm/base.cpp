#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

void register_base(Registry& registry) { (void)registry; }

}  // namespace mctpkit::pldm
