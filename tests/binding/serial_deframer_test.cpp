#include "mctpkit/binding/serial_deframer.hpp"

#include <gtest/gtest.h>

#include <random>

#include "binding_test_support.hpp"
#include "mctpkit/binding/serial.hpp"

namespace mctpkit::binding {
namespace {

using testing::decoded_packet;
using testing::described;
using testing::hex;
using testing::registry;

Bytes cat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

struct Expected {
  bool good;
  SerialFault fault;  // when !good
  std::uint64_t offset;
  Bytes bytes;         // wire frame, or dropped bytes
  Bytes packet{};      // when good
  std::uint64_t length = 0;  // dropped bytes (defaults to bytes.size())
};

// A stream written piece by piece, remembering where each expected event starts.
struct Stream {
  Bytes data;
  std::vector<Expected> expected;

  std::uint64_t at() const { return data.size(); }
  void noise(const Bytes& b) {
    expected.push_back({false, SerialFault::Noise, at(), b});
    add(b);
  }
  void good(const Bytes& wire, const Bytes& packet) {
    expected.push_back({true, SerialFault::Noise, at(), wire, packet});
    add(wire);
  }
  // A frame whose opening flag is the previous frame's closing flag.
  void good_shared_flag(const Bytes& wire, const Bytes& packet) {
    expected.push_back({true, SerialFault::Noise, at() - 1, wire, packet});
    data.insert(data.end(), wire.begin() + 1, wire.end());
  }
  void bad(SerialFault f, const Bytes& dropped) {
    expected.push_back({false, f, at(), dropped});
    add(dropped);
  }
  void add(const Bytes& b) { data.insert(data.end(), b.begin(), b.end()); }
};

const Bytes kSetEidPacket = hex("01 00 0A CF 00 91 01 00 1D");
const Bytes kSetEidFrame = hex("7E 01 09 01 00 0A CF 00 91 01 00 1D 1D 28 7E");
const Bytes kEscapedPacket = hex("01 00 0A CF 00 91 01 00 7E");
const Bytes kEscapedFrame = hex("7E 01 09 01 00 0A CF 00 91 01 00 7D 5E 4C B5 7E");
const Bytes kGetEidPacket = hex("01 7D 0A CF 00 92 02");
const Bytes kGetEidFrame = hex("7E 01 07 01 7D 5D 0A CF 00 92 02 3C 97 7E");
const Bytes kFcs7D5EPacket = hex("01 31 0A CB 00 92 02");
const Bytes kFcs7D5ERaw = hex("7E 01 07 01 31 0A CB 00 92 02 7D 5E 7E");
const Bytes kFcs7E7EPacket = hex("01 A2 0A C9 00 89 02");
const Bytes kFcs7E7ERaw = hex("7E 01 07 01 A2 0A C9 00 89 02 7E 7E 7E");
const Bytes kFcs7E7EEscaped = hex("7E 01 07 01 A2 0A C9 00 89 02 7D 5E 7D 5E 7E");

Stream damaged_stream() {
  Stream s;
  s.noise(hex("55 AA 01"));                            // before any flag
  s.good(kSetEidFrame, kSetEidPacket);
  s.noise(hex("13 37"));                               // between frames
  s.bad(SerialFault::BadFcs, hex("7E 01 07 01 7D 5D 0A CF 00 93 02 3C 97 7E"));  // one bit flipped
  s.good(kEscapedFrame, kEscapedPacket);              // 7E 7E back to back
  s.good_shared_flag(kFcs7D5ERaw, kFcs7D5EPacket);    // raw FCS that looks like an escape
  s.bad(SerialFault::Oversize, hex("7E 01 50 11 22 33"));  // count 0x50 > 64
  s.good(kFcs7E7ERaw, kFcs7E7EPacket);                // raw FCS bytes equal to the flag
  s.bad(SerialFault::Aborted, hex("7E 01 09 01 00 0A"));   // the next flag cuts it short
  s.good(kFcs7E7EEscaped, kFcs7E7EPacket);
  // Count 8 for 9 packet bytes: no closing flag where the count puts it. Its own closing flag
  // ends the damage and opens the next frame.
  s.bad(SerialFault::Overlong, hex("7E 01 08 01 00 0A CF 00 91 01 00 1D 1D 28"));
  s.add(hex("7E"));
  s.good(kGetEidFrame, kGetEidPacket);
  s.bad(SerialFault::Undersize, hex("7E 01 02 AA BB"));  // count 2 < 4
  s.good(kSetEidFrame, kSetEidPacket);
  s.bad(SerialFault::Aborted, hex("7E 01 09 01 00"));    // the stream ends in a frame
  return s;
}

SerialDeframer::Options small_max() {
  SerialDeframer::Options o;
  o.max_byte_count = 64;
  return o;
}

void expect_events(const SerialCollector& got, const std::vector<Expected>& want, const std::string& how) {
  std::size_t frame = 0, damage = 0;
  for (const Expected& e : want) {
    if (e.good) {
      ASSERT_LT(frame, got.frames.size()) << how;
      const SerialFrame& f = got.frames[frame++];
      EXPECT_EQ(f.offset, e.offset) << how;
      EXPECT_EQ(f.wire, e.bytes) << how;
      EXPECT_EQ(f.packet, e.packet) << how;
    } else {
      ASSERT_LT(damage, got.damages.size()) << how;
      const SerialDamage& d = got.damages[damage++];
      EXPECT_EQ(d.fault, e.fault) << how << " expected " << to_string(e.fault) << " got " << to_string(d.fault);
      EXPECT_EQ(d.offset, e.offset) << how << " " << to_string(e.fault);
      EXPECT_EQ(d.length, e.length ? e.length : e.bytes.size()) << how << " " << to_string(e.fault);
      EXPECT_EQ(d.bytes, e.bytes) << how << " " << to_string(e.fault);
    }
  }
  EXPECT_EQ(frame, got.frames.size()) << how;
  EXPECT_EQ(damage, got.damages.size()) << how;
}

// Records events in one list to check their order.
class OrderSink : public SerialSink {
 public:
  void frame(const SerialFrame& f) override { order.push_back("frame@" + std::to_string(f.offset)); }
  void damage(const SerialDamage& d) override {
    order.push_back(std::string(to_string(d.fault)) + "@" + std::to_string(d.offset));
  }
  std::vector<std::string> order;
};

TEST(SerialDeframer, DamagedStreamInOneChunk) {
  Stream s = damaged_stream();
  SerialDeframer d(small_max());
  SerialCollector got;
  d.feed(s.data, got);
  d.finish(got);
  expect_events(got, s.expected, "one chunk");
  EXPECT_EQ(got.frames.size(), 7u);
  EXPECT_EQ(got.damages.size(), 8u);

  const SerialDeframer::Stats& st = d.stats();
  EXPECT_EQ(st.bytes, s.data.size());
  EXPECT_EQ(st.frames, 7u);
  EXPECT_EQ(st.noise_bytes, 5u);
  EXPECT_EQ(st.count(SerialFault::Noise), 2u);
  EXPECT_EQ(st.count(SerialFault::BadFcs), 1u);
  EXPECT_EQ(st.count(SerialFault::Oversize), 1u);
  EXPECT_EQ(st.count(SerialFault::Undersize), 1u);
  EXPECT_EQ(st.count(SerialFault::Aborted), 2u);
  EXPECT_EQ(st.count(SerialFault::Overlong), 1u);
}

TEST(SerialDeframer, EventsComeInStreamOrder) {
  Stream s = damaged_stream();
  SerialDeframer d(small_max());
  OrderSink sink;
  d.feed(s.data, sink);
  d.finish(sink);
  std::vector<std::string> want;
  for (const Expected& e : s.expected) {
    want.push_back((e.good ? std::string("frame") : std::string(to_string(e.fault))) + "@" + std::to_string(e.offset));
  }
  EXPECT_EQ(sink.order, want);
}

TEST(SerialDeframer, SplitReadsGiveTheSameEvents) {
  Stream s = damaged_stream();
  // Byte by byte.
  {
    SerialDeframer d(small_max());
    SerialCollector got;
    for (std::uint8_t b : s.data) d.feed(ByteView(&b, 1), got);
    d.finish(got);
    expect_events(got, s.expected, "byte by byte");
  }
  // Random chunk sizes, several seeds.
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> size(0, 9);
    SerialDeframer d(small_max());
    SerialCollector got;
    std::size_t pos = 0;
    while (pos < s.data.size()) {
      std::size_t n = std::min(size(rng), s.data.size() - pos);
      d.feed(ByteView(s.data).subspan(pos, n), got);
      pos += n;
    }
    d.finish(got);
    expect_events(got, s.expected, "seed " + std::to_string(seed));
  }
}

TEST(SerialDeframer, GoodFramesDecodeAsSerialLink) {
  Stream s = damaged_stream();
  SerialDeframer d(small_max());
  SerialCollector got;
  d.feed(s.data, got);
  for (const SerialFrame& f : got.frames) {
    Frame decoded = decode(f.wire, "serial", registry());
    EXPECT_TRUE(decoded.diagnostics.empty()) << to_hex(f.wire) << "\n" << described(decoded);
    EXPECT_EQ(decoded_packet(decoded), f.packet);
  }
}

TEST(SerialDeframer, EveryFrameOfAStreamOfGoodFramesComesOutOnce) {
  // Every packet length up to the maximum, FCS raw and escaped in turn, flags doubled or shared.
  Stream s;
  std::vector<Bytes> packets;
  for (std::size_t n = 4; n <= 255; ++n) {
    Bytes p = hex("01 08 09 C8");
    for (std::size_t k = 4; k < n; ++k) p.push_back(static_cast<std::uint8_t>(k * 37 + n));
    Bytes wire = serial_frame(p, n % 2 ? SerialFcsStyle::Raw : SerialFcsStyle::Escaped);
    if (n % 3 == 0 && !s.data.empty()) {
      s.good_shared_flag(wire, p);
    } else {
      s.good(wire, p);
    }
  }
  SerialDeframer d;
  SerialCollector got;
  for (std::size_t pos = 0; pos < s.data.size(); pos += 13) {
    d.feed(ByteView(s.data).subspan(pos, std::min<std::size_t>(13, s.data.size() - pos)), got);
  }
  d.finish(got);
  expect_events(got, s.expected, "all lengths");
  EXPECT_EQ(got.frames.size(), 252u);
  EXPECT_TRUE(got.damages.empty());
}

TEST(SerialDeframer, DefaultMaximumIs255AndIsConfigurable) {
  Bytes p = hex("01 08 09 C8");
  p.resize(200, 0x42);
  const Bytes wire = serial_frame(p);
  {
    SerialDeframer d;
    SerialCollector got;
    d.feed(wire, got);
    EXPECT_EQ(got.frames.size(), 1u);
  }
  {
    SerialDeframer::Options o;
    o.max_byte_count = 199;
    SerialDeframer d(o);
    SerialCollector got;
    d.feed(wire, got);
    d.finish(got);
    ASSERT_EQ(got.damages.size(), 1u);
    EXPECT_EQ(got.damages[0].fault, SerialFault::Oversize);
    EXPECT_EQ(got.damages[0].length, wire.size() - 1);  // the closing flag ends the damage
  }
}

TEST(SerialDeframer, FinishResolvesAPendingFcs) {
  // Raw FCS 7D 5E then the flag: the escaped reading (7E, then a flag still to come) could
  // still complete, but the raw one matches the FCS, so the frame comes out at once.
  SerialDeframer d;
  SerialCollector got;
  d.feed(kFcs7D5ERaw, got);
  EXPECT_EQ(got.frames.size(), 1u);

  // A damaged frame ending in 7D 5E 7E waits for one more byte; the end of the stream decides.
  Bytes damaged = kFcs7D5ERaw;
  damaged[5] ^= 0x01;
  SerialDeframer d2;
  SerialCollector got2;
  d2.feed(damaged, got2);
  EXPECT_TRUE(got2.damages.empty());
  d2.finish(got2);
  ASSERT_EQ(got2.damages.size(), 1u);
  EXPECT_EQ(got2.damages[0].fault, SerialFault::BadFcs);
  EXPECT_EQ(got2.damages[0].bytes, damaged);
}

TEST(SerialDeframer, LongNoiseIsOneReportWithBoundedBytes) {
  Bytes noise(5000);
  for (std::size_t k = 0; k < noise.size(); ++k) noise[k] = static_cast<std::uint8_t>(k % 0x7D);
  SerialDeframer::Options o;
  o.kept_bytes = 100;
  SerialDeframer d(o);
  SerialCollector got;
  d.feed(noise, got);
  d.feed(kSetEidFrame, got);
  d.finish(got);
  ASSERT_EQ(got.damages.size(), 1u);
  EXPECT_EQ(got.damages[0].fault, SerialFault::Noise);
  EXPECT_EQ(got.damages[0].offset, 0u);
  EXPECT_EQ(got.damages[0].length, 5000u);
  EXPECT_EQ(got.damages[0].bytes, Bytes(noise.begin(), noise.begin() + 100));
  ASSERT_EQ(got.frames.size(), 1u);
  EXPECT_EQ(got.frames[0].offset, 5000u);
  EXPECT_EQ(got.frames[0].packet, kSetEidPacket);
}

TEST(SerialDeframer, ResetForgetsAPartialFrame) {
  SerialDeframer d;
  SerialCollector got;
  d.feed(hex("7E 01 09 01 00"), got);
  d.reset();
  d.feed(cat(hex("0A CF"), kSetEidFrame), got);
  d.finish(got);
  ASSERT_EQ(got.damages.size(), 1u);
  EXPECT_EQ(got.damages[0].fault, SerialFault::Noise);
  EXPECT_EQ(got.damages[0].bytes, hex("0A CF"));
  ASSERT_EQ(got.frames.size(), 1u);
  EXPECT_EQ(got.frames[0].packet, kSetEidPacket);
}

TEST(SerialDeframer, EveryBitFlipOfAFrameIsReportedAndTheNextFrameSurvives) {
  for (std::size_t bit = 0; bit < kSetEidFrame.size() * 8; ++bit) {
    Bytes stream = kSetEidFrame;
    stream[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    stream = cat(stream, kGetEidFrame);
    SerialDeframer d;
    SerialCollector got;
    d.feed(stream, got);
    d.finish(got);
    ASSERT_FALSE(got.frames.empty()) << "bit " << bit;
    EXPECT_EQ(got.frames.back().packet, kGetEidPacket) << "bit " << bit;
    for (const SerialFrame& f : got.frames) EXPECT_NE(f.packet, kSetEidPacket) << "bit " << bit;
    EXPECT_FALSE(got.damages.empty()) << "bit " << bit;
  }
}


// Events as text, to compare whole runs.
class TextSink : public SerialSink {
 public:
  void frame(const SerialFrame& f) override { text += "F" + std::to_string(f.offset) + ":" + to_hex(f.wire) + "\n"; }
  void damage(const SerialDamage& d) override {
    text += std::string(to_string(d.fault)) + std::to_string(d.offset) + "+" + std::to_string(d.length) + ":" +
            to_hex(d.bytes) + "\n";
  }
  std::string text;
};

TEST(SerialDeframer, RandomStreamsGiveTheSameEventsHoweverTheyAreSplit) {
  // Bytes drawn mostly from the ones that matter to framing, mixed with whole frames.
  const std::uint8_t kAlphabet[] = {0x7E, 0x7D, 0x01, 0x5E, 0x5D, 0x04, 0x07, 0x00, 0xFF};
  for (unsigned seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed);
    Bytes stream;
    while (stream.size() < 300) {
      if (rng() % 4 == 0) {
        const Bytes& f = rng() % 2 ? kFcs7E7ERaw : kFcs7D5ERaw;
        stream.insert(stream.end(), f.begin(), f.end());
      } else {
        stream.push_back(kAlphabet[rng() % sizeof kAlphabet]);
      }
    }
    SerialDeframer::Options o;
    o.min_byte_count = 0;
    o.kept_bytes = 8;
    SerialDeframer whole(o), single(o);
    TextSink a, b;
    whole.feed(stream, a);
    whole.finish(a);
    for (std::uint8_t byte : stream) single.feed(ByteView(&byte, 1), b);
    single.finish(b);
    EXPECT_EQ(a.text, b.text) << "seed " << seed;
    EXPECT_EQ(whole.stats().frames, single.stats().frames);
    EXPECT_GE(whole.stats().frames, 1u) << "seed " << seed;
  }
}

}  // namespace
}  // namespace mctpkit::binding
