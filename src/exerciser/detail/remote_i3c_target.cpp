#include "exerciser/detail/remote_i3c_target.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::detail {

namespace {

// CCC codes (MIPI I3C); broadcast < 0x80 <= directed.
constexpr std::uint8_t kRstdaa = 0x06, kEntdaa = 0x07, kSetmwlAll = 0x09, kSetmrlAll = 0x0A, kSetaasa = 0x29;
constexpr std::uint8_t kRstdaaDirect = 0x86, kSetdasa = 0x87, kSetnewda = 0x88, kSetmwl = 0x89, kSetmrl = 0x8A;
constexpr std::uint8_t kGetmwl = 0x8B, kGetmrl = 0x8C, kGetpid = 0x8D, kGetbcr = 0x8E, kGetdcr = 0x8F,
                       kGetstatus = 0x90, kGetmxds = 0x94;

std::uint32_t le32(const std::uint8_t* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

void put_le32(Bytes& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

std::string hex_byte(std::uint8_t b) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", b);
  return text;
}

}  // namespace

RemoteI3cTarget::RemoteI3cTarget(I3cTargetRegisters registers, std::size_t max_transfer, bool ack_start)
    : registers_(registers), max_transfer_(max_transfer), ack_start_(ack_start) {}

void RemoteI3cTarget::feed(ByteView bytes, Bytes& out) {
  buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
  // Messages are consumed by advancing pos_, and the buffer shrinks once per call, so a flood of
  // one-byte events costs linear time.
  pos_ = 0;
  try {
    while (pos_ < buffer_.size() && step(out)) {
    }
  } catch (...) {
    buffer_.clear();
    throw;
  }
  buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(pos_));
}

bool RemoteI3cTarget::step(Bytes& out) {
  const std::uint8_t* b = buffer_.data() + pos_;
  const std::size_t available = buffer_.size() - pos_;
  const std::uint8_t op = b[0];
  std::size_t used = 1;
  switch (op) {
    case kStartRead:
    case kStartWrite:
    case kStartCccWrite:
    case kStartCccRead:
      // A (repeated) START: a directed CCC continues after it, so the CCC state stays.
      bus_stopped_ = false;
      if (ack_start_) out.push_back(0x00);
      break;
    case kStop:
      bus_stopped_ = true;
      in_ccc_ = false;
      ccc_ = 0;
      maybe_raise_ibi(out);
      break;
    case kNack:
    case kIbiAck:  // the controller reads the data next
      break;
    case kIbiNack:
    case kIbiDataNack:
      // Refused: raise it again when the bus next stops or more data is queued.
      ibi_pending_ = false;
      break;
    case kPrivRead:
    case kCccRead: {
      if (available < 5) return false;
      const std::uint32_t wanted = le32(b + 1);
      used = 5;
      Bytes answer;
      if (op == kCccRead) {
        answer = ccc_answer();
      } else if (!outbound_.empty()) {
        answer = std::move(outbound_.front());
        outbound_.pop_front();
        ibi_pending_ = false;
      }
      // A read shorter than the data ends it there: the rest is not sent (the controller read
      // less than the target's MRL announced).
      if (answer.size() > wanted) answer.resize(wanted);
      put_le32(out, static_cast<std::uint32_t>(answer.size()));
      out.insert(out.end(), answer.begin(), answer.end());
      break;
    }
    case kPrivWrite:
    case kCccWrite: {
      if (available < 5) return false;
      const std::uint32_t length = le32(b + 1);
      if (length > max_transfer_) {
        throw TransportError("qemu-i3c: the controller announced a " + std::to_string(length) +
                             "-byte transfer, above the " + std::to_string(max_transfer_) + "-byte limit");
      }
      if (available < 5 + std::size_t(length)) return false;
      used = 5 + length;
      ByteView data(b + 5, length);
      if (op == kCccWrite) {
        ccc_write(data);
      } else if (!data.empty()) {
        const std::uint8_t address = dynamic_address_.value_or(registers_.static_address.value_or(0));
        Bytes frame{static_cast<std::uint8_t>(address << 1)};
        frame.insert(frame.end(), data.begin(), data.end());
        if (inbound_.size() == kMaxQueuedFrames) inbound_.pop_front();  // bounded under a flood
        inbound_.push_back(std::move(frame));
      }
      break;
    }
    default:
      throw TransportError("qemu-i3c: unknown opcode " + hex_byte(op) + " from the controller");
  }
  pos_ += used;
  return true;
}

