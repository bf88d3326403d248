#pragma once

#include "mctpkit/core/registry.hpp"

namespace mctpkit::nvme_mi {

/// Declares and binds this module's layers (and links) into `registry`.
void register_nvme_mi(Registry& registry);

}  // namespace mctpkit::nvme_mi
