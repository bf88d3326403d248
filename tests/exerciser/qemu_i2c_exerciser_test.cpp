// The qemu-i2c exerciser against a scripted UDP peer on 127.0.0.1, and against itself.
#include "mctpkit/exerciser/qemu_i2c.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "exerciser_test_support.hpp"
#include "mctpkit/exerciser/requester.hpp"

namespace mctpkit::exerciser {
namespace {

using namespace std::chrono_literals;
using testing::expr;
using testing::hex;

// SMBus frames written by hand (DSP0237; PEC = CRC-8 over every byte from the destination).
const Bytes kGetEid = hex("3A 0F 08 21 01 09 08 C8 00 80 02 30");               // 0x10 -> 0x1D
const Bytes kGetEidResponse = hex("20 0F 0C 3B 01 08 09 C0 00 00 02 00 09 00 00 80");  // 0x1D -> 0x10

class UdpPeer {
 public:
  UdpPeer() {
    fd_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) throw std::runtime_error("bind failed");
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }
  ~UdpPeer() { ::close(fd_); }
  std::uint16_t port() const { return port_; }
  void send_to(std::uint16_t port, const Bytes& b) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::sendto(fd_, b.data(), b.size(), 0, reinterpret_cast<sockaddr*>(&a), sizeof a), static_cast<ssize_t>(b.size()));
  }
  std::optional<Bytes> receive() {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 2000) <= 0) return std::nullopt;
    std::uint8_t buf[512];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n < 0) return std::nullopt;
    return Bytes(buf, buf + n);
  }

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
};

TEST(QemuI2cExerciser, OneSmbusFramePerDatagramBothWays) {
  UdpPeer peer;
  auto ex = open("qemu-i2c:in=0,out=" + std::to_string(peer.port()) + ",addr=0x10,peer=0x1D");
  EXPECT_EQ(ex->link(), "smbus");
  EXPECT_EQ(ex->own_address(), 0x10);
  EXPECT_EQ(ex->peer_address(), 0x1D);
  const std::uint16_t port = *qemu_i2c_port(*ex);
  ASSERT_NE(port, 0);
  peer.send_to(port, hex("20 0F 02 3B"));  // shorter than 7 bytes: dropped
  peer.send_to(port, kGetEidResponse);
  Requester r(*ex);
  Exchange x = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {1000ms, 0});
  EXPECT_EQ(peer.receive(), kGetEid);
  EXPECT_EQ(x.outcome, Outcome::Response) << x.detail;
  ASSERT_EQ(x.response_packets.size(), 1u);
  EXPECT_EQ(x.response_packets[0], kGetEidResponse);
  EXPECT_EQ(qemu_i2c_dropped(*ex), 1u);
}

TEST(QemuI2cExerciser, MctpkitAgainstMctpkit) {
  // The responder replies to whoever sent last (out=0); the requester sends to the responder.
  auto responder = open("qemu-i2c:in=0,addr=0x1D,peer=0x10");
  auto requester_side = open("qemu-i2c:in=0,out=" + std::to_string(*qemu_i2c_port(*responder)) + ",addr=0x10,peer=0x1D");
  std::thread answer([&responder] {
    auto request = recv(*responder, 2000ms);
    ASSERT_TRUE(request);
    EXPECT_EQ(*request, kGetEid);
    Requester r(*responder);
    auto sent = r.send(expr("mctp(dst=8,src=9,to=0,tag=0)/control(rq=0,iid=0,cmd=get_endpoint_id,cc=0)/"
                            "get_endpoint_id(eid=9)"));
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0], kGetEidResponse);
  });
  Requester r(*requester_side);
  Exchange x = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {2000ms, 0});
  answer.join();
  EXPECT_EQ(x.outcome, Outcome::Response) << x.detail;
}

TEST(QemuI2cExerciser, OptionErrors) {
  auto message = [](const std::string& spec) {
    try {
      open(spec);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("qemu-i2c:in=70000"), "qemu-i2c: in=70000 is not a number from 0 to 65535");
  EXPECT_EQ(message("qemu-i2c:in=0,addr=0x80"), "qemu-i2c: addr=0x80 is not a number from 0 to 127");
  EXPECT_EQ(message("qemu-i2c:in=0,host=localhost"), "qemu-i2c: host=localhost is not an IPv4 address");
  EXPECT_EQ(message("qemu-i2c:5558"), "qemu-i2c: '5558' has no key (qemu-i2c:in=5558,out=5559,addr=0x20,peer=0x10)");
  auto ex = open("qemu-i2c:in=0");
  try {
    ex->send(kGetEid);
    FAIL();
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(), "qemu-i2c: no peer port to send to (give out=PORT, or receive a frame first)");
  }
}

}  // namespace
}  // namespace mctpkit::exerciser
