#pragma once

#include "mctpkit/core/registry.hpp"

namespace mctpkit::vdm {

/// Declares and binds this module's layers (and links) into `registry`.
void register_vdm(Registry& registry);

}  // namespace mctpkit::vdm
