#pragma once
// Socket plumbing shared by the socket transports: an owning descriptor, stream endpoints
// (`unix=PATH` or `tcp=HOST:PORT`), a stream that connects without blocking and retries while
// its peer is absent, and UDP sockets. Nothing here knows a wire format.

#include <chrono>
#include <cstdint>
#include <string>

#include "exerciser/detail/option_reader.hpp"
#include "mctpkit/core/bytes.hpp"

namespace mctpkit::exerciser::detail {

class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  int get() const { return fd_; }
  int release();
  void reset(int fd = -1);
  explicit operator bool() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

struct StreamEndpoint {
  bool is_unix = true;
  std::string path;  // UNIX socket path
  std::string host;  // TCP host (numeric IPv4 or a name)
  std::uint16_t port = 0;

  std::string text() const;  // "unix:PATH" / "tcp:HOST:PORT", for messages
};

/// Reads `unix=PATH` or `tcp=HOST:PORT` (exactly one of them).
StreamEndpoint read_stream_endpoint(OptionReader& options);

/// Writes all of `data` to a non-blocking socket, waiting at most `timeout` for room.
/// Throws TransportError on failure or timeout.
void write_all(int fd, ByteView data, std::chrono::milliseconds timeout, const std::string& what);

/// A stream socket to a listening peer (QEMU's chardev server) that connects without blocking:
/// while the peer is absent it retries every `retry`, and after the peer goes it starts again.
/// Every call returns at once.
class ReconnectingStream {
 public:
  enum class Read { Nothing, Data, Closed };

  ReconnectingStream(StreamEndpoint endpoint, std::chrono::milliseconds retry);

  /// Advances the connection; true while connected. The first true after a (re)connection also
  /// sets just_connected() until it is taken.
  bool ensure_connected();
  bool take_just_connected();
  bool connected() const { return state_ == State::Connected; }
  /// Appends what the socket holds (at most `limit` bytes). Closed when the peer has gone: the
  /// stream is then disconnected and will reconnect.
  Read read(Bytes& into, std::size_t limit = 65536);
  /// Writes to the connected peer; throws TransportError when not connected or on failure
  /// (the stream is then disconnected).
  void write(ByteView data);
  void disconnect();
  /// The connected socket, or -1 while connecting or waiting to retry.
  int fd() const { return state_ == State::Connected ? socket_.get() : -1; }
  const StreamEndpoint& endpoint() const { return endpoint_; }

 private:
  enum class State { Idle, Connecting, Connected };
  void start_connect();

  StreamEndpoint endpoint_;
  std::chrono::milliseconds retry_;
  State state_ = State::Idle;
  UniqueFd socket_;
  std::chrono::steady_clock::time_point next_attempt_{};
  bool just_connected_ = false;
};

/// A UDP socket bound to `bind_host:in_port` and connected to `peer_host:out_port`, non-blocking.
UniqueFd open_udp(const std::string& bind_host, std::uint16_t in_port, const std::string& peer_host,
                  std::uint16_t out_port, const std::string& what);

}  // namespace mctpkit::exerciser::detail
