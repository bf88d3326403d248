#pragma once
// A streaming DSP0253 deframer: bytes go in, in chunks of any size, and whole frames come out.
//
// A frame starts at a flag followed by revision 0x01; the byte count then says where the FCS
// is, so FCS bytes are accepted raw (Linux, libmctp) or escaped (DSP0253), and a raw FCS byte
// equal to 0x7E is not mistaken for a flag. `7E 7E` between frames and a single flag shared
// by the end of one frame and the start of the next both work.
//
// What is not a good frame is reported once, with where it started, how many bytes it spans
// and its first bytes, then the deframer resynchronizes on the next flag:
//   Noise      bytes outside any frame (after a flag, anything but 0x7E or 0x01 starts noise)
//   Aborted    a flag (or the end of the stream) came before the frame was complete; that flag
//              opens the next frame, so the frame after the damage is not lost
//   BadFcs     complete and closed, but the FCS does not match
//   Oversize   byte count above Options::max_byte_count
//   Undersize  byte count below Options::min_byte_count
//   Overlong   no closing flag where the byte count puts it (more bytes than the count says)
// The bytes of an Oversize, Undersize or Overlong frame up to the next flag belong to it.
//
// Memory is bounded: one frame of at most max_byte_count bytes plus at most `kept_bytes` of
// each report. Events are delivered to a sink while the bytes are fed; the references handed
// to the sink are valid only during the call.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::binding {

struct SerialFrame {
  std::uint64_t offset = 0;  // stream offset of the opening flag
  std::uint16_t fcs = 0;
  Bytes packet;  // the MCTP packet, escapes removed
  Bytes wire;    // the frame as received, opening and closing flag included
};

enum class SerialFault : std::uint8_t { Noise, Aborted, BadFcs, Oversize, Undersize, Overlong };

std::string_view to_string(SerialFault fault);

struct SerialDamage {
  SerialFault fault = SerialFault::Noise;
  std::uint64_t offset = 0;  // stream offset of the first dropped byte
  std::uint64_t length = 0;  // how many bytes were dropped
  Bytes bytes;               // the first of them (at most Options::kept_bytes)
};

class SerialSink {
 public:
  virtual ~SerialSink() = default;
  virtual void frame(const SerialFrame& frame) = 0;
  virtual void damage(const SerialDamage& damage) = 0;
};

/// A sink that keeps copies of everything (tests, small tools).
class SerialCollector : public SerialSink {
 public:
  void frame(const SerialFrame& f) override { frames.push_back(f); }
  void damage(const SerialDamage& d) override { damages.push_back(d); }
  std::vector<SerialFrame> frames;
  std::vector<SerialDamage> damages;
};

class SerialDeframer {
 public:
  struct Options {
    std::size_t max_byte_count = 255;  // Linux accepts at most 74
    std::size_t min_byte_count = 4;    // an MCTP transport header
    std::size_t kept_bytes = 1024;     // bytes of a report kept in SerialDamage::bytes
  };

  struct Stats {
    std::uint64_t bytes = 0;
    std::uint64_t frames = 0;
    std::uint64_t noise_bytes = 0;
    std::uint64_t faults[6] = {};  // indexed by SerialFault
    std::uint64_t count(SerialFault f) const { return faults[static_cast<std::size_t>(f)]; }
  };

  SerialDeframer();
  explicit SerialDeframer(Options options);

  /// Takes the next bytes of the stream; reports what they complete to `sink`.
  void feed(ByteView data, SerialSink& sink);
  /// End of the stream: reports a frame or noise still pending, then starts over.
  void finish(SerialSink& sink);
  /// Forgets any partial frame without reporting it (statistics are kept).
  void reset();

  const Stats& stats() const { return stats_; }
  const Options& options() const { return options_; }

 private:
  enum class State : std::uint8_t { Hunt, AfterFlag, Count, CountEscaped, Packet, PacketEscaped, Tail, Discard };

  void step(std::uint8_t b, std::uint64_t pos, SerialSink& sink);
  void begin_noise(std::uint8_t b, std::uint64_t pos);
  void keep(std::uint8_t b);
  void got_count(std::uint8_t count);
  void got_packet_byte(std::uint8_t b);
  void enter_tail();
  void on_tail(std::uint64_t pos, SerialSink& sink, bool more_may_come);
  void fail_frame(SerialFault fault);
  void report(SerialSink& sink);
  void flag_seen(std::uint64_t pos);

  Options options_;
  Stats stats_;
  State state_ = State::Hunt;
  std::uint64_t pos_ = 0;          // stream offset of the next byte fed
  std::uint64_t flag_offset_ = 0;  // offset of the flag that opened the current frame
  std::uint8_t count_ = 0;
  std::uint16_t expected_fcs_ = 0;
  Bytes tail_;  // wire bytes after the packet: FCS (raw or escaped) and closing flag
  SerialFrame frame_;
  SerialDamage damage_;
};

}  // namespace mctpkit::binding
