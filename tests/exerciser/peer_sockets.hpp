#pragma once
// Scripted peers for the socket transports: listeners on a private UNIX path or 127.0.0.1 port
// 0, and reads/accepts that keep the exerciser under test running (it only moves bytes when
// called) until a deadline.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "mctpkit/core/bytes.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::test {

using namespace std::chrono_literals;

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    reset();
    fd_ = std::exchange(o.fd_, -1);
    return *this;
  }
  ~Fd() { reset(); }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int get() const { return fd_; }

 private:
  int fd_ = -1;
};

/// A private directory for UNIX sockets, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    char name[] = "/tmp/mctpkit-exerciser-XXXXXX";
    path_ = ::mkdtemp(name);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline Fd listen_unix(const std::string& path) {
  Fd s(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  std::strncpy(a.sun_path, path.c_str(), sizeof a.sun_path - 1);
  if (::bind(s.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(s.get(), 4) != 0) return Fd();
  return s;
}

inline std::uint16_t local_port(int fd) {
  sockaddr_in a{};
  socklen_t n = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n);
  return ntohs(a.sin_port);
}

inline Fd bind_loopback(int type, std::uint16_t& port) {
  Fd s(::socket(AF_INET, type | SOCK_CLOEXEC, 0));
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(s.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return Fd();
  if (type == SOCK_STREAM && ::listen(s.get(), 4) != 0) return Fd();
  port = local_port(s.get());
  return s;
}

/// Frames the exerciser produced while the peer waited.
using FrameLog = std::deque<Bytes>;

inline void pump(Exerciser& ex, FrameLog& frames) {
  while (auto f = ex.try_recv()) frames.push_back(std::move(*f));
}

/// Accepts one connection within `timeout`, running the exerciser meanwhile; -1 on timeout.
inline Fd accept_pumping(int listener, Exerciser& ex, FrameLog& frames, std::chrono::milliseconds timeout = 3s) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    pump(ex, frames);
    pollfd p{listener, POLLIN, 0};
    if (::poll(&p, 1, 5) == 1) return Fd(::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC));
  }
  return Fd();
}

/// Reads exactly `n` bytes within `timeout` (fewer on timeout or end of stream), running the
/// exerciser meanwhile.
inline Bytes read_pumping(int fd, std::size_t n, Exerciser& ex, FrameLog& frames,
                          std::chrono::milliseconds timeout = 3s) {
  Bytes out;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (out.size() < n && std::chrono::steady_clock::now() < deadline) {
    pump(ex, frames);
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 5) != 1) continue;
    std::uint8_t buffer[4096];
    ssize_t got = ::recv(fd, buffer, std::min(sizeof buffer, n - out.size()), 0);
    if (got <= 0) break;
    out.insert(out.end(), buffer, buffer + got);
  }
  return out;
}

/// Runs the exerciser until it hands up a frame or `timeout` passes.
inline std::optional<Bytes> frame_pumping(Exerciser& ex, FrameLog& frames, std::chrono::milliseconds timeout = 3s) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (frames.empty() && std::chrono::steady_clock::now() < deadline) {
    pump(ex, frames);
    if (frames.empty()) ::poll(nullptr, 0, 2);
  }
  if (frames.empty()) return std::nullopt;
  Bytes f = std::move(frames.front());
  frames.pop_front();
  return f;
}

inline void put(int fd, const Bytes& bytes) {
  ASSERT_EQ(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
}

inline Bytes hex(const char* text) { return *parse_hex(text); }

/// Nothing arrives on `fd` for `quiet` while the exerciser runs.
inline bool stays_quiet(int fd, Exerciser& ex, FrameLog& frames, std::chrono::milliseconds quiet = 50ms) {
  return read_pumping(fd, 1, ex, frames, quiet).empty();
}

}  // namespace mctpkit::exerciser::test
