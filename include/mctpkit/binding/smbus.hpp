#pragma once
// MCTP over SMBus/I2C (DSP0237).

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::binding {

/// A full SMBus block write: destination address byte, command 0x0F, byte count, source address
/// byte, MCTP packet, PEC. Addresses are 7-bit fields (`dst`, `src`) with their R/W bits beside
/// them, so 0x32 is written as 0x64. The PEC is optional on decode and may be left out on build
/// with `pec` set absent.
extern const LayerDef kSmbus;

/// The same frame without its destination byte, as carried in IPMI Master Write-Read. Its PEC
/// still covers the destination address, taken from the enclosing layer's `phys_addr` field
/// (the 8-bit address byte) when there is one.
extern const LayerDef kSmbusNoDst;

void register_smbus(Registry& registry);

}  // namespace mctpkit::binding
