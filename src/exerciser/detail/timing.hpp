#pragma once
// Default request timing per binding (protocol reference 1.8).

#include <chrono>
#include <string_view>

namespace mctpkit::exerciser::detail {

struct Timing {
  std::chrono::milliseconds timeout;  // MT2: how long a requester waits before retrying
  int retries;                        // MN1
};

/// The timing of the binding whose frames have link name `link`.
Timing default_timing(std::string_view link);

}  // namespace mctpkit::exerciser::detail
