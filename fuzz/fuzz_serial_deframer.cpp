// The streaming serial deframer fed in chunks of sizes the fuzzer chooses: whatever the chunking,
// it reports the same frames and damage as when fed the whole stream at once, every byte is
// counted, and nothing it reports is larger than its options allow.
// Input: one byte seeding the chunk sizes, then the stream.

#include "fuzz_input.hpp"
#include "mctpkit/binding/serial_deframer.hpp"

namespace {

using namespace mctpkit;
using namespace mctpkit::binding;

struct Checked : SerialCollector {
  explicit Checked(const SerialDeframer::Options& o) : options(o) {}
  void frame(const SerialFrame& f) override {
    MCTPKIT_FUZZ_CHECK(f.packet.size() <= options.max_byte_count);
    MCTPKIT_FUZZ_CHECK(f.packet.size() >= options.min_byte_count);
    MCTPKIT_FUZZ_CHECK(f.wire.size() >= f.packet.size() + 4);
    SerialCollector::frame(f);
  }
  void damage(const SerialDamage& d) override {
    MCTPKIT_FUZZ_CHECK(d.bytes.size() <= options.kept_bytes);
    MCTPKIT_FUZZ_CHECK(d.bytes.size() <= d.length);
    SerialCollector::damage(d);
  }
  SerialDeframer::Options options;
};

bool same(const SerialCollector& a, const SerialCollector& b) {
  if (a.frames.size() != b.frames.size() || a.damages.size() != b.damages.size()) return false;
  for (std::size_t i = 0; i < a.frames.size(); ++i) {
    const SerialFrame& x = a.frames[i];
    const SerialFrame& y = b.frames[i];
    if (x.offset != y.offset || x.fcs != y.fcs || x.packet != y.packet || x.wire != y.wire) return false;
  }
  for (std::size_t i = 0; i < a.damages.size(); ++i) {
    const SerialDamage& x = a.damages[i];
    const SerialDamage& y = b.damages[i];
    if (x.fault != y.fault || x.offset != y.offset || x.length != y.length || x.bytes != y.bytes) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput in(data, size);
  std::uint32_t seed = in.byte() | 1u;
  ByteView stream = in.rest();
  SerialDeframer::Options options;
  options.kept_bytes = 16;  // small, so that the cut is exercised

  SerialDeframer whole(options);
  Checked at_once(options);
  whole.feed(stream, at_once);
  whole.finish(at_once);

  SerialDeframer chunked(options);
  Checked in_chunks(options);
  for (std::size_t pos = 0; pos < stream.size();) {
    seed = seed * 1103515245u + 12345u;  // a fixed generator: the input decides everything
    std::size_t n = 1 + (seed >> 16) % 17;
    n = n < stream.size() - pos ? n : stream.size() - pos;
    chunked.feed(stream.subspan(pos, n), in_chunks);
    pos += n;
  }
  chunked.finish(in_chunks);

  MCTPKIT_FUZZ_CHECK(whole.stats().bytes == stream.size());
  MCTPKIT_FUZZ_CHECK(chunked.stats().bytes == stream.size());
  MCTPKIT_FUZZ_CHECK(whole.stats().frames == at_once.frames.size());
  MCTPKIT_FUZZ_CHECK(same(at_once, in_chunks));
  return 0;
}
