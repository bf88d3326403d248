#pragma once
// MCTP over I3C (DSP0233): a private write to (or read from) the target's dynamic address
// carrying the MCTP packet and a PEC byte, with no other framing. The PEC (CRC-8/SMBUS) covers
// the address byte `dyn_addr << 1 | RnW` and then the packet.
//
// The address byte is sent in the I3C address phase, not in the data, yet the PEC depends on
// it, so two forms are offered:
// - link/layer "i3c": the data starts with the address byte, as the "smbus" link starts with
//   the destination address byte (Linux puts it back into the buffer to compute the PEC). This
//   is the form to decode, because the PEC can then be checked:
//     i3c(addr=0x08)/mctp(...)  ->  10 01 00 0A CF 00 91 01 00 1D CA
// - link/layer "i3c_noaddr" (link "i3c-noaddr"): exactly the bytes of the private transfer.
//   `addr` and `rnw` are fields that are never on the wire; building needs `addr` (the PEC is
//   computed with it); decoding cannot know the address, so the PEC is shown but not checked:
//     i3c_noaddr(addr=0x08)/mctp(...)  ->  01 00 0A CF 00 91 01 00 1D CA

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::binding {

extern const LayerDef kI3c;
extern const LayerDef kI3cNoAddr;

void register_i3c(Registry& registry);

}  // namespace mctpkit::binding
