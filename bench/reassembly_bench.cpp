// Messages per second through the reassembler, on a generated mix: single-packet control-sized
// messages and multi-packet messages up to 4 KiB at the baseline transmission unit, eight
// terminuses interleaved, as a capture of a busy bus would give them.

#include <benchmark/benchmark.h>

#include <random>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace {

using namespace mctpkit;

const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
    mctp::register_transport(reg);
    mctp::register_control(reg);
    reg.add_link({"mctp", "bare MCTP", &mctp::kTransport});
    return reg;
  }();
  return r;
}

struct Mix {
  std::vector<Bytes> packets;
  std::vector<Frame> frames;
  std::size_t messages = 0;
};

// `messages` messages, a third of them multi-packet; packets of up to eight messages in flight
// are interleaved (each message's own packets stay in order).
const Mix& mix() {
  static const Mix m = [] {
    constexpr std::size_t kMessages = 2000;
    constexpr std::size_t kInFlight = 8;
    std::mt19937_64 rng(0xBE7C4);
    auto uniform = [&rng](std::size_t lo, std::size_t hi) { return std::uniform_int_distribution<std::size_t>(lo, hi)(rng); };
    Mix out;
    std::vector<std::vector<Bytes>> flight(kInFlight);
    std::vector<std::size_t> pos(kInFlight, 0);
    std::size_t made = 0;
    auto refill = [&](std::size_t slot) {
      std::size_t rest = uniform(0, 2) == 0 ? uniform(64, 4095) : uniform(0, 40);
      Bytes data(rest);
      for (auto& b : data) b = static_cast<std::uint8_t>(uniform(0, 255));
      Frame f = Layer(mctp::kTransport, {{"dst", 0x08},
                                         {"src", static_cast<unsigned>(0x10 + slot)},
                                         {"to", 1},
                                         {"tag", static_cast<unsigned>(slot)},
                                         {"msg_type", 0x7E}}) /
                Layer(kRawLayer, {{"data", data}});
      flight[slot] = mctp::fragment_bytes(f, mctp::kBaselineTransmissionUnit, registry());
      pos[slot] = 0;
      ++made;
    };
    for (std::size_t s = 0; s < kInFlight; ++s) refill(s);
    std::size_t live = kInFlight;
    while (live > 0) {
      std::size_t s = uniform(0, kInFlight - 1);
      if (pos[s] == flight[s].size()) continue;
      out.packets.push_back(flight[s][pos[s]++]);
      if (pos[s] == flight[s].size()) {
        if (made < kMessages) {
          refill(s);
        } else {
          --live;  // this slot stays exhausted
        }
      }
    }
    out.messages = made;
    for (const Bytes& p : out.packets) out.frames.push_back(decode(p, mctp::kTransport, registry()));
    return out;
  }();
  return m;
}

// Reassembly alone, from decoded frames.
void BM_ReassembleDecodedFrames(benchmark::State& state) {
  const Mix& m = mix();
  std::size_t messages = 0;
  for (auto _ : state) {
    mctp::Reassembler r(registry());
    for (const Frame& f : m.frames) {
      for (const mctp::Event& e : r.push(f)) messages += e.kind == mctp::EventKind::Message;
    }
    benchmark::DoNotOptimize(r.flush());
  }
  state.counters["messages/s"] = benchmark::Counter(static_cast<double>(messages), benchmark::Counter::kIsRate);
  state.counters["packets"] = static_cast<double>(m.frames.size());
}
BENCHMARK(BM_ReassembleDecodedFrames)->Unit(benchmark::kMillisecond);

// What `decode --reassemble` does per packet: decode the bytes, then reassemble.
void BM_DecodeAndReassemble(benchmark::State& state) {
  const Mix& m = mix();
  std::size_t messages = 0;
  for (auto _ : state) {
    mctp::Reassembler r(registry());
    for (const Bytes& p : m.packets) {
      for (const mctp::Event& e : r.push(decode(p, "mctp", registry()))) messages += e.kind == mctp::EventKind::Message;
    }
    benchmark::DoNotOptimize(r.flush());
  }
  state.counters["messages/s"] = benchmark::Counter(static_cast<double>(messages), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DecodeAndReassemble)->Unit(benchmark::kMillisecond);

}  // namespace

