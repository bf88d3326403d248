#pragma once
// The I3C target side of the typed-message formats shared by qemu-i3c-netdev2 (UDP) and
// qemu-i3c-stream (TCP), pymctp-compat.md §4: what to say on connect, what each message from
// QEMU means, and how a frame is sent. Messages in and out are TypedMessage; the transports
// carry them as datagrams or length-framed.

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "exerciser/detail/remote_i3c_target.hpp"
#include "exerciser/detail/typed_message.hpp"

namespace mctpkit::exerciser::detail {

class I3cTypedTarget {
 public:
  enum Type : std::uint8_t {
    kData = 0x00,
    kSetReg = 0x01,
    kHotJoin = 0x02,
    kHotRemove = 0x03,
    kIbiReq = 0x04,
    kCccNotify = 0x05,
    kEvent = 0x06,
    kHello = 0x07,
  };
  enum Register : std::uint8_t {
    kRegPid = 0x00,
    kRegBcr = 0x01,
    kRegDcr = 0x02,
    kRegMwl = 0x03,
    kRegMrl = 0x04,
    kRegStaticAddress = 0x08,
  };
  enum Event : std::uint8_t { kConnected = 0, kDisconnected = 1, kHotJoinAck = 2, kHotJoinNack = 3, kBusStop = 4 };

  /// `ibi_mdb`: when set, every DATA sent is followed by IBI_REQ with this mandatory data byte.
  I3cTypedTarget(I3cTargetRegisters registers, std::optional<std::uint8_t> ibi_mdb)
      : registers_(registers), ibi_mdb_(ibi_mdb) {}

  /// What the target says when it (re)joins: its registers (SET_REG each), then HOT_JOIN.
  std::vector<TypedMessage> join() const;
  /// What sending `data` (packet + PEC) takes.
  std::vector<TypedMessage> send(ByteView data) const;
  /// Handles a message from QEMU; a DATA message yields an `i3c` link frame.
  std::optional<Bytes> receive(const TypedMessage& message);

  std::optional<std::uint8_t> dynamic_address() const { return dynamic_address_; }
  const I3cTargetRegisters& registers() const { return registers_; }
  std::optional<std::uint8_t> last_event() const { return last_event_; }

 private:
  I3cTargetRegisters registers_;
  std::optional<std::uint8_t> ibi_mdb_;
  std::optional<std::uint8_t> dynamic_address_;
  std::optional<std::uint8_t> last_event_;
};

/// HELLO's payload, u32 big-endian.
Bytes hello_payload();
/// Checks a HELLO payload: the major version (high 16 bits) must be 1. Throws TransportError.
void check_hello(ByteView payload, const std::string& what);

}  // namespace mctpkit::exerciser::detail
