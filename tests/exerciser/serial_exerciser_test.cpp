// The serial exerciser on a pseudo-terminal: the test holds the master side and speaks DSP0253
// byte for byte; frames and FCS values are written by hand (CRC-16/MCRF4XX).
#include "mctpkit/exerciser/serial.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <unistd.h>

#include "exerciser_test_support.hpp"
#include "mctpkit/binding/serial.hpp"
#include "mctpkit/exerciser/requester.hpp"

namespace mctpkit::exerciser {
namespace {

using namespace std::chrono_literals;
using testing::expr;
using testing::hex;

// Get EID, tag 1, instance ID 1: the example of pymctp-compat.md section 4 (FCS raw).
const Bytes kGetEidTag1 = hex("7E 01 07 01 09 08 C9 00 81 02 0B D1 7E");
const Bytes kGetEidTag0 = hex("7E 01 07 01 09 08 C8 00 80 02 0E B2 7E");
// Its response from EID 9 (tag 1, instance ID 1).
const Bytes kResponseTag1 = hex("7E 01 0B 01 08 09 C1 00 01 02 00 09 00 00 17 25 7E");

class Pty {
 public:
  Pty() {
    int slave = -1;
    if (::openpty(&master_, &slave, nullptr, nullptr, nullptr) != 0) throw std::runtime_error("openpty failed");
    path_ = ::ttyname(slave);
    // The exerciser opens the path itself; the test's slave descriptor is not needed.
    ::close(slave);
  }
  ~Pty() { close_master(); }
  const std::string& path() const { return path_; }
  void write(const Bytes& b) { ASSERT_EQ(::write(master_, b.data(), b.size()), static_cast<ssize_t>(b.size())); }
  // Reads exactly `n` bytes or what came within 2 s.
  Bytes read(std::size_t n) {
    Bytes out;
    while (out.size() < n) {
      pollfd p{master_, POLLIN, 0};
      if (::poll(&p, 1, 2000) <= 0) break;
      std::uint8_t buf[512];
      ssize_t got = ::read(master_, buf, std::min(sizeof buf, n - out.size()));
      if (got <= 0) break;
      out.insert(out.end(), buf, buf + got);
    }
    return out;
  }
  void close_master() {
    if (master_ >= 0) ::close(master_);
    master_ = -1;
  }

 private:
  int master_ = -1;
  std::string path_;
};

std::unique_ptr<Exerciser> open_on(const Pty& pty, const std::string& options = "") {
  return open("serial:" + pty.path() + options);
}

TEST(SerialExerciser, SendsFramesWithTheFcsRawAndMatchesTheResponse) {
  Pty pty;
  auto ex = open_on(pty);
  EXPECT_EQ(ex->link(), "serial");
  Requester r(*ex);
  EXPECT_EQ(r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {5ms, 0}).outcome, Outcome::NoResponse);
  EXPECT_EQ(pty.read(kGetEidTag0.size()), kGetEidTag0);
  pty.write(kResponseTag1);  // queued in the tty before the second request is sent
  Exchange x = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {1000ms, 0});
  EXPECT_EQ(pty.read(kGetEidTag1.size()), kGetEidTag1);
  EXPECT_EQ(x.outcome, Outcome::Response) << x.detail;
  ASSERT_EQ(x.response_packets.size(), 1u);
  EXPECT_EQ(x.response_packets[0], kResponseTag1);
}

TEST(SerialExerciser, ResponseInPiecesAfterNoiseAndAnAbortedFrame) {
  Pty pty;
  auto ex = open_on(pty, ",baud=9600,parity=even,stop=2");
  pty.write(hex("55 AA 00"));                 // line noise
  pty.write(hex("7E 01 0B 01 08 09"));        // a frame cut short by the next flag
  pty.write(hex("7E 01 0B 01 08 09 C0 00"));  // the response, in three reads
  pty.write(hex("00 02 00 09 00"));
  pty.write(hex("00 92 B1 7E"));
  Requester r(*ex);
  Exchange x = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {1000ms, 0});
  EXPECT_EQ(x.outcome, Outcome::Response) << x.detail;
  auto counters = serial_counters(*ex);
  ASSERT_TRUE(counters);
  EXPECT_EQ(counters->deframer.frames, 1u);
  EXPECT_EQ(counters->deframer.count(binding::SerialFault::Noise), 1u);
  EXPECT_EQ(counters->deframer.count(binding::SerialFault::Aborted), 1u);
}

TEST(SerialExerciser, AcceptsTheFcsEscapedAndEscapesItOnRequest) {
  Pty pty;
  auto ex = open_on(pty, ",fcs_escape=1");
  // FCS 0x7D5E (packet 01 31 0A CB 00 92 02): escaped on the wire as 7D 5D 5E.
  ex->send(binding::serial_frame(hex("01 31 0A CB 00 92 02")));
  EXPECT_EQ(pty.read(14), hex("7E 01 07 01 31 0A CB 00 92 02 7D 5D 5E 7E"));
  // Received either way.
  pty.write(hex("7E 01 07 01 31 0A CB 00 92 02 7D 5D 5E 7E"));
  pty.write(hex("7E 01 07 01 31 0A CB 00 92 02 7D 5E 7E"));
  EXPECT_EQ(recv(*ex, 1000ms), hex("7E 01 07 01 31 0A CB 00 92 02 7D 5D 5E 7E"));
  EXPECT_EQ(recv(*ex, 1000ms), hex("7E 01 07 01 31 0A CB 00 92 02 7D 5E 7E"));
}

TEST(SerialExerciser, PeerVanishingMidFrameIsATransportError) {
  Pty pty;
  auto ex = open_on(pty);
  pty.write(hex("7E 01 0B 01 08 09 C0"));
  EXPECT_EQ(recv(*ex, 50ms), std::nullopt);
  pty.close_master();
  try {
    recv(*ex, 2000ms);
    FAIL() << "no error";
  } catch (const TransportError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("serial: " + pty.path() + ": the port is gone (", 0), 0u) << e.what();
  }
}

TEST(SerialExerciser, OptionErrors) {
  auto message = [](const std::string& spec) {
    try {
      open(spec);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("serial"), "serial: no device (serial:/dev/ttyUSB0,baud=115200)");
  EXPECT_EQ(message("serial:/dev/null,parity=mark"), "serial: parity=mark is not one of none, even, odd");
  EXPECT_EQ(message("serial:/dev/null,stop=3"), "serial: stop=3 is not a number from 1 to 2");
  EXPECT_EQ(message("serial:/dev/null,speed=9600"),
            "serial: unknown option 'speed' (options: dev, baud, parity, stop, flow, fcs_escape, mtu)");
  EXPECT_EQ(message("serial:/dev/null,baud=1234").substr(0, 47), "serial: baud=1234 is not a supported rate (1200");
  EXPECT_EQ(message("serial:/nonexistent/tty"), "serial: cannot open /nonexistent/tty: No such file or directory");
  EXPECT_EQ(message("serial:/dev/null"), "serial: /dev/null is not a tty: Inappropriate ioctl for device");
}

}  // namespace
}  // namespace mctpkit::exerciser
