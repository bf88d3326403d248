#pragma once
// Turning what the caller wrote into a sendable request: the exerciser's binding layer with its
// addresses, and (for requests) TO, rq, a tag and instance IDs where the caller left them unset.

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::detail {

/// Round-robin tags per (local EID, remote EID) and instance IDs per (local, remote, layer).
class IdAllocator {
 public:
  std::uint8_t tag(std::uint8_t local, std::uint8_t remote);
  std::uint64_t instance_id(std::uint8_t local, std::uint8_t remote, std::string_view layer, std::uint64_t modulo);

 private:
  std::map<std::pair<std::uint8_t, std::uint8_t>, std::uint8_t> tags_;
  std::map<std::tuple<std::uint8_t, std::uint8_t, std::string>, std::uint64_t> iids_;
};

/// Adds the binding layer of `exerciser`'s link when `frame` starts at the MCTP layer, and fills
/// the binding's unset `src`/`dst` addresses from the exerciser. With `as_request`, also sets
/// unset TO and rq to 1 and allocates unset tags and instance IDs from `ids`. Throws
/// std::invalid_argument when the frame has no MCTP layer or its binding layer is not the
/// exerciser's.
Frame prepare_frame(Frame frame, const Exerciser& exerciser, const Registry& registry, IdAllocator& ids, bool as_request);

/// Whether prepare_frame() would leave the binding's `addr` (the own address of an I3C target)
/// unset because the exerciser does not know its address yet.
bool awaits_own_address(const Frame& frame, const Exerciser& exerciser, const Registry& registry);

}  // namespace mctpkit::exerciser::detail
