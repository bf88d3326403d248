#pragma once

#include "mctpkit/core/registry.hpp"

namespace mctpkit::msgtypes {

/// Declares and binds this module's layers (and links) into `registry`.
void register_msgtypes(Registry& registry);

}  // namespace mctpkit::msgtypes
