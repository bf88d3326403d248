// qemu-i2c-stream: QEMU's i2c-target-remote framing (pymctp-compat.md §4) against a scripted
// QEMU on 127.0.0.1, as I2C target (WRITE in, READ_REQ/READ_RSP out, ALERT) and in master mode.
#include <gtest/gtest.h>

#include "exerciser/detail/i2c_stream_codec.hpp"
#include "peer_sockets.hpp"

namespace mctpkit::exerciser {
namespace {

using test::hex;

// Set Endpoint ID request from 0x10 to 0x32 (protocol reference CRC table): PEC 0xFC.
const char* kFrame = "64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC";
const char* kHello = "00 00 00 05 07 00 01 00 00";

TEST(I2cStreamCodec, WriteBodiesOfEveryShapeBecomeTheSameSmbusFrame) {
  EXPECT_EQ(to_hex(*detail::smbus_frame_from_write(hex("0F 0A 21 01 00 0A CF 00 91 01 00 1D FC"), 0x32)), kFrame);
  EXPECT_EQ(to_hex(*detail::smbus_frame_from_write(hex(kFrame), 0x11)), kFrame);
  EXPECT_EQ(to_hex(*detail::smbus_frame_from_write(hex("64 64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC"), 0x11)), kFrame);
  EXPECT_FALSE(detail::smbus_frame_from_write({}, 0x32));
}

class QemuI2cStream : public ::testing::Test {
 protected:
  void SetUp() override {
    listener = test::bind_loopback(SOCK_STREAM, port);
    ASSERT_GE(listener.get(), 0);
  }
  std::unique_ptr<Exerciser> connect(const std::string& extra) {
    auto ex = open("qemu-i2c-stream:tcp=127.0.0.1:" + std::to_string(port) + ",retry=20" + extra);
    qemu = test::accept_pumping(listener.get(), *ex, frames);
    EXPECT_GE(qemu.get(), 0);
    EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), 9, *ex, frames)), kHello);
    test::put(qemu.get(), hex(kHello));
    return ex;
  }
  std::uint16_t port = 0;
  test::Fd listener;
  test::Fd qemu;
  test::FrameLog frames;
};

TEST_F(QemuI2cStream, AsTargetReceivesWritesAndServesReadsAfterAnAlert) {
  auto ex = connect(",addr=0x32,peer=0x10");
  EXPECT_EQ(ex->link(), "smbus");
  EXPECT_EQ(ex->own_address(), 0x32);
  EXPECT_EQ(ex->peer_address(), 0x10);
  // QEMU's master wrote to 0x32: the body starts at the command code.
  test::put(qemu.get(), hex("00 00 00 0E 00 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC"));
  auto frame = test::frame_pumping(*ex, frames);
  ASSERT_TRUE(frame);
  EXPECT_EQ(to_hex(*frame), kFrame);

  EXPECT_FALSE(output_pending(*ex));
  ex->send(hex("20 0F 0C 65 01 0A 1D C7 00 11 01 00 00 1D 00 1B"));
  EXPECT_TRUE(output_pending(*ex));  // until QEMU has read it all
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), 5, *ex, frames)), "00 00 00 01 03");  // ALERT
  ex->send(hex("20 0F"));  // more in the buffer: no second ALERT
  test::put(qemu.get(), hex("00 00 00 03 01 00 05"));  // READ_REQ 5
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), 10, *ex, frames)), "00 00 00 06 02 20 0F 0C 65 01");
  EXPECT_TRUE(output_pending(*ex));  // part was read
  test::put(qemu.get(), hex("00 00 00 03 01 01 00"));  // READ_REQ 256: the rest
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), 18, *ex, frames)),
            "00 00 00 0E 02 0A 1D C7 00 11 01 00 00 1D 00 1B 20 0F");
  EXPECT_FALSE(output_pending(*ex));
  test::put(qemu.get(), hex("00 00 00 03 01 00 10"));  // nothing left: an empty READ_RSP
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), 5, *ex, frames)), "00 00 00 01 02");
}

TEST_F(QemuI2cStream, InMasterModeEveryFrameIsAWriteBothWays) {
  auto ex = connect(",addr=0x10,peer=0x32,mode=master");
  ex->send(hex(kFrame));
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), 19, *ex, frames)),
            "00 00 00 0F 00 64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC");
  test::put(qemu.get(), hex("00 00 00 12 00 20 20 0F 0C 65 01 0A 1D C7 00 11 01 00 00 1D 00 1B"));
  auto frame = test::frame_pumping(*ex, frames);
  ASSERT_TRUE(frame);
  EXPECT_EQ(to_hex(*frame), "20 0F 0C 65 01 0A 1D C7 00 11 01 00 00 1D 00 1B");
}

TEST(QemuI2cStreamMaster, WritesWaitUntilQemuIsThere) {
  test::TempDir dir;
  const std::string path = dir.file("i2c.sock");
  test::FrameLog frames;
  auto ex = open("qemu-i2c-stream:unix=" + path + ",addr=0x10,mode=master,retry=20");
  ex->send(hex("64 0F 01"));
  ex->send(hex("64 0F 02"));
  EXPECT_TRUE(output_pending(*ex));  // the writes wait for QEMU
  test::Fd listener = test::listen_unix(path);
  test::Fd qemu = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(qemu.get(), 0);
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), 25, *ex, frames)),
            std::string(kHello) + " 00 00 00 04 00 64 0F 01 00 00 00 04 00 64 0F 02");
  EXPECT_FALSE(output_pending(*ex));
}

TEST_F(QemuI2cStream, ReconnectsAndSaysHelloAgain) {
  auto ex = connect(",addr=0x32");
  qemu.reset();
  qemu = test::accept_pumping(listener.get(), *ex, frames);
  ASSERT_GE(qemu.get(), 0);
  EXPECT_EQ(to_hex(test::read_pumping(qemu.get(), 9, *ex, frames)), kHello);
}

TEST(QemuI2cStreamOptions, BadOptionsAreNamed) {
  auto error = [](const std::string& spec) -> std::string {
    try {
      open(spec);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(error("qemu-i2c-stream:tcp=127.0.0.1:1"), "qemu-i2c-stream: option 'addr' is required (the own 7-bit address)");
  EXPECT_EQ(error("qemu-i2c-stream:tcp=127.0.0.1:1,addr=0x80"),
            "qemu-i2c-stream: option 'addr' must be a 7-bit address (0x00 to 0x7F), not '0x80'");
  EXPECT_EQ(error("qemu-i2c-stream:tcp=127.0.0.1:1,addr=0x20,mode=slave"),
            "qemu-i2c-stream: option 'mode' must be target or master, not 'slave'");
}

}  // namespace
}  // namespace mctpkit::exerciser
