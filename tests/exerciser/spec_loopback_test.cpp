#include <gtest/gtest.h>

#include "mctpkit/exerciser/exerciser.hpp"

using namespace mctpkit;
using namespace mctpkit::exerciser;

TEST(ExerciserSpec, MainArgumentAndOptions) {
  Spec s = parse_spec("serial:/dev/ttyUSB0,baud=115200,parity=even");
  EXPECT_EQ(s.name, "serial");
  EXPECT_EQ(s.main, "/dev/ttyUSB0");
  EXPECT_EQ(s.get("baud"), "115200");
  EXPECT_EQ(s.get("parity"), "even");
  EXPECT_EQ(s.get("stop"), std::nullopt);

  Spec q = parse_spec("qemu-i2c:in=5558,out=5559,addr=0x20,peer=0x10");
  EXPECT_EQ(q.main, "");
  ASSERT_EQ(q.options.size(), 4u);
  EXPECT_EQ(q.options[3].first, "peer");

  EXPECT_EQ(parse_spec("loopback").name, "loopback");
}

TEST(ExerciserSpec, ErrorsNameTheProblem) {
  try {
    parse_spec("serial:/dev/ttyS0,115200");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "exerciser option '115200' in 'serial:/dev/ttyS0,115200' is not KEY=VALUE (only the first item may omit "
                 "its key)");
  }
  EXPECT_THROW(parse_spec(":x=1"), std::invalid_argument);
  EXPECT_THROW(parse_spec("a:x=1,x=2"), std::invalid_argument);
}

TEST(ExerciserRegistry, UnknownNameSuggests) {
  ExerciserRegistry r;
  r.add({"qemu-i2c", "d", "s", [](const Spec&) { return std::unique_ptr<Exerciser>(); }});
  r.add({"serial", "d", "s", [](const Spec&) { return std::unique_ptr<Exerciser>(); }});
  try {
    open("serail:/dev/x", r);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "unknown exerciser 'serail' (did you mean serial?); known: qemu-i2c serial");
  }
  try {
    r.add({"serial", "d", "s", nullptr, "vendor-x"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "exerciser 'serial' from vendor-x clashes with the one from mctpkit");
  }
}

TEST(Loopback, FramesCrossBothWaysAndPollTimesOut) {
  auto [a, b] = loopback_pair("smbus", 32);
  EXPECT_EQ(a->link(), "smbus");
  EXPECT_EQ(b->mtu(), 32u);
  EXPECT_EQ(recv(*b, std::chrono::milliseconds(20)), std::nullopt);
  a->send(Bytes{1, 2, 3});
  a->send(Bytes{4});
  EXPECT_FALSE(output_pending(*a));  // the default: what is sent has left
  EXPECT_EQ(recv(*b, std::chrono::milliseconds(100)), (Bytes{1, 2, 3}));
  EXPECT_EQ(b->try_recv(), (Bytes{4}));
  EXPECT_EQ(b->try_recv(), std::nullopt);
  b->send(Bytes{9});
  EXPECT_EQ(recv(*a, std::chrono::milliseconds(100)), (Bytes{9}));
}
