// qemu-i3c-stream (TCP, length-framed, HELLO) and qemu-i3c-netdev2 (UDP datagrams): the typed
// I3C messages of pymctp-compat.md §4 byte for byte against scripted QEMU peers.
#include <gtest/gtest.h>

#include "exerciser/detail/typed_message.hpp"
#include "peer_sockets.hpp"

namespace mctpkit::exerciser {
namespace {

using test::hex;

// HELLO, then the registers (PID 0x0123456789AB, BCR 0x06, DCR 0xCC, MWL 0x0100, MRL 0x0045,
// static address 0x30) and HOT_JOIN, each length-framed.
const char* kJoinStream =
    "00 00 00 05 07 00 01 00 00 "
    "00 00 00 08 01 00 01 23 45 67 89 AB "
    "00 00 00 03 01 01 06 "
    "00 00 00 03 01 02 CC "
    "00 00 00 04 01 03 01 00 "
    "00 00 00 04 01 04 00 45 "
    "00 00 00 03 01 08 30 "
    "00 00 00 01 02";
const char* kRegisters = ",pid=0x0123456789AB,bcr=0x06,dcr=0xCC,mwl=0x100,mrl=0x45,static=0x30";

TEST(LengthFramer, SplitsMessagesHoweverTheBytesArrive) {
  const Bytes stream = hex("00 00 00 05 07 00 01 00 00 00 00 00 01 02 00 00 00 03 05 07 08");
  for (std::size_t chunk = 1; chunk <= stream.size(); ++chunk) {
    detail::LengthFramer framer(64, "test");
    std::string seen;
    for (std::size_t i = 0; i < stream.size(); i += chunk) {
      framer.feed(ByteView(stream).subspan(i, std::min(chunk, stream.size() - i)));
      while (auto m = framer.next()) seen += std::to_string(m->type) + ":" + to_hex(m->payload) + ";";
    }
    EXPECT_EQ(seen, "7:00 01 00 00;2:;5:07 08;") << "chunk " << chunk;
  }
}

TEST(LengthFramer, RejectsZeroAndOversizedLengthsBeforeBuffering) {
  detail::LengthFramer framer(64, "qemu-i3c-stream");
  framer.feed(hex("7F FF FF FF 00"));
  try {
    framer.next();
    FAIL() << "no error";
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(), "qemu-i3c-stream: message length 2147483647 is above the 64-byte limit");
  }
  framer.feed(hex("00 00 00 00"));
  try {
    framer.next();
    FAIL() << "no error";
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(), "qemu-i3c-stream: message length 0 is zero (a message has at least its type byte)");
  }
  EXPECT_EQ(to_hex(detail::encode_framed(0x00, hex("AA BB"))), "00 00 00 03 00 AA BB");
}

class QemuI3cStream : public ::testing::Test {
 protected:
  void SetUp() override {
    listener = test::bind_loopback(SOCK_STREAM, port);
    ASSERT_GE(listener.get(), 0);
  }
  std::unique_ptr<Exerciser> open_target(const std::string& extra = "") {
    return open("qemu-i3c-stream:tcp=127.0.0.1:" + std::to_string(port) + kRegisters + ",retry=20" + extra);
  }
  std::uint16_t port = 0;
  test::Fd listener;
  test::FrameLog frames;
};

TEST_F(QemuI3cStream, JoinsTracksItsAddressAndCarriesDataBothWays) {
  auto ex = open_target(",ibi-mdb=0xAE");
  EXPECT_EQ(ex->link(), "i3c");
  test::Fd qemu = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(qemu.get(), 0);
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), hex(kJoinStream).size(), *ex, frames)), to_hex(hex(kJoinStream)));

  // QEMU: HELLO, hot-join ACK event, ENTDAA gave 0x08, then a private write.
  test::put(qemu.get(), hex("00 00 00 05 07 00 01 00 00  00 00 00 02 06 02  00 00 00 03 05 07 08 "
                            "00 00 00 0B 00 01 00 0A CF 00 91 01 00 1D CA"));
  auto frame = test::frame_pumping(*ex, frames);
  ASSERT_TRUE(frame);
  EXPECT_EQ(to_hex(*frame), "10 01 00 0A CF 00 91 01 00 1D CA");
  EXPECT_EQ(ex->own_address(), 0x08);

  ex->send(hex("11 01 00 0A CF 00 91 01 00 1D A2"));
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), 21, *ex, frames)),
            "00 00 00 0B 00 01 00 0A CF 00 91 01 00 1D A2 00 00 00 02 04 AE");

  test::put(qemu.get(), hex("00 00 00 03 05 88 09"));  // SETNEWDA 0x09
  test::frame_pumping(*ex, frames, std::chrono::milliseconds(50));
  EXPECT_EQ(ex->own_address(), 0x09);
  test::put(qemu.get(), hex("00 00 00 02 05 06"));  // RSTDAA
  test::frame_pumping(*ex, frames, std::chrono::milliseconds(50));
  EXPECT_FALSE(ex->own_address());
}

TEST_F(QemuI3cStream, RejoinsAfterQemuGoesAndSendsWhatWaited) {
  auto ex = open_target();
  test::Fd qemu = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(qemu.get(), 0);
  EXPECT_EQ(test::read_pumping(qemu.get(), hex(kJoinStream).size(), *ex, frames).size(), hex(kJoinStream).size());
  qemu.reset();
  test::frame_pumping(*ex, frames, std::chrono::milliseconds(30));  // notices the end of the stream
  ex->send(hex("11 AA BB"));  // waits for the next connection
  qemu = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(qemu.get(), 0);
  Bytes expected = hex(kJoinStream);
  Bytes data = hex("00 00 00 03 00 AA BB");
  expected.insert(expected.end(), data.begin(), data.end());
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), expected.size(), *ex, frames)), to_hex(expected));
}

