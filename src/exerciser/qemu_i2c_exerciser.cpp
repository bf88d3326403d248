#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "exerciser/detail/builtins.hpp"
#include "exerciser/detail/spec_reader.hpp"
#include "mctpkit/exerciser/qemu_i2c.hpp"

namespace mctpkit::exerciser {

namespace {

// Destination, command, count, source, 4-byte transport header... PyMCTP drops anything shorter.
constexpr std::size_t kMinDatagram = 7;
// The largest SMBus frame: 3 header bytes, up to 255 counted bytes, PEC.
constexpr std::size_t kMaxDatagram = 3 + 255 + 1;

sockaddr_in address(const std::string& host, std::uint16_t port, std::string_view what) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  if (::inet_pton(AF_INET, host.c_str(), &a.sin_addr) != 1) {
    throw std::invalid_argument("qemu-i2c: " + std::string(what) + "=" + host + " is not an IPv4 address");
  }
  return a;
}

class QemuI2cExerciser : public Exerciser {
 public:
  explicit QemuI2cExerciser(QemuI2cOptions options) : options_(std::move(options)) {
    const sockaddr_in local = address(options_.host, options_.in, "host");
    peer_ = address(options_.peer_host, options_.out, "peer-host");
    fd_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw TransportError(std::string("qemu-i2c: cannot create a UDP socket: ") + std::strerror(errno));
    if (::bind(fd_, reinterpret_cast<const sockaddr*>(&local), sizeof local) != 0) {
      const std::string why = std::strerror(errno);
      ::close(fd_);
      throw TransportError("qemu-i2c: cannot bind " + options_.host + ":" + std::to_string(options_.in) + ": " + why);
    }
    sockaddr_in bound{};
    socklen_t len = sizeof bound;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&bound), &len);
    port_ = ntohs(bound.sin_port);
  }
  ~QemuI2cExerciser() override { ::close(fd_); }

  std::string_view link() const override { return "smbus"; }
  int fd() const override { return fd_; }
  std::size_t mtu() const override { return options_.mtu; }
  std::optional<std::uint8_t> own_address() const override { return options_.addr; }
  std::optional<std::uint8_t> peer_address() const override { return options_.peer; }

  void send(ByteView frame) override {
    if (peer_.sin_port == 0) {
      throw TransportError("qemu-i2c: no peer port to send to (give out=PORT, or receive a frame first)");
    }
    ssize_t n;
    do {
      n = ::sendto(fd_, frame.data(), frame.size(), 0, reinterpret_cast<const sockaddr*>(&peer_), sizeof peer_);
    } while (n < 0 && errno == EINTR);
    // A peer not listening yet shows up as ECONNREFUSED on loopback: the datagram is lost, as
    // on a bus with no target; only a local failure is an error.
    if (n < 0 && errno != ECONNREFUSED) {
      throw TransportError(std::string("qemu-i2c: send failed: ") + std::strerror(errno));
    }
  }

  std::optional<Bytes> try_recv() override {
    std::uint8_t buffer[kMaxDatagram + 1];
    while (true) {
      sockaddr_in from{};
      socklen_t len = sizeof from;
      ssize_t n = ::recvfrom(fd_, buffer, sizeof buffer, MSG_TRUNC, reinterpret_cast<sockaddr*>(&from), &len);
      if (n < 0) {
        if (errno == EINTR || errno == ECONNREFUSED) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) return std::nullopt;
        throw TransportError(std::string("qemu-i2c: receive failed: ") + std::strerror(errno));
      }
      const auto size = static_cast<std::size_t>(n);
      if (size < kMinDatagram || size > kMaxDatagram) {
        ++dropped_;
        continue;
      }
      if (options_.out == 0) peer_ = from;
      return Bytes(buffer, buffer + size);
    }
  }

  std::uint16_t port() const { return port_; }
  std::uint64_t dropped() const { return dropped_; }

 private:
  QemuI2cOptions options_;
  sockaddr_in peer_{};
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::uint64_t dropped_ = 0;
};

}  // namespace

QemuI2cOptions qemu_i2c_options(const Spec& spec) {
  if (!spec.main.empty()) {
    throw std::invalid_argument("qemu-i2c: '" + spec.main + "' has no key (qemu-i2c:in=5558,out=5559,addr=0x20,peer=0x10)");
  }
  detail::SpecReader r(spec, {"in", "out", "host", "peer-host", "addr", "peer", "mtu"});
  QemuI2cOptions o;
  o.in = static_cast<std::uint16_t>(r.number("in", 0, 0, 65535));
  o.out = static_cast<std::uint16_t>(r.number("out", 0, 0, 65535));
  o.host = r.text("host", "127.0.0.1");
  o.peer_host = r.text("peer-host", "127.0.0.1");
  o.addr = static_cast<std::uint8_t>(r.number("addr", 0x10, 0, 0x7F));
  if (auto peer = r.number("peer", 0, 0x7F)) o.peer = static_cast<std::uint8_t>(*peer);
  // DSP0237: the byte count covers the source address byte and the packet, at most 255.
  o.mtu = r.number("mtu", 64, 1, 250);
  return o;
}

std::unique_ptr<Exerciser> open_qemu_i2c(const QemuI2cOptions& options) {
  return std::make_unique<QemuI2cExerciser>(options);
}

std::optional<std::uint16_t> qemu_i2c_port(const Exerciser& exerciser) {
  if (const auto* q = dynamic_cast<const QemuI2cExerciser*>(&exerciser)) return q->port();
  return std::nullopt;
}

std::optional<std::uint64_t> qemu_i2c_dropped(const Exerciser& exerciser) {
  if (const auto* q = dynamic_cast<const QemuI2cExerciser*>(&exerciser)) return q->dropped();
  return std::nullopt;
}

void register_qemu_i2c_exerciser(ExerciserRegistry& registry) {
  registry.add({"qemu-i2c", "SMBus frames in UDP datagrams, one each way (QEMU I2C netdev)",
                "qemu-i2c:in=PORT,out=PORT[,host=127.0.0.1][,peer-host=127.0.0.1][,addr=0x10][,peer=0x1D][,mtu=64]",
                [](const Spec& spec) { return open_qemu_i2c(qemu_i2c_options(spec)); }});
}

}  // namespace mctpkit::exerciser
