#pragma once
// MCTP over serial (DSP0253): `7E`, revision `01`, byte count, MCTP packet, FCS (2 bytes, high
// first), `7E`. Inside the flags 0x7E and 0x7D are sent as `7D, byte ^ 0x20`.
//
// The layer's fields describe the frame with its escapes removed (the "plain" form); `unwrap`
// and `wrap` convert between that and the wire. On build every 0x7E/0x7D in the revision, byte
// count and packet is escaped; the two FCS bytes are sent raw, as Linux, libmctp, mctp-rs and
// PyMCTP send them and every deployed receiver expects (they are located by the byte count; an
// escaping sender loses about one frame in 64 with libmctp). serial_frame(..., Escaped),
// serial_wrap(..., true) and the serial exerciser's fcs_escape=1 escape them too, the literal
// reading of DSP0253. On decode the FCS bytes are accepted escaped or raw. A raw FCS byte may look like an escape (`7D 5E` is either the escaped 0x7E or the two
// raw bytes 0x7D 0x5E), so each FCS byte is read both ways and the reading that the computed
// FCS and the closing flag confirm wins; with no such reading the escaped one is shown. A
// frame that ends after its packet but before its closing flag is unwrapped without that
// partial tail, so that it decodes as truncated at the FCS.

#include <cstdint>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::binding {

inline constexpr std::uint8_t kSerialFlag = 0x7E;
inline constexpr std::uint8_t kSerialEscape = 0x7D;
inline constexpr std::uint8_t kSerialRevision = 0x01;

extern const LayerDef kSerial;

void register_serial(Registry& registry);

/// FCS of a frame: CRC-16/MCRF4XX over revision, byte count and the unescaped packet.
std::uint16_t serial_fcs(std::uint8_t revision, std::uint8_t byte_count, ByteView packet);

/// Whether a byte is sent as `7D, byte ^ 0x20`.
constexpr bool serial_needs_escape(std::uint8_t b) { return b == kSerialFlag || b == kSerialEscape; }

/// Appends `data` to `out` with 0x7E/0x7D escaped.
void serial_escape(ByteView data, Bytes& out);

enum class SerialFcsStyle : std::uint8_t {
  Raw,      // Linux, libmctp, mctp-rs, PyMCTP: the FCS bytes are sent as they are (the default)
  Escaped,  // literal DSP0253: the FCS bytes are escaped like the packet
};

/// A whole wire frame carrying `packet` (at most 255 bytes; throws std::invalid_argument beyond).
Bytes serial_frame(ByteView packet, SerialFcsStyle style = SerialFcsStyle::Raw);

/// LayerDef hooks: wire frame -> plain frame (escapes removed) and back; `escape_fcs` also
/// escapes the two FCS bytes.
Bytes serial_unwrap(ByteView wire);
Bytes serial_wrap(ByteView plain, bool escape_fcs = false);

namespace detail {

/// How the bytes after a frame's packet read as the FCS and the closing flag.
struct SerialTailReading {
  enum class Result : std::uint8_t {
    Match,     // an FCS equal to the computed one, then the closing flag
    Mismatch,  // an FCS then the closing flag, but no reading matches the computed FCS
    Pending,   // more bytes are needed: to tell, when more may come; else the data ends too soon
    NoFlag,    // no reading of the FCS is followed by a closing flag
  };
  Result result = Result::NoFlag;
  std::uint16_t fcs = 0;
  std::size_t used = 0;  // tail bytes through the closing flag (Match and Mismatch)
};

/// Reads `tail` (the wire bytes after the packet; at most 5 are ever needed) against `expected`.
/// `more_may_come`: the tail may still grow (streaming), so an incomplete reading is Pending
/// even when another reading is complete but does not match.
SerialTailReading read_serial_tail(ByteView tail, std::uint16_t expected, bool more_may_come);

}  // namespace detail

}  // namespace mctpkit::binding
