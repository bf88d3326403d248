// qemu-i3c-netdev2: mctpkit as an I3C target on QEMU's I3C UDP netdev, one typed message per
// datagram. The exerciser binds `in` and sends to `out`; it joins (registers, HOT_JOIN) when it
// opens.
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "exerciser/detail/builtins.hpp"
#include "exerciser/detail/i3c_options.hpp"
#include "exerciser/detail/i3c_typed_target.hpp"
#include "exerciser/detail/socket_io.hpp"

namespace mctpkit::exerciser::detail {

namespace {

class QemuI3cNetdev2 : public Exerciser {
 public:
  QemuI3cNetdev2(UniqueFd socket, I3cTargetOptions target, std::optional<std::uint8_t> ibi_mdb)
      : socket_(std::move(socket)), target_(target.registers, ibi_mdb), mtu_(target.mtu) {
    for (const TypedMessage& m : target_.join()) put(m);
  }

  std::string_view link() const override { return "i3c"; }
  std::size_t mtu() const override { return mtu_; }
  std::optional<std::uint8_t> own_address() const override { return target_.dynamic_address(); }
  int fd() const override { return socket_.get(); }

  void send(ByteView frame) override {
    if (frame.size() < 2) throw TransportError("qemu-i3c-netdev2: an i3c frame needs an address byte and a PEC");
    for (const TypedMessage& m : target_.send(frame.subspan(1))) put(m);
  }

  std::optional<Bytes> try_recv() override {
    Bytes datagram(65536);
    while (true) {
      ssize_t n = ::recv(socket_.get(), datagram.data(), datagram.size(), 0);
      if (n < 0) {
        if (errno == EINTR || errno == ECONNREFUSED) continue;  // ICMP from an absent peer: not an error
        if (errno == EAGAIN || errno == EWOULDBLOCK) return std::nullopt;
        throw TransportError(std::string("qemu-i3c-netdev2: receive failed: ") + std::strerror(errno));
      }
      auto message = decode_datagram(ByteView(datagram.data(), static_cast<std::size_t>(n)));
      if (!message) continue;
      if (auto frame = target_.receive(*message)) return frame;
    }
  }

 private:
  void put(const TypedMessage& m) {
    Bytes datagram = encode_datagram(m.type, m.payload);
    if (::send(socket_.get(), datagram.data(), datagram.size(), MSG_NOSIGNAL) < 0 && errno != ECONNREFUSED) {
      throw TransportError(std::string("qemu-i3c-netdev2: send failed: ") + std::strerror(errno));
    }
  }

  UniqueFd socket_;
  I3cTypedTarget target_;
  std::size_t mtu_;
};

std::unique_ptr<Exerciser> open_qemu_i3c_netdev2(const Spec& spec) {
  OptionReader options(spec);
  auto in = options.number("in", 0, 65535);
  auto out = options.number("out", 1, 65535);
  if (!out) options.fail("out", "is required (the UDP port QEMU listens on)");
  std::string host = options.text("host").value_or("127.0.0.1");
  std::string peer_host = options.text("peer-host").value_or("127.0.0.1");
  I3cTargetOptions target = read_i3c_target_options(options);
  auto mdb = options.number("ibi-mdb", 0, 0xFF);
  options.finish();
  std::optional<std::uint8_t> ibi_mdb;
  if (mdb) ibi_mdb = static_cast<std::uint8_t>(*mdb);
  UniqueFd socket = open_udp(host, static_cast<std::uint16_t>(in.value_or(0)), peer_host,
                             static_cast<std::uint16_t>(*out), "qemu-i3c-netdev2");
  return std::make_unique<QemuI3cNetdev2>(std::move(socket), target, ibi_mdb);
}

}  // namespace

void register_qemu_i3c_netdev2(ExerciserRegistry& registry) {
  registry.add({.name = "qemu-i3c-netdev2",
                .description = "I3C target on QEMU's I3C UDP netdev (typed messages, one per datagram)",
                .syntax = std::string("qemu-i3c-netdev2:out=PORT[,in=PORT][,host=ADDR][,peer-host=ADDR]") +
                          kI3cRegisterSyntax + "[,ibi-mdb=N]",
                .factory = open_qemu_i3c_netdev2});
}

}  // namespace mctpkit::exerciser::detail
