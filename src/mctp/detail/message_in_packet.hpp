#pragma once
// Whether a message of one packet can be read from the packet's own decoding, for code of the
// library that decodes a packet again (in its request's context) and would otherwise decode the
// message a second time.

#include "mctpkit/core/frame.hpp"

namespace mctpkit::mctp::detail {

/// True when `packet`'s layers from its MCTP transport layer on are the decoding of the message
/// `message_bytes` (Event::packet) by itself: the rule by which the reassembler leaves a message
/// in its packet (Event::in_packet).
bool message_stands_in_packet(const Frame& packet, ByteView message_bytes);

}  // namespace mctpkit::mctp::detail
