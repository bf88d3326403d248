#pragma once
// PLDM SMBIOS (0x01), BIOS (0x03), RDE (0x06), file transfer (0x07) and OEM (0x3F) messages.
// The protocol reference gives only their command codes, so each command has a named request
// and response layer whose body is one byte string, `data`. Ids look like
// "pldm.bios.get_bios_table_req"; craft names like "get_bios_table".

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::pldm {

/// Every layer register_other_types declares (request and response of each command).
std::span<const LayerDef> other_type_layers();

}  // namespace mctpkit::pldm
