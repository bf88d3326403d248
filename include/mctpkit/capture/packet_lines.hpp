#pragma once
// Files of packets written as text: one packet per line, "[link:] hex bytes", '#' starts a
// comment. The format of `mctpkit decode -r` and of the golden vector files.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "mctpkit/core/bytes.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::capture {

/// The longest line a text input may hold (tcpdump dumps, packet-line files): no real line comes
/// near, and a stream with no newline (a binary file, /dev/zero) stays bounded.
inline constexpr std::size_t kMaxLineLength = 64 * 1024;

/// Reads the next line of `in` (without its '\n') into `line`, keeping at most kMaxLineLength
/// characters; the rest of a longer line is read and dropped. False at the end of the input.
/// `too_long` tells whether characters were dropped.
bool read_bounded_line(std::istream& in, std::string& line, bool& too_long);

struct PacketLine {
  enum class Kind { Empty, Packet, Error };
  Kind kind = Kind::Empty;
  std::string link;   // the line's link prefix, or the default
  Bytes data;
  std::string error;  // for Kind::Error: what is wrong, with the column
};

/// Parses one packet: an optional link prefix ("smbus:", any case), then the bytes in any
/// spelling parse_hex_text reads (plain hex, hex dumps, C arrays, Python bytes); `text` may span
/// several lines (a pasted hex dump). A prefix that is a word but no link is an error naming the
/// known links.
PacketLine parse_packet_line(std::string_view line, std::string_view default_link, const Registry& registry);

}  // namespace mctpkit::capture
