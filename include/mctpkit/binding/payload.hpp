#pragma once

#include <string_view>

namespace mctpkit::binding {

/// Every binding layer dispatches its payload through this table (with no key fields); the MCTP
/// transport header is bound there, so a binding needs to know nothing of the MCTP layer.
inline constexpr std::string_view kPayloadTable = "binding.payload";

}  // namespace mctpkit::binding
