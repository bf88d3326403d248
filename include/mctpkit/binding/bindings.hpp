#pragma once
// The transport bindings other than SMBus/I2C: serial (DSP0253), I3C (DSP0233), PCIe VDM
// (DSP0238), USB (DSP0283), KCS (DSP0254).

#include "mctpkit/core/registry.hpp"

namespace mctpkit::binding {

/// Declares each binding's layer and its link name, and binds the MCTP transport under each.
void register_other_bindings(Registry& registry);

}  // namespace mctpkit::binding
