// DSP0253 byte stuffing: escaping, and reading back a frame whose FCS bytes may or may not be
// escaped.

#include <array>
#include <stdexcept>

#include "mctpkit/binding/serial.hpp"
#include "mctpkit/core/crc.hpp"

namespace mctpkit::binding {

std::uint16_t serial_fcs(std::uint8_t revision, std::uint8_t byte_count, ByteView packet) {
  const std::uint8_t head[2] = {revision, byte_count};
  return crc::crc16_fcs(packet, crc::crc16_fcs(ByteView(head, 2)));
}

void serial_escape(ByteView data, Bytes& out) {
  for (std::uint8_t b : data) {
    if (serial_needs_escape(b)) {
      out.push_back(kSerialEscape);
      out.push_back(static_cast<std::uint8_t>(b ^ 0x20));
    } else {
      out.push_back(b);
    }
  }
}

Bytes serial_frame(ByteView packet, SerialFcsStyle style) {
  if (packet.size() > 0xFF) {
    throw std::invalid_argument("serial: an MCTP packet of more than 255 bytes does not fit the byte count");
  }
  const auto count = static_cast<std::uint8_t>(packet.size());
  const std::uint16_t fcs = serial_fcs(kSerialRevision, count, packet);
  const std::uint8_t head[2] = {kSerialRevision, count};
  const std::uint8_t fcs_bytes[2] = {static_cast<std::uint8_t>(fcs >> 8), static_cast<std::uint8_t>(fcs)};
  Bytes out;
  out.reserve(2 * packet.size() + 10);
  out.push_back(kSerialFlag);
  serial_escape(ByteView(head, 2), out);
  serial_escape(packet, out);
  if (style == SerialFcsStyle::Escaped) {
    serial_escape(ByteView(fcs_bytes, 2), out);
  } else {
    out.insert(out.end(), fcs_bytes, fcs_bytes + 2);
  }
  out.push_back(kSerialFlag);
  return out;
}

Bytes serial_wrap(ByteView plain, bool escape_fcs) {
  // The flags stay as they are; revision, byte count and packet are escaped; the two FCS bytes
  // before the closing flag are escaped only on request.
  if (plain.size() < 2) return Bytes(plain.begin(), plain.end());
  const std::size_t fcs_begin = plain.size() >= 5 ? plain.size() - 3 : plain.size() - 1;
  Bytes out;
  out.reserve(2 * plain.size());
  out.push_back(plain.front());
  serial_escape(plain.subspan(1, fcs_begin - 1), out);
  const ByteView fcs = plain.subspan(fcs_begin, plain.size() - 1 - fcs_begin);
  if (escape_fcs) {
    serial_escape(fcs, out);
  } else {
    out.insert(out.end(), fcs.begin(), fcs.end());
  }
  out.push_back(plain.back());
  return out;
}

namespace detail {

namespace {

struct Candidate {
  enum class State : std::uint8_t { Complete, Pending, Dead };
  State state;
  std::uint16_t fcs = 0;
  std::size_t used = 0;
};

// One reading of the tail: each FCS byte escaped (`escaped[k]`) or raw, then the closing flag.
// An escaped FCS byte can only stand for 0x7E or 0x7D, so `7D` must be followed by 5E or 5D.
Candidate read_one(ByteView tail, std::array<bool, 2> escaped) {
  std::size_t pos = 0;
  std::uint16_t fcs = 0;
  for (bool esc : escaped) {
    if (pos >= tail.size()) return {Candidate::State::Pending};
    if (esc) {
      if (tail[pos] != kSerialEscape) return {Candidate::State::Dead};
      if (pos + 1 >= tail.size()) return {Candidate::State::Pending};
      const std::uint8_t b = static_cast<std::uint8_t>(tail[pos + 1] ^ 0x20);
      if (!serial_needs_escape(b)) return {Candidate::State::Dead};
      fcs = static_cast<std::uint16_t>(fcs << 8 | b);
      pos += 2;
    } else {
      fcs = static_cast<std::uint16_t>(fcs << 8 | tail[pos]);
      pos += 1;
    }
  }
  if (pos >= tail.size()) return {Candidate::State::Pending};
  if (tail[pos] != kSerialFlag) return {Candidate::State::Dead};
  return {Candidate::State::Complete, fcs, pos + 1};
}

}  // namespace

SerialTailReading read_serial_tail(ByteView tail, std::uint16_t expected, bool more_may_come) {
  // Preference when nothing matches: the DSP0253 (escaped) reading first.
  static constexpr std::array<std::array<bool, 2>, 4> kOrder = {{{true, true}, {true, false}, {false, true}, {false, false}}};
  std::array<Candidate, 4> found{};
  for (std::size_t k = 0; k < kOrder.size(); ++k) found[k] = read_one(tail, kOrder[k]);
  bool pending = false;
  const Candidate* first_complete = nullptr;
  for (const Candidate& c : found) {
    if (c.state == Candidate::State::Complete && c.fcs == expected) {
      return {SerialTailReading::Result::Match, c.fcs, c.used};
    }
    if (c.state == Candidate::State::Pending) pending = true;
    if (c.state == Candidate::State::Complete && first_complete == nullptr) first_complete = &c;
  }
  if (pending && (more_may_come || first_complete == nullptr)) return {SerialTailReading::Result::Pending};
  if (first_complete != nullptr) return {SerialTailReading::Result::Mismatch, first_complete->fcs, first_complete->used};
  return {SerialTailReading::Result::NoFlag};
}

}  // namespace detail

namespace {

// Removes escapes from wire[pos, ...) until `want` plain bytes are out or the data ends. A lone
// escape at the very end stands for a byte that never arrived and is dropped.
void unescape(ByteView wire, std::size_t& pos, std::size_t want, Bytes& out) {
  for (std::size_t n = 0; n < want && pos < wire.size(); ++n) {
    std::uint8_t b = wire[pos++];
    if (b == kSerialEscape) {
      if (pos >= wire.size()) return;
      b = static_cast<std::uint8_t>(wire[pos++] ^ 0x20);
    }
    out.push_back(b);
  }
}

}  // namespace

Bytes serial_unwrap(ByteView wire) {
  Bytes out;
  if (wire.empty()) return out;
  out.reserve(wire.size());
  out.push_back(wire[0]);  // opening flag, kept as it is so a wrong one is reported
  std::size_t pos = 1;
  unescape(wire, pos, 2, out);  // revision, byte count
  if (out.size() < 3) return out;
  const std::size_t packet_begin = out.size();
  unescape(wire, pos, out[2], out);
  if (out.size() - packet_begin < out[2]) return out;  // truncated in the packet

  const ByteView rest = wire.subspan(pos);
  const std::uint16_t expected = serial_fcs(out[1], out[2], ByteView(out).subspan(packet_begin));
  const detail::SerialTailReading r = detail::read_serial_tail(rest, expected, false);
  if (r.result == detail::SerialTailReading::Result::Pending) {
    // The data ends in the FCS or before the closing flag. The partial tail is left out so the
    // frame is reported truncated at its FCS: the decoder reports a short trailer only when
    // the payload reaches the end of the data.
    return out;
  }
  if (r.result == detail::SerialTailReading::Result::NoFlag) {
    // Not closed where the byte count says: show the rest with escapes removed.
    std::size_t p = 0;
    unescape(rest, p, rest.size(), out);
    return out;
  }
  out.push_back(static_cast<std::uint8_t>(r.fcs >> 8));
  out.push_back(static_cast<std::uint8_t>(r.fcs));
  // The closing flag and anything after it stay raw: the decoder reports trailing bytes.
  out.insert(out.end(), rest.begin() + static_cast<std::ptrdiff_t>(r.used - 1), rest.end());
  return out;
}

}  // namespace mctpkit::binding
