// Bytes per second through the serial deframer, on a generated 4 MiB stream: frames of random
// length (4 to 255 bytes of packet) with random content, so about 1 byte in 128 needs an
// escape; FCS raw or escaped in turn, flags doubled or shared, and now and then a burst of
// noise or a corrupted frame, as a real UART line gives them. Fed in chunks of several sizes
// (one byte is the worst case: a read per interrupt).

#include <benchmark/benchmark.h>

#include <random>

#include "mctpkit/binding/serial.hpp"
#include "mctpkit/binding/serial_deframer.hpp"

namespace {

using namespace mctpkit;
using namespace mctpkit::binding;

struct Generated {
  Bytes stream;
  std::size_t frames = 0;
};

const Generated& generated() {
  static const Generated g = [] {
    constexpr std::size_t kTarget = 4u << 20;
    std::mt19937_64 rng(0x5E71A1);
    auto uniform = [&rng](std::size_t lo, std::size_t hi) {
      return std::uniform_int_distribution<std::size_t>(lo, hi)(rng);
    };
    Generated out;
    out.stream.reserve(kTarget + 1024);
    while (out.stream.size() < kTarget) {
      Bytes packet(uniform(4, 255));
      for (std::uint8_t& b : packet) b = static_cast<std::uint8_t>(uniform(0, 255));
      packet[0] = 0x01;
      Bytes frame = serial_frame(packet, uniform(0, 1) ? SerialFcsStyle::Raw : SerialFcsStyle::Escaped);
      const std::size_t roll = uniform(0, 99);
      if (roll < 2) {
        frame[frame.size() / 2] ^= 0x04;  // corrupted in transit (a bad FCS, or worse)
      } else {
        ++out.frames;
      }
      if (roll == 99) {
        for (std::size_t k = uniform(1, 32); k > 0; --k) out.stream.push_back(static_cast<std::uint8_t>(uniform(0, 0x7D)));
      }
      // Every other frame shares its opening flag with the previous closing flag.
      const bool shared = !out.stream.empty() && out.stream.back() == kSerialFlag && uniform(0, 1);
      out.stream.insert(out.stream.end(), frame.begin() + (shared ? 1 : 0), frame.end());
    }
    return out;
  }();
  return g;
}

class CountingSink : public SerialSink {
 public:
  void frame(const SerialFrame& f) override {
    ++frames;
    bytes += f.packet.size();
  }
  void damage(const SerialDamage&) override { ++damages; }
  std::size_t frames = 0, damages = 0, bytes = 0;
};

void BM_SerialDeframer(benchmark::State& state) {
  const Generated& g = generated();
  const auto chunk = static_cast<std::size_t>(state.range(0));
  std::size_t frames = 0;
  for (auto _ : state) {
    SerialDeframer d;
    CountingSink sink;
    const ByteView all(g.stream);
    for (std::size_t pos = 0; pos < all.size(); pos += chunk) {
      d.feed(all.subspan(pos, std::min(chunk, all.size() - pos)), sink);
    }
    d.finish(sink);
    frames = sink.frames;
    benchmark::DoNotOptimize(sink.bytes);
  }
  if (frames < g.frames) state.SkipWithError("the deframer lost good frames");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g.stream.size()));
  state.counters["frames"] = static_cast<double>(frames);
}

BENCHMARK(BM_SerialDeframer)->Arg(1)->Arg(64)->Arg(4096)->Arg(1 << 22)->Unit(benchmark::kMillisecond);

}  // namespace

