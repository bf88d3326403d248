// PLDM firmware update (type 0x05, DSP0267): the inventory commands (0x01-0x05) and the update
// flow (0x10-0x22) are declared in firmware_update_inventory.cpp and firmware_update_transfer.cpp.

#include "mctpkit/pldm/firmware_update.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

void register_firmware_update(Registry& registry) {
  detail::register_firmware_update_inventory(registry);
  detail::register_firmware_update_transfer(registry);
}

}  // namespace mctpkit::pldm
