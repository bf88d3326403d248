#pragma once
// What a capture reader hands out: one record per packet of the capture, plus notes about
// input it could not use.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::capture {

/// Link names used in CaptureRecord::link.
inline constexpr std::string_view kLinkMctp = "mctp";    // bare MCTP packet, transport header first
inline constexpr std::string_view kLinkSmbus = "smbus";  // SMBus block write, destination address first

struct CaptureRecord {
  /// 1-based frame number in the file; skipped records are numbered too, so the numbers match
  /// what tcpdump or Wireshark show.
  std::uint64_t number = 0;
  /// UTC nanoseconds since the epoch; nullopt when the source gives no time (a text dump line
  /// without a time, a pcapng Simple Packet Block).
  std::optional<std::int64_t> time_ns;
  /// kLinkMctp or kLinkSmbus for `data`, or empty when the record is not MCTP (see skip_reason).
  std::string link;
  /// pcap/pcapng link type (DLT) of the container record; 0 for text dumps.
  std::uint32_t link_type = 0;
  /// The record's bytes after the link pseudo-header (SLL, SLL2, Linux I2C) is removed. For a
  /// skipped record nothing is removed.
  Bytes data;
  /// Length `data` had on the wire: the container's original length less the removed header.
  /// Larger than data.size() when the capture cut the packet at its snap length.
  std::size_t original_length = 0;
  /// Why the record is not MCTP (set exactly when `link` is empty).
  std::string skip_reason;
};

struct CaptureDiagnostic {
  /// Text dumps: the 1-based line number. pcap/pcapng: the 1-based number of the record being
  /// read when the problem was found (0 for problems with the file as a whole).
  std::uint64_t line_or_record = 0;
  std::string message;
  /// A fatal problem stopped the reading; every record before it was still returned.
  bool fatal = false;
};

}  // namespace mctpkit::capture
