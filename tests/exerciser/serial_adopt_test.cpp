// The serial exerciser on a descriptor the caller opened (adopt_serial): frames both ways over a
// UNIX socket pair, the bound on queued frames, and the errors of a port that takes no bytes or
// is gone.

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/socket.h>
#include <unistd.h>

#include "exerciser_test_support.hpp"
#include "mctpkit/exerciser/serial.hpp"

namespace mctpkit::exerciser {
namespace {

using testing::hex;

// Get EID, tag 1, instance ID 1 (FCS raw), and its response from EID 9.
const Bytes kRequest = hex("7E 01 07 01 09 08 C9 00 81 02 0B D1 7E");
const Bytes kResponse = hex("7E 01 0B 01 08 09 C1 00 01 02 00 09 00 00 17 25 7E");

struct SocketPair {
  int ours = -1, theirs = -1;
  SocketPair() {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) throw std::runtime_error("socketpair failed");
    ours = fds[0];
    theirs = fds[1];
  }
  ~SocketPair() {
    if (theirs >= 0) ::close(theirs);
  }
};

bool readable_within_2s(int fd) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 2000) == 1;
}

TEST(SerialAdopt, FramesBothWaysOnAnAdoptedSocket) {
  SocketPair pair;
  auto port = adopt_serial(pair.ours, SerialOptions{.device = "socket"});
  EXPECT_EQ(port->fd(), pair.ours);
  EXPECT_EQ(port->link(), "serial");
  port->send(kRequest);
  ASSERT_TRUE(readable_within_2s(pair.theirs));
  Bytes sent(64);
  ssize_t n = ::read(pair.theirs, sent.data(), sent.size());
  ASSERT_GT(n, 0);
  sent.resize(static_cast<std::size_t>(n));
  EXPECT_EQ(to_hex(sent), to_hex(kRequest));

  EXPECT_EQ(port->try_recv(), std::nullopt);
  ASSERT_EQ(::write(pair.theirs, kResponse.data(), kResponse.size()), static_cast<ssize_t>(kResponse.size()));
  ASSERT_TRUE(readable_within_2s(pair.ours));
  auto frame = port->try_recv();
  ASSERT_TRUE(frame);
  EXPECT_EQ(to_hex(*frame), to_hex(kResponse));
  auto counters = serial_counters(*port);
  ASSERT_TRUE(counters);
  EXPECT_EQ(counters->deframer.frames, 1u);
  EXPECT_EQ(counters->deframer.bytes, kResponse.size());
  EXPECT_EQ(counters->dropped, 0u);
}

TEST(SerialAdopt, TheOldestFramesAreDroppedBeyondTheQueueLimit) {
  SocketPair pair;
  auto port = adopt_serial(pair.ours, SerialOptions{.device = "socket", .max_queued = 2});
  // Three frames in one read: the first is dropped to keep two.
  const Bytes second = hex("7E 01 07 01 09 08 C8 00 80 02 0E B2 7E");
  Bytes three = kResponse;
  three.insert(three.end(), second.begin(), second.end());
  three.insert(three.end(), kRequest.begin(), kRequest.end());
  ASSERT_EQ(::write(pair.theirs, three.data(), three.size()), static_cast<ssize_t>(three.size()));
  ASSERT_TRUE(readable_within_2s(pair.ours));
  auto first = port->try_recv();
  ASSERT_TRUE(first);
  EXPECT_EQ(to_hex(*first), to_hex(second));
  auto next = port->try_recv();
  ASSERT_TRUE(next);
  EXPECT_EQ(to_hex(*next), to_hex(kRequest));
  EXPECT_EQ(port->try_recv(), std::nullopt);
  EXPECT_EQ(serial_counters(*port)->dropped, 1u);
  EXPECT_EQ(serial_counters(*port)->deframer.frames, 3u);
}

TEST(SerialAdopt, APortThatTakesNoBytesTimesOut) {
  SocketPair pair;
  auto port = adopt_serial(pair.ours, SerialOptions{.device = "stuck-port"});
  // The peer never reads: once the socket buffers are full a send waits 2 s, then gives up.
  const Bytes big(64 * 1024, 0x55);
  try {
    for (int i = 0; i < 64; ++i) port->send(big);
    FAIL() << "expected a TransportError";
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(), "serial: stuck-port: the port takes no bytes (write timed out)");
  }
}

TEST(SerialAdopt, WritingToAHungUpTerminalFails) {
  int master = -1, slave = -1;
  ASSERT_EQ(::openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
  auto port = adopt_serial(slave, SerialOptions{.device = "pty"});
  ::close(master);
  try {
    port->send(kRequest);
    FAIL() << "expected a TransportError";
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(), "serial: pty: write failed: Input/output error");
  }
}

TEST(SerialAdopt, CountersOnlyForSerialExercisers) {
  class Other : public Exerciser {
   public:
    std::string_view link() const override { return "mctp"; }
    void send(ByteView) override {}
    std::optional<Bytes> try_recv() override { return std::nullopt; }
    int fd() const override { return -1; }
  } other;
  EXPECT_EQ(serial_counters(other), std::nullopt);
}

}  // namespace
}  // namespace mctpkit::exerciser
