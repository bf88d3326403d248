// qemu-i3c: the remote-I3C target protocol byte for byte (pymctp-compat.md §4), first as the pure
// state machine fed split byte streams, then as the transport against a scripted controller on a
// UNIX socket and on TCP.
#include <gtest/gtest.h>

#include <variant>

#include "exerciser/detail/remote_i3c_target.hpp"
#include "mctpkit/core/decode.hpp"
#include "peer_sockets.hpp"

namespace mctpkit::exerciser {
namespace {

using detail::I3cTargetRegisters;
using detail::RemoteI3cTarget;
using test::hex;

I3cTargetRegisters registers() {
  I3cTargetRegisters r;
  r.pid = 0x0123456789AB;
  r.bcr = 0x06;
  r.dcr = 0xCC;
  r.mwl = 0x0100;
  r.mrl = 0x0045;
  return r;
}

// The controller's side of a bus bring-up and one private write, and the target's answers:
// ENTDAA (PID big-endian, BCR, DCR; then address 0x08), GETPID, GETBCR, GETDCR, GETMWL, GETMRL,
// GETMXDS, then the protocol reference's I3C example written to 0x08.
const char* kController =
    "02 07 01 00 00 00 07 01 08 08 00 00 00 02 07 01 00 00 00 08 03 "  // ENTDAA, address 0x08
    "02 07 01 00 00 00 8D 01 08 06 00 00 00 03 "                       // GETPID
    "02 07 01 00 00 00 8E 01 08 01 00 00 00 03 "                       // GETBCR
    "02 07 01 00 00 00 8F 01 08 01 00 00 00 03 "                       // GETDCR
    "02 07 01 00 00 00 8B 01 08 02 00 00 00 03 "                       // GETMWL
    "02 07 01 00 00 00 8C 01 08 02 00 00 00 03 "                       // GETMRL
    "02 07 01 00 00 00 94 01 08 02 00 00 00 03 "                       // GETMXDS
    "02 06 0A 00 00 00 01 00 0A CF 00 91 01 00 1D CA 03";              // private write
const char* kTargetAnswers =
    "08 00 00 00 01 23 45 67 89 AB 06 CC "
    "06 00 00 00 01 23 45 67 89 AB "
    "01 00 00 00 06 "
    "01 00 00 00 CC "
    "02 00 00 00 01 00 "
    "02 00 00 00 00 45 "
    "02 00 00 00 00 00";
const char* kWrittenFrame = "10 01 00 0A CF 00 91 01 00 1D CA";

TEST(RemoteI3cTarget, AnswersBringUpAndHandsUpPrivateWritesHoweverTheStreamSplits) {
  const Bytes script = hex(kController);
  for (std::size_t chunk : {std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(7), script.size()}) {
    RemoteI3cTarget target(registers(), 4096, false);
    Bytes out;
    for (std::size_t i = 0; i < script.size(); i += chunk) {
      target.feed(ByteView(script).subspan(i, std::min(chunk, script.size() - i)), out);
    }
    EXPECT_EQ(to_hex(out), to_hex(hex(kTargetAnswers))) << "chunk " << chunk;
    EXPECT_EQ(target.dynamic_address(), 0x08);
    auto frame = target.pop_frame();
    ASSERT_TRUE(frame);
    EXPECT_EQ(to_hex(*frame), kWrittenFrame);
    EXPECT_FALSE(target.pop_frame());
  }
}

TEST(RemoteI3cTarget, HandedUpFramesDecodeAsI3cWithAVerifiedPec) {
  auto decoded = decode_strict(hex(kWrittenFrame), "i3c");
  EXPECT_TRUE(std::holds_alternative<Frame>(decoded));
  Bytes bad = hex(kWrittenFrame);
  bad.back() ^= 1;
  EXPECT_TRUE(std::holds_alternative<Diagnostic>(decode_strict(bad, "i3c")));
}

TEST(RemoteI3cTarget, SendsByIbiWhenTheBusIsStoppedAndServesThePrivateRead) {
  RemoteI3cTarget target(registers(), 4096, false);
  Bytes out;
  // Nothing is announced before the target has an address.
  target.queue(hex("01 00 0A CF 00 91 01 00 1D A2"), out);
  EXPECT_TRUE(out.empty());
  target.feed(hex("02 07 01 00 00 00 07 01 08 08 00 00 00 02 07 01 00 00 00 08"), out);
  out.clear();
  target.feed(hex("03"), out);  // STOP: the bus is free, the IBI goes out
  EXPECT_EQ(to_hex(out), "09 08 01 00 00 00 00");
  out.clear();
  target.feed(hex("C0 01 05 00 01 00 00 03"), out);  // ACK, private read of up to 256 bytes, STOP
  EXPECT_EQ(to_hex(out), "0A 00 00 00 01 00 0A CF 00 91 01 00 1D A2");
  out.clear();
  target.feed(hex("01 05 00 01 00 00 03"), out);  // nothing queued
  EXPECT_EQ(to_hex(out), "00 00 00 00");
}

TEST(RemoteI3cTarget, WaitsForTheStopWhileATransferIsUnderway) {
  RemoteI3cTarget target(registers(), 4096, false);
  Bytes out;
  target.feed(hex("02 07 01 00 00 00 07 01 08 08 00 00 00 02 07 01 00 00 00 08 03 02"), out);
  out.clear();
  target.queue(hex("01 02 03"), out);  // the bus is busy (a START without STOP)
  EXPECT_TRUE(out.empty());
  target.feed(hex("03"), out);
  EXPECT_EQ(to_hex(out), "09 08 01 00 00 00 00");
  out.clear();
  target.feed(hex("C1"), out);  // NACKed: raised again at the next STOP
  target.feed(hex("02 03"), out);
  EXPECT_EQ(to_hex(out), "09 08 01 00 00 00 00");
}

TEST(RemoteI3cTarget, AddressCccsAndStartAcknowledgement) {
  RemoteI3cTarget target(registers(), 4096, true);
  Bytes out;
  target.feed(hex("0A 07 01 00 00 00 07 0B 08 08 00 00 00 0A 07 01 00 00 00 08 03"), out);
  // Each of the three STARTs is acknowledged with 0x00.
  EXPECT_EQ(to_hex(out), "00 00 08 00 00 00 01 23 45 67 89 AB 06 CC 00");
  EXPECT_EQ(target.dynamic_address(), 0x08);
  target.feed(hex("0A 07 01 00 00 00 88 02 07 01 00 00 00 09 03"), out);  // SETNEWDA 0x09
  EXPECT_EQ(target.dynamic_address(), 0x09);
  target.feed(hex("0A 07 03 00 00 00 09 00 80 03"), out);  // SETMWL (broadcast) 0x0080
  EXPECT_EQ(target.registers().mwl, 0x0080);
  target.feed(hex("0A 07 01 00 00 00 06 03"), out);  // RSTDAA
  EXPECT_FALSE(target.dynamic_address());
}

TEST(RemoteI3cTarget, RejectsUnknownOpcodesAndOversizedTransfers) {
  RemoteI3cTarget target(registers(), 4096, false);
  Bytes out;
  try {
    target.feed(hex("03 55"), out);
    FAIL() << "no error";
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(), "qemu-i3c: unknown opcode 0x55 from the controller");
  }
  try {
    target.feed(hex("06 FF FF FF FF 01 02"), out);
    FAIL() << "no error";
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(), "qemu-i3c: the controller announced a 4294967295-byte transfer, above the 4096-byte limit");
  }
  // After an error the state machine starts clean.
  target.feed(hex("02 06 01 00 00 00 AA 03"), out);
  EXPECT_EQ(to_hex(*target.pop_frame()), "00 AA");
}

