#pragma once
// The link of a packet printed by tcpdump. A dump does not say whether -x (payload only) or -xx
// (link header included) was used and may lack the banner naming the link type (it goes to
// stderr), so the header is recognised from the bytes, helped by the banner when present.

#include <cstdint>
#include <optional>
#include <string_view>

#include "link_decode.hpp"

namespace mctpkit::capture::detail {

/// `link_type`: from the banner, nullopt without one. `ethertype`: from a -e header line.
LinkDecision decide_text_link(std::optional<std::uint32_t> link_type, std::optional<std::uint16_t> ethertype,
                              ByteView bytes, std::string_view force_link);

}  // namespace mctpkit::capture::detail
