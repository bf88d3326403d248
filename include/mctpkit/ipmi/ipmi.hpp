#pragma once

#include "mctpkit/core/registry.hpp"

namespace mctpkit::ipmi {

/// Declares and binds this module's layers (and links) into `registry`.
void register_ipmi(Registry& registry);

}  // namespace mctpkit::ipmi
