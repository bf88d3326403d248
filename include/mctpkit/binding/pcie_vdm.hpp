#pragma once
// MCTP over PCIe VDM (DSP0238): a PCIe Type 1 Vendor Defined Message with data and a 4-DW
// header whose last DW is the MCTP transport header. Field values are in PCIe wire order
// (big-endian within each DW).
//
// The layer ends before the MCTP transport header: its payload is the MCTP packet (transport
// header, body) and the pad bytes that fill the last DW follow as trailer fields (`pad1`..
// `pad3`, present per `pad_len`). When unset at build, `length` (DWs of data, 0 = 1024) and
// `pad_len` are derived from the packet. Both count only what follows the 16-byte TLP header
// (the MCTP transport header is its last DW), so on decode the packet is the 4 header bytes
// and `length * 4 - pad_len` more.
// With TD set a 4-byte TLP digest (ECRC) follows; it is shown, not checked.

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::binding {

inline constexpr std::uint16_t kDmtfVendorId = 0x1AB4;

extern const LayerDef kPcieVdm;

void register_pcie_vdm(Registry& registry);

}  // namespace mctpkit::binding
