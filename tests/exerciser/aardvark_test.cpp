// aardvark: the transport over a fake Aardvark library (tests/exerciser/fake_aardvark) whose
// adapters share one in-process I2C bus, so two exercisers talk to each other.
#include <dlfcn.h>
#include <gtest/gtest.h>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser {
namespace {

const std::string kLib = MCTPKIT_FAKE_AARDVARK;

// The configuration calls the fake recorded since the last look.
std::string calls() {
  void* handle = ::dlopen(kLib.c_str(), RTLD_NOW | RTLD_NOLOAD);
  if (!handle) return "(library not loaded)";
  auto log = reinterpret_cast<const char* (*)()>(::dlsym(handle, "fake_aa_log"));
  std::string text = log ? log() : "(no log)";
  ::dlclose(handle);
  return text;
}

std::string error_of(const std::string& spec) {
  try {
    open(spec);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

TEST(Aardvark, TwoAdaptersExchangeFramesAsMasterWritesAndSlaveReads) {
  auto bus_owner = open("aardvark:port=0,addr=0x10,peer=0x32,bitrate=100,pullups=on,power=off,lib=" + kLib);
  EXPECT_EQ(calls(),
            "aa_open(0) aa_configure(1,3) aa_i2c_pullup(1,3) aa_target_power(1,0) aa_i2c_bitrate(1,100) "
            "aa_i2c_slave_enable(1,0x10) ");
  auto device = open("aardvark:port=1,addr=0x32,lib=" + kLib);
  EXPECT_EQ(calls(), "aa_open(1) aa_configure(2,3) aa_i2c_bitrate(2,400) aa_i2c_slave_enable(2,0x32) ");
  EXPECT_EQ(bus_owner->link(), "smbus");
  EXPECT_EQ(bus_owner->own_address(), 0x10);
  EXPECT_EQ(bus_owner->peer_address(), 0x32);

  const Bytes request = *parse_hex("64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC");
  bus_owner->send(request);
  auto got = recv(*device, std::chrono::seconds(2));
  ASSERT_TRUE(got);
  EXPECT_EQ(to_hex(*got), "64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC");
  EXPECT_FALSE(device->try_recv());

  device->send(*parse_hex("20 0F 0C 65 01 0A 1D C7 00 11 01 00 00 1D 00 1B"));
  got = recv(*bus_owner, std::chrono::seconds(2));
  ASSERT_TRUE(got);
  EXPECT_EQ(to_hex(*got), "20 0F 0C 65 01 0A 1D C7 00 11 01 00 00 1D 00 1B");
}

TEST(Aardvark, AWriteNobodyAcknowledgesIsAnError) {
  auto lone = open("aardvark:port=2,addr=0x10,lib=" + kLib);
  try {
    lone->send(*parse_hex("64 0F 01 02"));
    FAIL() << "no error";
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(), "aardvark: master write to 0x32 stopped after 0 of 3 bytes (no acknowledge)");
  }
}

TEST(Aardvark, SlaveOnlyModeStagesTheResponse) {
  auto device = open("aardvark:port=3,addr=0x32,slave-only=on,lib=" + kLib);
  calls();
  device->send(*parse_hex("20 0F 03 65 01 02"));
  EXPECT_EQ(calls(), "aa_i2c_slave_set_response(4,5) ");
}

TEST(Aardvark, MissingAdapterAndLibraryAreClearErrors) {
  EXPECT_EQ(error_of("aardvark:port=7,addr=0x10,lib=" + kLib),
            "aardvark: no adapter on port 7 (aa_open returned -7 (unable to open))");
  EXPECT_EQ(error_of("aardvark:addr=0x10,lib=/nonexistent/aardvark.so"),
            "aardvark: cannot load Total Phase's Aardvark library (tried /nonexistent/aardvark.so: cannot open shared "
            "object file: No such file or directory); give its path with lib=PATH");
  EXPECT_EQ(error_of("aardvark:addr=0x10"),
            "aardvark: cannot load Total Phase's Aardvark library (tried aardvark.so: cannot open shared object file: "
            "No such file or directory; libaardvark.so: cannot open shared object file: No such file or directory); "
            "give its path with lib=PATH");
  EXPECT_EQ(error_of("aardvark:port=0"), "aardvark: option 'addr' is required (the adapter's own 7-bit slave address)");
  EXPECT_EQ(error_of("aardvark:addr=0x10,bitrate=5000"),
            "aardvark: option 'bitrate' must be a number from 1 to 1000, not '5000'");
  // A library that is not an Aardvark library.
  EXPECT_EQ(error_of("aardvark:addr=0x10,lib=libc.so.6"),
            "aardvark: libc.so.6 lacks aa_open (nor c_aa_open): not an Aardvark library");
}

}  // namespace
}  // namespace mctpkit::exerciser
