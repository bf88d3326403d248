#pragma once
// Header-level layers for the MCTP message types carried with a thin header of their own:
// NC-SI control (0x02), Ethernet (0x03), CXL FM API (0x07), CXL Type 3 CCI (0x08) and
// PCIe-MI (0x09). Payloads are shown as bytes.

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::msgtypes {

/// NC-SI control packet without its Ethernet header: MC ID, header revision, IID, type (response
/// bit and command), channel, payload length, then response/reason codes (responses), data, pad
/// and the DSP0222 checksum (0 = not computed).
extern const LayerDef kNcsi;
/// An Ethernet frame: destination, source, EtherType, data.
extern const LayerDef kEthernet;
/// CXL CCI message (category, tag, opcode, payload length, return code, vendor status, data),
/// once under message type 0x07 (FM API) and once under 0x08 (Type 3 CCI).
extern const LayerDef kCxlFmApi;
extern const LayerDef kCxlCci;
/// PCIe-MI: no header layout known to the reference; the body as bytes.
extern const LayerDef kPcieMi;

/// Declares and binds this module's layers (and links) into `registry`.
void register_msgtypes(Registry& registry);

}  // namespace mctpkit::msgtypes