TEST(RemoteI3cTarget, KeepsAtMostABoundedNumberOfUnreadFrames) {
  RemoteI3cTarget target(registers(), 4096, false);
  Bytes flood;
  for (std::size_t i = 0; i < RemoteI3cTarget::kMaxQueuedFrames + 10; ++i) {
    Bytes write = hex("06 01 00 00 00 00");
    write.back() = static_cast<std::uint8_t>(i);
    flood.insert(flood.end(), write.begin(), write.end());
  }
  Bytes out;
  target.feed(flood, out);
  std::size_t count = 0;
  std::optional<Bytes> first;
  while (auto f = target.pop_frame()) {
    if (!first) first = f;
    ++count;
  }
  EXPECT_EQ(count, RemoteI3cTarget::kMaxQueuedFrames);
  EXPECT_EQ(to_hex(*first), "00 0A");  // the oldest ten went
}

// The transport against a scripted controller.
class QemuI3cTransport : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::string path = dir.file("i3c.sock");
  test::FrameLog frames;
};

TEST_F(QemuI3cTransport, RetriesUntilTheControllerAppearsThenTalksTheProtocol) {
  // The controller is absent: opening does not fail and nothing blocks.
  auto ex = open("qemu-i3c:unix=" + path + ",pid=0x0123456789AB,bcr=0x06,dcr=0xCC,mrl=0x45,retry=20");
  EXPECT_EQ(ex->link(), "i3c");
  EXPECT_FALSE(ex->try_recv());
  EXPECT_EQ(ex->fd(), -1);
  test::Fd listener = test::listen_unix(path);
  ASSERT_GE(listener.get(), 0);
  test::Fd controller = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(controller.get(), 0);

  const Bytes script = hex(kController);
  test::put(controller.get(), script);
  EXPECT_EQ(to_hex(test::read_pumping(controller.get(), hex(kTargetAnswers).size(), *ex, frames)),
            to_hex(hex(kTargetAnswers)));
  auto frame = test::frame_pumping(*ex, frames);
  ASSERT_TRUE(frame);
  EXPECT_EQ(to_hex(*frame), kWrittenFrame);
  EXPECT_EQ(ex->own_address(), 0x08);
  EXPECT_GE(ex->fd(), 0);

  // Sending: the IBI goes out at once (the bus is stopped), then the controller reads.
  EXPECT_FALSE(output_pending(*ex));
  ex->send(hex("11 01 00 0A CF 00 91 01 00 1D A2"));
  EXPECT_EQ(to_hex(test::read_pumping(controller.get(), 7, *ex, frames)), "09 08 01 00 00 00 00");
  EXPECT_TRUE(output_pending(*ex));  // announced, not read yet
  test::put(controller.get(), hex("C0 01 05 45 00 00 00 03"));
  EXPECT_EQ(to_hex(test::read_pumping(controller.get(), 14, *ex, frames)),
            "0A 00 00 00 01 00 0A CF 00 91 01 00 1D A2");
  EXPECT_FALSE(output_pending(*ex));
  test::put(controller.get(), hex("01 05 45 00 00 00 03"));
  EXPECT_EQ(to_hex(test::read_pumping(controller.get(), 4, *ex, frames)), "00 00 00 00");
}

