#include "mctpkit/binding/serial_deframer.hpp"

#include <algorithm>
#include <array>

#include "mctpkit/binding/serial.hpp"

namespace mctpkit::binding {

std::string_view to_string(SerialFault fault) {
  switch (fault) {
    case SerialFault::Noise: return "noise";
    case SerialFault::Aborted: return "aborted";
    case SerialFault::BadFcs: return "bad FCS";
    case SerialFault::Oversize: return "oversize";
    case SerialFault::Undersize: return "undersize";
    case SerialFault::Overlong: return "overlong";
  }
  return "?";
}

SerialDeframer::SerialDeframer() : SerialDeframer(Options{}) {}

SerialDeframer::SerialDeframer(Options options) : options_(options) {
  // Worst case: every byte escaped, plus flags. Reserved once so steady state does not allocate.
  frame_.wire.reserve(2 * (options_.max_byte_count + 4) + 2);
  frame_.packet.reserve(options_.max_byte_count);
  tail_.reserve(8);
}

void SerialDeframer::reset() {
  state_ = State::Hunt;
  damage_.length = 0;
  damage_.bytes.clear();
  frame_.wire.clear();
  frame_.packet.clear();
  tail_.clear();
}

void SerialDeframer::feed(ByteView data, SerialSink& sink) {
  stats_.bytes += data.size();
  for (std::uint8_t b : data) step(b, pos_++, sink);
}

void SerialDeframer::finish(SerialSink& sink) {
  // Resolving a pending tail can hand a few bytes back (after a closing flag); they may leave
  // another partial frame, so go on until nothing is pending. Each round has fewer bytes.
  while (state_ == State::Tail) on_tail(pos_ - 1, sink, false);
  switch (state_) {
    case State::Hunt:
    case State::Discard: report(sink); break;
    case State::Count:
    case State::CountEscaped:
    case State::Packet:
    case State::PacketEscaped:
      fail_frame(SerialFault::Aborted);
      report(sink);
      break;
    case State::AfterFlag:
    case State::Tail: break;
  }
  reset();
}

void SerialDeframer::keep(std::uint8_t b) {
  ++damage_.length;
  if (damage_.bytes.size() < options_.kept_bytes) damage_.bytes.push_back(b);
}

void SerialDeframer::begin_noise(std::uint8_t b, std::uint64_t pos) {
  damage_.fault = SerialFault::Noise;
  damage_.offset = pos;
  damage_.length = 0;
  damage_.bytes.clear();
  keep(b);
  state_ = State::Hunt;
}

void SerialDeframer::fail_frame(SerialFault fault) {
  damage_.fault = fault;
  damage_.offset = frame_.offset;
  damage_.length = frame_.wire.size();
  const std::size_t n = std::min(frame_.wire.size(), options_.kept_bytes);
  damage_.bytes.assign(frame_.wire.begin(), frame_.wire.begin() + static_cast<std::ptrdiff_t>(n));
}

void SerialDeframer::report(SerialSink& sink) {
  if (damage_.length == 0) return;
  ++stats_.faults[static_cast<std::size_t>(damage_.fault)];
  if (damage_.fault == SerialFault::Noise) stats_.noise_bytes += damage_.length;
  sink.damage(damage_);
  damage_.length = 0;
  damage_.bytes.clear();
}

void SerialDeframer::flag_seen(std::uint64_t pos) {
  flag_offset_ = pos;
  state_ = State::AfterFlag;
}

void SerialDeframer::got_count(std::uint8_t count) {
  count_ = count;
  if (count > options_.max_byte_count || count < options_.min_byte_count) {
    fail_frame(count > options_.max_byte_count ? SerialFault::Oversize : SerialFault::Undersize);
    state_ = State::Discard;
    return;
  }
  frame_.packet.clear();
  if (count == 0) {
    enter_tail();
  } else {
    state_ = State::Packet;
  }
}

void SerialDeframer::got_packet_byte(std::uint8_t b) {
  frame_.packet.push_back(b);
  if (frame_.packet.size() == count_) enter_tail();
}

void SerialDeframer::enter_tail() {
  expected_fcs_ = serial_fcs(kSerialRevision, count_, frame_.packet);
  tail_.clear();
  state_ = State::Tail;
}

void SerialDeframer::on_tail(std::uint64_t pos, SerialSink& sink, bool more_may_come) {
  using Result = detail::SerialTailReading::Result;
  const detail::SerialTailReading r = detail::read_serial_tail(tail_, expected_fcs_, more_may_come);
  if (r.result == Result::Pending) {
    if (more_may_come) return;
    fail_frame(SerialFault::Aborted);  // the stream ended in the FCS
    report(sink);
    tail_.clear();
    state_ = State::Hunt;
    return;
  }

  // `pos` is the offset of the last tail byte; bytes not used by the reading are fed again.
  const std::uint64_t first_tail_pos = pos + 1 - tail_.size();
  std::array<std::uint8_t, 8> again{};
  std::size_t again_count = 0;
  std::uint64_t again_pos = 0;

  if (r.result == Result::NoFlag) {
    // Nothing closes the frame where its count says: drop it up to the next flag, which may be
    // among the tail bytes (a frame that lost bytes runs into the next one's opening flag).
    frame_.wire.resize(frame_.wire.size() - tail_.size());
    fail_frame(SerialFault::Overlong);
    state_ = State::Discard;
    again_count = std::min(tail_.size(), again.size());
    std::copy_n(tail_.begin(), again_count, again.begin());
    again_pos = first_tail_pos;
  } else {
    const std::size_t extra = tail_.size() - r.used;
    frame_.wire.resize(frame_.wire.size() - extra);
    if (r.result == Result::Match) {
      frame_.fcs = r.fcs;
      ++stats_.frames;
      sink.frame(frame_);
    } else {
      fail_frame(SerialFault::BadFcs);
      report(sink);
    }
    // The closing flag also opens the next frame (a second 7E is simply another flag).
    const std::uint64_t flag_pos = first_tail_pos + r.used - 1;
    flag_seen(flag_pos);
    again_count = std::min(extra, again.size());
    std::copy_n(tail_.begin() + static_cast<std::ptrdiff_t>(r.used), again_count, again.begin());
    again_pos = flag_pos + 1;
  }
  tail_.clear();
  for (std::size_t k = 0; k < again_count; ++k) step(again[k], again_pos + k, sink);
}

void SerialDeframer::step(std::uint8_t b, std::uint64_t pos, SerialSink& sink) {
  // A flag inside a frame's header or packet can only be a flag: escaping keeps 0x7E out of them.
  const bool flag = b == kSerialFlag;
  switch (state_) {
    case State::Hunt:
      if (flag) {
        report(sink);
        flag_seen(pos);
      } else {
        if (damage_.length == 0) {
          begin_noise(b, pos);
        } else {
          keep(b);
        }
      }
      return;
    case State::AfterFlag:
      if (flag) {
        flag_offset_ = pos;
      } else if (b == kSerialRevision) {
        frame_.offset = flag_offset_;
        frame_.wire.assign({kSerialFlag, b});
        state_ = State::Count;
      } else {
        begin_noise(b, pos);
      }
      return;
    case State::Discard:
      if (flag) {
        report(sink);
        flag_seen(pos);
      } else {
        keep(b);
      }
      return;
    case State::Tail:
      tail_.push_back(b);
      frame_.wire.push_back(b);
      on_tail(pos, sink, true);
      return;
    case State::Count:
    case State::CountEscaped:
    case State::Packet:
    case State::PacketEscaped: break;
  }
  if (flag) {
    fail_frame(SerialFault::Aborted);
    report(sink);
    flag_seen(pos);
    return;
  }
  frame_.wire.push_back(b);
  switch (state_) {
    case State::Count:
      if (b == kSerialEscape) {
        state_ = State::CountEscaped;
      } else {
        got_count(b);
      }
      break;
    case State::CountEscaped: got_count(static_cast<std::uint8_t>(b ^ 0x20)); break;
    case State::Packet:
      if (b == kSerialEscape) {
        state_ = State::PacketEscaped;
      } else {
        got_packet_byte(b);
      }
      break;
    case State::PacketEscaped:
      state_ = State::Packet;
      got_packet_byte(static_cast<std::uint8_t>(b ^ 0x20));
      break;
    default: break;
  }
}

}  // namespace mctpkit::binding
