// Decode and build throughput on the MCTP control corpus (the golden control vectors). A decoded
// frame has every value given and builds from its own values; a crafted one leaves its derived
// values unset, and its build works them out in a copy.

#include <benchmark/benchmark.h>

#include <fstream>

#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/capture/packet_lines.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/output/output.hpp"

namespace {

using namespace mctpkit;

std::vector<capture::PacketLine> control_corpus() {
  std::vector<capture::PacketLine> out;
  std::ifstream in(std::string(MCTPKIT_SHARED_DIR) + "/vectors/pymctp-control.tsv");
  std::string line;
  while (std::getline(in, line)) {
    auto parsed = capture::parse_packet_line(line.substr(0, line.find('\t')), "mctp", default_registry());
    if (parsed.kind == capture::PacketLine::Kind::Packet) out.push_back(std::move(parsed));
  }
  return out;
}

void BM_DecodeControlCorpus(benchmark::State& state) {
  auto corpus = control_corpus();
  for (auto _ : state) {
    for (const auto& p : corpus) benchmark::DoNotOptimize(decode(p.data, p.link));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_DecodeControlCorpus);

void BM_DecodeAndSummarizeControlCorpus(benchmark::State& state) {
  auto corpus = control_corpus();
  for (auto _ : state) {
    for (const auto& p : corpus) benchmark::DoNotOptimize(output::summary(decode(p.data, p.link)));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_DecodeAndSummarizeControlCorpus);

// The loop of a capture reader: every packet decoded into the same frame (decode_into), which
// reuses its storage.
void BM_DecodeIntoControlCorpus(benchmark::State& state) {
  auto corpus = control_corpus();
  Frame frame;
  for (auto _ : state) {
    for (const auto& p : corpus) {
      decode_into(frame, p.data, p.link);
      benchmark::DoNotOptimize(frame.layers.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_DecodeIntoControlCorpus);

void BM_DecodeIntoAndSummarizeControlCorpus(benchmark::State& state) {
  auto corpus = control_corpus();
  Frame frame;
  std::string line;
  for (auto _ : state) {
    for (const auto& p : corpus) {
      decode_into(frame, p.data, p.link);
      line.clear();
      output::append_summary(frame, line);
      benchmark::DoNotOptimize(line.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_DecodeIntoAndSummarizeControlCorpus);

void BM_BuildControlCorpus(benchmark::State& state) {
  std::vector<Frame> frames;
  for (const auto& p : control_corpus()) frames.push_back(decode(p.data, p.link));
  for (auto _ : state) {
    for (const Frame& f : frames) benchmark::DoNotOptimize(f.build());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * frames.size()));
}
BENCHMARK(BM_BuildControlCorpus);

// The same frames as crafting gives them: every derived value (lengths, counts, checksums, the
// SMBus PEC) left for the build to work out, which it does in a copy of the frame.
void BM_BuildCraftedControlCorpus(benchmark::State& state) {
  std::vector<Frame> frames;
  for (const auto& p : control_corpus()) {
    Frame& f = frames.emplace_back(decode(p.data, p.link));
    for (Layer& layer : f.layers) {
      for (std::size_t i = 0; i < layer.size(); ++i) {
        if (layer.defs()[i].is_derived()) layer.value(i).state = FieldValue::State::Unset;
      }
    }
  }
  for (auto _ : state) {
    for (const Frame& f : frames) benchmark::DoNotOptimize(f.build());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * frames.size()));
}
BENCHMARK(BM_BuildCraftedControlCorpus);

}  // namespace
