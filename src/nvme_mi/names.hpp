#pragma once
// Value names shared by several NVMe-MI layers (protocol reference section 8).

#include "mctpkit/core/field.hpp"

namespace mctpkit::nvme_mi::detail {

// Response message status (reference 8.5). 0x08 is named by Wireshark only [1src].
inline constexpr EnumEntry kStatusNames[] = {
    {0x00, "success"},
    {0x01, "more_processing_required"},
    {0x02, "internal_error"},
    {0x03, "invalid_command_opcode"},
    {0x04, "invalid_parameter"},
    {0x05, "invalid_command_size"},
    {0x06, "invalid_command_input_data_size"},
    {0x07, "access_denied"},
    {0x08, "unable_to_abort"},
    {0x20, "vpd_updates_exceeded"},
    {0x21, "pcie_inaccessible"},
    {0x22, "meb_cleared_by_sanitize"},
    {0x23, "enclosure_services_failure"},
    {0x24, "enclosure_services_transfer_failure"},
    {0x25, "enclosure_failure"},
    {0x26, "enclosure_services_transfer_refused"},
    {0x27, "unsupported_enclosure_function"},
    {0x28, "enclosure_services_unavailable"},
    {0x29, "enclosure_degraded"},
    {0x2A, "sanitize_in_progress"},
};

}  // namespace mctpkit::nvme_mi::detail
