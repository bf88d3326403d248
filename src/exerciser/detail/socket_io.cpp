#include "exerciser/detail/socket_io.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::detail {

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) reset(other.release());
  return *this;
}

int UniqueFd::release() {
  int fd = fd_;
  fd_ = -1;
  return fd;
}

void UniqueFd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

std::string StreamEndpoint::text() const {
  return is_unix ? "unix:" + path : "tcp:" + host + ":" + std::to_string(port);
}

StreamEndpoint read_stream_endpoint(OptionReader& options) {
  auto unix_path = options.text("unix");
  auto tcp = options.text("tcp");
  if (unix_path && tcp) options.fail("tcp", "cannot be given together with 'unix'");
  StreamEndpoint endpoint;
  if (unix_path) {
    if (unix_path->empty() || unix_path->size() >= sizeof(sockaddr_un{}.sun_path)) {
      options.fail("unix", "must be a socket path of 1 to " + std::to_string(sizeof(sockaddr_un{}.sun_path) - 1) +
                               " characters");
    }
    endpoint.path = *unix_path;
    return endpoint;
  }
  if (!tcp) options.fail("unix", "or 'tcp' is required (unix=PATH or tcp=HOST:PORT)");
  std::size_t colon = tcp->rfind(':');
  auto port = colon == std::string::npos ? std::nullopt : parse_unsigned(std::string_view(*tcp).substr(colon + 1));
  if (!port || *port == 0 || *port > 65535 || colon == 0) {
    options.fail("tcp", "must be HOST:PORT with a port from 1 to 65535, not '" + *tcp + "'");
  }
  endpoint.is_unix = false;
  endpoint.host = tcp->substr(0, colon);
  endpoint.port = static_cast<std::uint16_t>(*port);
  return endpoint;
}

void write_all(int fd, ByteView data, std::chrono::milliseconds timeout, const std::string& what) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
      throw TransportError(what + ": write failed: " + std::strerror(errno));
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw TransportError(what + ": write timed out (the peer does not read)");
    pollfd p{fd, POLLOUT, 0};
    ::poll(&p, 1, static_cast<int>(left.count()));
  }
}

namespace {

// Resolves a TCP host; numeric addresses need no resolver.
bool resolve(const std::string& host, std::uint16_t port, sockaddr_storage& out, socklen_t& length) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* result = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &result) != 0 || !result) return false;
  std::memcpy(&out, result->ai_addr, result->ai_addrlen);
  length = result->ai_addrlen;
  ::freeaddrinfo(result);
  return true;
}

}  // namespace

ReconnectingStream::ReconnectingStream(StreamEndpoint endpoint, std::chrono::milliseconds retry)
    : endpoint_(std::move(endpoint)), retry_(retry) {}

void ReconnectingStream::start_connect() {
  sockaddr_storage address{};
  socklen_t length = 0;
  if (endpoint_.is_unix) {
    auto* un = reinterpret_cast<sockaddr_un*>(&address);
    un->sun_family = AF_UNIX;
    std::memcpy(un->sun_path, endpoint_.path.c_str(), endpoint_.path.size() + 1);
    length = sizeof(sockaddr_un);
  } else if (!resolve(endpoint_.host, endpoint_.port, address, length)) {
    return;  // not resolvable now: try again at the next attempt
  }
  UniqueFd s(::socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!s) return;
  if (!endpoint_.is_unix) {
    int one = 1;
    ::setsockopt(s.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  if (::connect(s.get(), reinterpret_cast<sockaddr*>(&address), length) == 0) {
    state_ = State::Connected;
    just_connected_ = true;
  } else if (errno == EINPROGRESS || errno == EAGAIN) {
    state_ = State::Connecting;
  } else {
    return;  // refused or absent: retry later
  }
  socket_ = std::move(s);
}

bool ReconnectingStream::ensure_connected() {
  const auto now = std::chrono::steady_clock::now();
  if (state_ == State::Idle && now >= next_attempt_) {
    next_attempt_ = now + retry_;
    start_connect();
  }
  if (state_ == State::Connecting) {
    pollfd p{socket_.get(), POLLOUT, 0};
    if (::poll(&p, 1, 0) == 1) {
      int error = 0;
      socklen_t size = sizeof error;
      ::getsockopt(socket_.get(), SOL_SOCKET, SO_ERROR, &error, &size);
      if (error == 0) {
        state_ = State::Connected;
        just_connected_ = true;
      } else {
        disconnect();
      }
    } else if (now >= next_attempt_) {
      disconnect();  // a connect that hangs longer than the retry interval starts over
    }
  }
  return state_ == State::Connected;
}

bool ReconnectingStream::take_just_connected() {
  bool was = just_connected_;
  just_connected_ = false;
  return was;
}

void ReconnectingStream::disconnect() {
  socket_.reset();
  state_ = State::Idle;
  just_connected_ = false;
}

ReconnectingStream::Read ReconnectingStream::read(Bytes& into, std::size_t limit) {
  if (state_ != State::Connected) return Read::Nothing;
  std::size_t start = into.size();
  into.resize(start + limit);
  ssize_t n;
  do {
    n = ::recv(socket_.get(), into.data() + start, limit, 0);
  } while (n < 0 && errno == EINTR);
  into.resize(start + (n > 0 ? static_cast<std::size_t>(n) : 0));
  if (n > 0) return Read::Data;
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Read::Nothing;
  // End of stream or a reset: the peer has gone. Reconnect at once, then every retry interval.
  disconnect();
  next_attempt_ = std::chrono::steady_clock::now();
  return Read::Closed;
}

void ReconnectingStream::write(ByteView data) {
  if (state_ != State::Connected) throw TransportError(endpoint_.text() + ": not connected to the peer");
  try {
    write_all(socket_.get(), data, std::chrono::milliseconds(1000), endpoint_.text());
  } catch (...) {
    disconnect();
    next_attempt_ = std::chrono::steady_clock::now();
    throw;
  }
}

UniqueFd open_udp(const std::string& bind_host, std::uint16_t in_port, const std::string& peer_host,
                  std::uint16_t out_port, const std::string& what) {
  sockaddr_in local{};
  local.sin_family = AF_INET;
  local.sin_port = htons(in_port);
  sockaddr_in peer{};
  peer.sin_family = AF_INET;
  peer.sin_port = htons(out_port);
  if (::inet_pton(AF_INET, bind_host.c_str(), &local.sin_addr) != 1) {
    throw std::invalid_argument(what + ": option 'host' must be an IPv4 address, not '" + bind_host + "'");
  }
  if (::inet_pton(AF_INET, peer_host.c_str(), &peer.sin_addr) != 1) {
    throw std::invalid_argument(what + ": option 'peer-host' must be an IPv4 address, not '" + peer_host + "'");
  }
  UniqueFd s(::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!s) throw TransportError(what + ": cannot create a UDP socket: " + std::strerror(errno));
  if (::bind(s.get(), reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
    throw TransportError(what + ": cannot bind " + bind_host + ":" + std::to_string(in_port) + ": " +
                         std::strerror(errno));
  }
  if (::connect(s.get(), reinterpret_cast<sockaddr*>(&peer), sizeof peer) != 0) {
    throw TransportError(what + ": cannot address " + peer_host + ":" + std::to_string(out_port) + ": " +
                         std::strerror(errno));
  }
  return s;
}

}  // namespace mctpkit::exerciser::detail
