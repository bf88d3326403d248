#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

void register_fru(Registry& registry) { (void)registry; }

}  // namespace mctpkit::pldm
