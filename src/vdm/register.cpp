#include "mctpkit/vdm/vdm.hpp"

namespace mctpkit::vdm {

void register_vdm(Registry& registry) { (void)registry; }

}  // namespace mctpkit::vdm
