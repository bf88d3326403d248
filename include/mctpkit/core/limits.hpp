#pragma once
// Bounds that every frame respects, whatever the input.

#include <cstddef>

namespace mctpkit {

/// Most layers one frame holds. Real stacks have fewer than a dozen. Decoding stops at this depth
/// (the rest stays Raw, with a Malformed diagnostic "more than 64 layers; the rest is not
/// decoded"), craft expressions are refused beyond it, and Frame::build() throws
/// std::invalid_argument for a deeper frame, so that nesting messages (SPDM encapsulated
/// requests) cannot grow without end.
inline constexpr std::size_t kMaxLayers = 64;

}  // namespace mctpkit
