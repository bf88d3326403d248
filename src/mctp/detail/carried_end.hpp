#pragma once
// Where the bytes a binding carries end: the MCTP packet inside a decoded frame is read up to
// there, whether or not the layers above the transport header were decoded.

#include <cstddef>

#include "mctpkit/core/frame.hpp"

namespace mctpkit::mctp::detail {

/// The end, in `frame.data`, of the bytes carried by layer `index`: the end of the payload of
/// the nearest layer outside it that has one (before that layer's trailer: a PEC, an FCS), or
/// the end of the data.
std::size_t carried_end(const Frame& frame, std::size_t index);

}  // namespace mctpkit::mctp::detail
