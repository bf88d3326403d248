#pragma once
// MCTP over KCS (DSP0254): `B0` (NetFn 0x2C group extension, LUN 0), `01` (defining body:
// DMTF), byte count (MCTP packet length), the packet, and a PEC (CRC-8/SMBUS) over the packet
// only, not over the three header bytes. The PEC coverage comes from two implementations
// (edk2, the proposed Linux driver), not from DSP0254's text.

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::binding {

extern const LayerDef kKcs;

void register_kcs(Registry& registry);

}  // namespace mctpkit::binding