TEST_F(QemuI3cTransport, ReconnectsAfterTheControllerGoesAndAnnouncesWhatWaited) {
  test::Fd listener = test::listen_unix(path);
  auto ex = open("qemu-i3c:unix=" + path + ",retry=20");
  test::Fd controller = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(controller.get(), 0);
  test::put(controller.get(), hex("02 07 01 00 00 00 07 01 08 08 00 00 00 02 07 01 00 00 00 08 03"));
  EXPECT_EQ(test::read_pumping(controller.get(), 12, *ex, frames).size(), 12u);

  controller.reset();  // the controller goes
  ex->send(hex("11 AA BB"));  // waits: no controller
  controller = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(controller.get(), 0);
  EXPECT_EQ(to_hex(test::read_pumping(controller.get(), 7, *ex, frames)), "09 08 01 00 00 00 00");
  test::put(controller.get(), hex("C0 01 05 00 01 00 00"));
  EXPECT_EQ(to_hex(test::read_pumping(controller.get(), 6, *ex, frames)), "02 00 00 00 AA BB");
}

TEST_F(QemuI3cTransport, GarbageDropsTheConnectionWithAClearErrorAndItComesBack) {
  test::Fd listener = test::listen_unix(path);
  auto ex = open("qemu-i3c:unix=" + path + ",retry=20");
  test::Fd controller = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(controller.get(), 0);
  test::put(controller.get(), hex("06 00 00 00 80"));  // 2 GiB announced
  auto recv_error = [&]() -> std::string {
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
  EXPECT_EQ(recv_error(), "qemu-i3c: the controller announced a 2147483648-byte transfer, above the 65536-byte limit");
  // The transport dropped that connection and makes a new one.
  test::Fd again = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(again.get(), 0);
  test::put(again.get(), hex("02 06 02 00 00 00 01 02 03"));
  auto frame = test::frame_pumping(*ex, frames);
  ASSERT_TRUE(frame);
  EXPECT_EQ(to_hex(*frame), "00 01 02");
}

TEST_F(QemuI3cTransport, WorksOverTcpOnLoopback) {
  std::uint16_t port = 0;
  test::Fd listener = test::bind_loopback(SOCK_STREAM, port);
  ASSERT_GE(listener.get(), 0);
  auto ex = open("qemu-i3c:tcp=127.0.0.1:" + std::to_string(port) + ",pid=0x0123456789AB,bcr=6,retry=20");
  test::Fd controller = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(controller.get(), 0);
  test::put(controller.get(), hex("02 07 01 00 00 00 07 01 08 08 00 00 00"));
  EXPECT_EQ(to_hex(test::read_pumping(controller.get(), 12, *ex, frames)), "08 00 00 00 01 23 45 67 89 AB 06 CC");
}

TEST(QemuI3cOptions, BadOptionsAreNamed) {
  auto error = [](const std::string& spec) -> std::string {
    try {
      open(spec);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(error("qemu-i3c:pid=1"), "qemu-i3c: option 'unix' or 'tcp' is required (unix=PATH or tcp=HOST:PORT)");
  EXPECT_EQ(error("qemu-i3c:tcp=localhost"),
            "qemu-i3c: option 'tcp' must be HOST:PORT with a port from 1 to 65535, not 'localhost'");
  EXPECT_EQ(error("qemu-i3c:unix=/x,pid=0x1000000000000"),
            "qemu-i3c: option 'pid' must be a number from 0 to 281474976710655, not '0x1000000000000'");
  EXPECT_EQ(error("qemu-i3c:unix=/x,mwl=16,mtu=64"), "qemu-i3c: option 'mtu' must be a number from 1 to 11, not '64'");
  EXPECT_EQ(error("qemu-i3c:unix=/x,speed=1"), "qemu-i3c: unknown option 'speed'");
  EXPECT_EQ(error("qemu-i3c:unix=/x,start-ack=maybe"), "qemu-i3c: option 'start-ack' must be on or off, not 'maybe'");
}

}  // namespace
}  // namespace mctpkit::exerciser
