#pragma once
// The I3C target side of QEMU's remote-I3C chardev protocol (pymctp-compat.md §4, qemu-i3c), as a
// pure state machine: fed the controller's bytes however the stream splits them, it produces the
// bytes to answer and the private writes it received. The transport only moves bytes.
//
// Controller -> target: one opcode byte per event; PRIV_WRITE/CCC_WRITE carry `u32 LE length,
// data`, PRIV_READ/CCC_READ carry `u32 LE length` and are answered `u32 LE length, data`.
// Target -> controller, unprompted: IBI `09 <dyn_addr> <RnW=1> <u32 LE payload length = 0>`.

#include <cstdint>
#include <deque>
#include <optional>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::exerciser::detail {

struct I3cTargetRegisters {
  std::uint64_t pid = 0;  // 48-bit Provisioned ID
  std::uint8_t bcr = 0x02;
  std::uint8_t dcr = 0xCC;  // MCTP device (protocol reference §4.3)
  std::uint16_t mwl = 256;
  std::uint16_t mrl = 256;
  std::optional<std::uint8_t> static_address;
};

class RemoteI3cTarget {
 public:
  enum Opcode : std::uint8_t {
    kStartRead = 0x01,
    kStartWrite = 0x02,
    kStop = 0x03,
    kNack = 0x04,
    kPrivRead = 0x05,
    kPrivWrite = 0x06,
    kCccWrite = 0x07,
    kCccRead = 0x08,
    kIbi = 0x09,
    // Newer QEMU announces the start of a CCC transfer with its own opcodes.
    kStartCccWrite = 0x0A,
    kStartCccRead = 0x0B,
    kIbiAck = 0xC0,
    kIbiNack = 0xC1,
    kIbiDataNack = 0xC2,
  };

  /// `max_transfer` bounds one transfer's length (a larger one is a protocol error);
  /// `ack_start` answers every START with 0x00 as the QEMU versions that wait for it need.
  RemoteI3cTarget(I3cTargetRegisters registers, std::size_t max_transfer, bool ack_start);

  /// Consumes controller bytes, appending the answers to `out`. Throws TransportError on an
  /// unknown opcode or a length above the bound; the stream is then out of step.
  void feed(ByteView bytes, Bytes& out);
  /// Queues `data` (packet + PEC) for the controller to read; appends an IBI to `out` when the
  /// bus is stopped. Throws TransportError when the queue is full.
  void queue(ByteView data, Bytes& out);
  /// A new connection: the transfer state starts over, the bus is stopped, queued data stays
  /// (and is announced by an IBI, appended to `out`, if an address is known).
  void restart(Bytes& out);

  /// Private writes received, as `i3c` link frames: (address<<1 | 0), packet, PEC.
  std::optional<Bytes> pop_frame();
  std::optional<std::uint8_t> dynamic_address() const { return dynamic_address_; }
  const I3cTargetRegisters& registers() const { return registers_; }
  std::size_t queued() const { return outbound_.size(); }

  static constexpr std::size_t kMaxQueuedFrames = 256;

 private:
  bool step(Bytes& out);  // handles one complete message at the front of the buffer
  void ccc_write(ByteView data);
  Bytes ccc_answer() const;
  void maybe_raise_ibi(Bytes& out);

  I3cTargetRegisters registers_;
  std::size_t max_transfer_;
  bool ack_start_;
  Bytes buffer_;
  std::size_t pos_ = 0;
  std::optional<std::uint8_t> dynamic_address_;
  bool bus_stopped_ = true;
  bool ibi_pending_ = false;
  bool in_ccc_ = false;
  std::uint8_t ccc_ = 0;
  std::deque<Bytes> outbound_;
  std::deque<Bytes> inbound_;
};

}  // namespace mctpkit::exerciser::detail