TEST(QemuI3cStreamAbsent, FramesThatWaitForQemuArePendingUntilSent) {
  test::TempDir dir;
  const std::string path = dir.file("i3c.sock");
  test::FrameLog frames;
  auto ex = open("qemu-i3c-stream:unix=" + path + kRegisters + ",retry=20");
  EXPECT_FALSE(output_pending(*ex));
  ex->send(hex("11 AA BB"));
  EXPECT_TRUE(output_pending(*ex));
  test::Fd listener = test::listen_unix(path);
  test::Fd qemu = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(qemu.get(), 0);
  Bytes expected = hex(kJoinStream);
  Bytes data = hex("00 00 00 03 00 AA BB");
  expected.insert(expected.end(), data.begin(), data.end());
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), expected.size(), *ex, frames)), to_hex(expected));
  EXPECT_FALSE(output_pending(*ex));
}

TEST_F(QemuI3cStream, BadHelloAndOversizedLengthsAreErrorsAndTheStreamStartsOver) {
  auto ex = open_target();
  test::Fd qemu = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(qemu.get(), 0);
  test::read_pumping(qemu.get(), hex(kJoinStream).size(), *ex, frames);
  auto error_after = [&](const Bytes& bytes) -> std::string {
    test::put(qemu.get(), bytes);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (std::chrono::steady_clock::now() < deadline) {
      try {
        ex->try_recv();
      } catch (const TransportError& e) {
        return e.what();
      }
      ::poll(nullptr, 0, 2);
    }
    return "";
  };
  EXPECT_EQ(error_after(hex("00 00 00 05 07 00 02 00 00")),
            "qemu-i3c-stream: the peer's HELLO has version 0x00020000 (expected version 0x00010000)");
  qemu = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(qemu.get(), 0);
  test::read_pumping(qemu.get(), hex(kJoinStream).size(), *ex, frames);
  EXPECT_EQ(error_after(hex("FF FF FF FF 00")),
            "qemu-i3c-stream: message length 4294967295 is above the 65537-byte limit");
  qemu = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(qemu.get(), 0);
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), hex(kJoinStream).size(), *ex, frames)), to_hex(hex(kJoinStream)));
}

TEST(QemuI3cNetdev2, JoinsByDatagramAndCarriesDataBothWays) {
  std::uint16_t port = 0;
  test::Fd qemu = test::bind_loopback(SOCK_DGRAM, port);
  ASSERT_GE(qemu.get(), 0);
  auto ex = open("qemu-i3c-netdev2:out=" + std::to_string(port) + kRegisters);
  EXPECT_EQ(ex->link(), "i3c");
  test::FrameLog frames;
  auto datagram = [&]() -> std::string {
    pollfd p{qemu.get(), POLLIN, 0};
    if (::poll(&p, 1, 3000) != 1) return "(none)";
    std::uint8_t buffer[2048];
    sockaddr_in from{};
    socklen_t size = sizeof from;
    ssize_t n = ::recvfrom(qemu.get(), buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&from), &size);
    ::connect(qemu.get(), reinterpret_cast<sockaddr*>(&from), size);  // answer the exerciser's port
    return to_hex(ByteView(buffer, static_cast<std::size_t>(n)));
  };
  EXPECT_EQ(datagram(), "01 00 01 23 45 67 89 AB");
  EXPECT_EQ(datagram(), "01 01 06");
  EXPECT_EQ(datagram(), "01 02 CC");
  EXPECT_EQ(datagram(), "01 03 01 00");
  EXPECT_EQ(datagram(), "01 04 00 45");
  EXPECT_EQ(datagram(), "01 08 30");
  EXPECT_EQ(datagram(), "02");

  // An empty datagram and unknown types are ignored; ENTDAA gives 0x08; then a private write.
  for (const char* d : {"", "7E 01 02", "05 07 08", "00 01 00 0A CF 00 91 01 00 1D CA"}) {
    Bytes bytes = hex(d);
    ASSERT_EQ(::send(qemu.get(), bytes.data(), bytes.size(), 0), static_cast<ssize_t>(bytes.size()));
  }
  auto frame = test::frame_pumping(*ex, frames);
  ASSERT_TRUE(frame);
  EXPECT_EQ(to_hex(*frame), "10 01 00 0A CF 00 91 01 00 1D CA");
  EXPECT_EQ(ex->own_address(), 0x08);
  ex->send(hex("11 01 00 0A CF 00 91 01 00 1D A2"));
  EXPECT_EQ(datagram(), "00 01 00 0A CF 00 91 01 00 1D A2");
}

TEST(QemuI3cNetdev2, OptionErrorsNameTheOption) {
  try {
    open("qemu-i3c-netdev2:in=5558");
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "qemu-i3c-netdev2: option 'out' is required (the UDP port QEMU listens on)");
  }
  try {
    open("qemu-i3c-netdev2:out=5559,host=localhost");
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "qemu-i3c-netdev2: option 'host' must be an IPv4 address, not 'localhost'");
  }
}

}  // namespace
}  // namespace mctpkit::exerciser
