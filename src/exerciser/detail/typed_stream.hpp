#pragma once
// A reconnecting stream of length-framed typed messages that says HELLO first on every
// connection and checks the peer's HELLO: the common part of qemu-i3c-stream and
// qemu-i2c-stream.

#include <chrono>
#include <deque>
#include <string>
#include <vector>

#include "exerciser/detail/socket_io.hpp"
#include "exerciser/detail/typed_message.hpp"

namespace mctpkit::exerciser::detail {

class TypedStream {
 public:
  TypedStream(std::string what, StreamEndpoint endpoint, std::chrono::milliseconds retry, std::uint8_t hello_type);

  struct Poll {
    bool connected_now = false;  // a new connection: HELLO has been sent, the caller says the rest
    std::vector<TypedMessage> messages;  // HELLO excluded
  };
  /// Connects when due, reads what has arrived. Throws TransportError on a malformed stream
  /// (the connection is then dropped and made again).
  Poll poll();
  /// Sends one message; false when not connected (or the write failed and the stream dropped).
  bool send(std::uint8_t type, ByteView payload);
  bool connected() const { return stream_.connected(); }
  int fd() const { return stream_.fd(); }
  bool hello_received() const { return hello_received_; }

  static constexpr std::size_t kMaxMessage = 65536 + 1;

 private:
  std::string what_;
  ReconnectingStream stream_;
  LengthFramer framer_;
  std::uint8_t hello_type_;
  bool hello_received_ = false;
};

}  // namespace mctpkit::exerciser::detail