void RemoteI3cTarget::ccc_write(ByteView data) {
  if (data.empty()) return;
  if (!in_ccc_) {
    in_ccc_ = true;
    ccc_ = data[0];
    data = data.subspan(1);
  }
  auto u16 = [&] { return static_cast<std::uint16_t>(data[0] << 8 | data[1]); };
  switch (ccc_) {
    case kEntdaa:
    case kSetnewda:
      // The address byte is taken as the 7-bit address itself, as QEMU's I3C core sends it
      // (hw/i3c/core.c assigns the written byte unchanged).
      if (!data.empty()) dynamic_address_ = static_cast<std::uint8_t>(data[0] & 0x7F);
      break;
    case kRstdaa:
    case kRstdaaDirect:
      dynamic_address_.reset();
      break;
    case kSetdasa:
    case kSetaasa:
      if (registers_.static_address) dynamic_address_ = registers_.static_address;
      break;
    case kSetmwlAll:
    case kSetmwl:
      if (data.size() >= 2) registers_.mwl = u16();
      break;
    case kSetmrlAll:
    case kSetmrl:
      if (data.size() >= 2) registers_.mrl = u16();
      break;
    default:
      break;  // ENEC, DISEC and the rest change nothing a target emulation keeps
  }
}

Bytes RemoteI3cTarget::ccc_answer() const {
  Bytes pid;
  for (int shift = 40; shift >= 0; shift -= 8) pid.push_back(static_cast<std::uint8_t>(registers_.pid >> shift));
  switch (ccc_) {
    case kEntdaa:
      pid.push_back(registers_.bcr);
      pid.push_back(registers_.dcr);
      return pid;
    case kGetpid:
      return pid;
    case kGetbcr:
      return {registers_.bcr};
    case kGetdcr:
      return {registers_.dcr};
    case kGetmwl:
      return {static_cast<std::uint8_t>(registers_.mwl >> 8), static_cast<std::uint8_t>(registers_.mwl)};
    case kGetmrl:
      return {static_cast<std::uint8_t>(registers_.mrl >> 8), static_cast<std::uint8_t>(registers_.mrl)};
    case kGetmxds:
    case kGetstatus:
      return {0x00, 0x00};
    default:
      return {};
  }
}

void RemoteI3cTarget::maybe_raise_ibi(Bytes& out) {
  if (!bus_stopped_ || ibi_pending_ || outbound_.empty() || !dynamic_address_) return;
  out.insert(out.end(), {kIbi, *dynamic_address_, 0x01, 0x00, 0x00, 0x00, 0x00});
  ibi_pending_ = true;
}

void RemoteI3cTarget::queue(ByteView data, Bytes& out) {
  if (outbound_.size() == kMaxQueuedFrames) {
    throw TransportError("qemu-i3c: " + std::to_string(kMaxQueuedFrames) +
                         " frames already wait for the controller to read them");
  }
  outbound_.emplace_back(data.begin(), data.end());
  maybe_raise_ibi(out);
}

void RemoteI3cTarget::restart(Bytes& out) {
  buffer_.clear();
  bus_stopped_ = true;
  ibi_pending_ = false;
  in_ccc_ = false;
  ccc_ = 0;
  maybe_raise_ibi(out);
}

std::optional<Bytes> RemoteI3cTarget::pop_frame() {
  if (inbound_.empty()) return std::nullopt;
  Bytes frame = std::move(inbound_.front());
  inbound_.pop_front();
  return frame;
}

}  // namespace mctpkit::exerciser::detail
