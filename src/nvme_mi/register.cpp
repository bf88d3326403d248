#include "mctpkit/nvme_mi/nvme_mi.hpp"

namespace mctpkit::nvme_mi {

void register_nvme_mi(Registry& registry) { (void)registry; }

}  // namespace mctpkit::nvme_mi
