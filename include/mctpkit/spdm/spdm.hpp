#pragma once

#include "mctpkit/core/registry.hpp"

namespace mctpkit::spdm {

/// Declares and binds this module's layers (and links) into `registry`.
void register_spdm(Registry& registry);

}  // namespace mctpkit::spdm
