#pragma once
// Recognising the lines of a tcpdump text dump: log prefixes to drop, packet header lines
// (with a time), hex dump lines, the "reading from file ..., link-type ..." banner.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mctpkit/core/bytes.hpp"
#include "text_time.hpp"

namespace mctpkit::capture::detail {

/// `line` without a journald/syslog prefix such as "2026-01-01T00:00:00.000000Z unit[1]: ",
/// "Jan 01 00:00:00 host unit[1]: " or "[   12.345678] host unit[1]: "; unchanged otherwise.
std::string_view strip_log_prefix(std::string_view line);

struct TimeLine {
  std::optional<CivilDate> date;         // -tttt dumps carry the date
  std::optional<std::int64_t> epoch_ns;  // -tt dumps carry seconds since the epoch
  std::int64_t time_of_day_ns = 0;
  /// The time has the shape of one but impossible fields (25:61:00.000000).
  std::string problem;
};

/// A packet header line: it starts with HH:MM:SS.ffffff (6 to 9 digits), optionally after a
/// date "YYYY-MM-DD ", or with an epoch time "1700000000.000000"; then a blank or the end.
std::optional<TimeLine> parse_time_line(std::string_view line);

struct HexLine {
  enum class Kind { NotHex, Hex, Malformed };
  Kind kind = Kind::NotHex;
  std::size_t offset = 0;
  Bytes bytes;
  std::string problem;  // for Malformed
};

/// "\t0x0010:  0100 08c8 ...", an optional ASCII column after two blanks being ignored. A line
/// starting (after blanks) with "0x" and a hex digit is a hex line; Malformed if the rest is not.
/// Written over `out`, whose storage a reader keeps from line to line.
void parse_hex_line(std::string_view line, HexLine& out);

/// The link type named by tcpdump's banner ("reading from file f, link-type LINUX_SLL (...)"
/// or "listening on mctp0, link-type ..."): its DLT, or 0 for a name libpcap does not know.
std::optional<std::uint32_t> parse_link_type_line(std::string_view line);

/// The protocol of a -e header line ("... ethertype Unknown (0x00fa), length 25: ").
std::optional<std::uint16_t> parse_ethertype(std::string_view line);

}  // namespace mctpkit::capture::detail
