#pragma once
// The typed messages of QEMU's remote I2C/I3C netdev and stream transports
// (pymctp-compat.md §4): a message is `[type][payload]`; a UDP datagram holds one, a TCP stream
// frames each as `[u32 big-endian length = 1 + payload size][type][payload]`, and a stream
// starts with HELLO (payload u32 big-endian 0x00010000) from each side.

#include <cstdint>
#include <optional>
#include <string>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::exerciser::detail {

struct TypedMessage {
  std::uint8_t type = 0;
  Bytes payload;
};

inline constexpr std::uint32_t kHelloVersion = 0x00010000;

/// `[type][payload]`, as in a datagram.
Bytes encode_datagram(std::uint8_t type, ByteView payload);
/// `[u32 BE length][type][payload]`, as on a stream.
Bytes encode_framed(std::uint8_t type, ByteView payload);
/// A datagram's message; nullopt when it is empty.
std::optional<TypedMessage> decode_datagram(ByteView datagram);

/// Splits a stream into messages however its bytes arrive. A length of 0 or above `max_length`
/// throws TransportError (naming `what`) before anything of that size is buffered.
class LengthFramer {
 public:
  LengthFramer(std::size_t max_length, std::string what) : max_length_(max_length), what_(std::move(what)) {}

  void feed(ByteView bytes) { buffer_.insert(buffer_.end(), bytes.begin(), bytes.end()); }
  std::optional<TypedMessage> next();
  void reset() {
    buffer_.clear();
    pos_ = 0;
  }

 private:
  std::size_t max_length_;
  std::string what_;
  Bytes buffer_;
  std::size_t pos_ = 0;
};

}  // namespace mctpkit::exerciser::detail
