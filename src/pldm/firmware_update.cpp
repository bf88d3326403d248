#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

void register_firmware_update(Registry& registry) { (void)registry; }

}  // namespace mctpkit::pldm
