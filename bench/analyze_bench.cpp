// Packets per second through `analyze` in each output mode, on a capture made of the shared
// sample capture's packets repeated (requests, responses, multi-packet messages). The output goes
// to a stream that drops it: what is measured is the analysis and the text, not the disk.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <ostream>
#include <streambuf>
#include <string>

#include "mctpkit/analysis/analyzer.hpp"
#include "mctpkit/capture/open.hpp"
#include "mctpkit/capture/pcap_writer.hpp"

namespace {

using namespace mctpkit;

constexpr std::size_t kPackets = 20000;

class DropBuffer : public std::streambuf {
 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
};

// The capture, written once per run and removed at exit.
const std::string& capture_path() {
  static const struct Capture {
    std::string path = "/tmp/mctpkit_analyze_bench_" + std::to_string(::getpid()) + ".pcap";
    Capture() {
      std::vector<capture::CaptureRecord> sample;
      capture::OpenResult in = capture::open_capture(std::string(MCTPKIT_SHARED_DIR) + "/captures/mctp-sll.pcap");
      while (in && sample.size() < 1000) {
        auto record = in.reader->next();
        if (!record) break;
        if (!record->link.empty()) sample.push_back(*record);
      }
      auto out = capture::PcapWriter::open(path);
      if (!out.writer || sample.empty()) return;
      std::int64_t t = 1'700'000'000'000'000'000;
      for (std::size_t i = 0; i < kPackets; ++i) out.writer->write(sample[i % sample.size()].data, t += 100'000, false);
      out.writer->close();
    }
    ~Capture() { std::remove(path.c_str()); }
  } capture;
  return capture.path;
}

void run(benchmark::State& state, analysis::AnalyzeOptions options) {
  DropBuffer drop;
  std::ostream out(&drop), err(&drop);
  const std::vector<std::string> paths = {capture_path()};
  for (auto _ : state) {
    analysis::AnalyzeResult result = analysis::analyze(paths, options, out, err);
    if (result.packets != kPackets) state.SkipWithError("the capture was not read whole");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPackets));
}

void BM_AnalyzeSummary(benchmark::State& state) { run(state, {}); }
BENCHMARK(BM_AnalyzeSummary)->Unit(benchmark::kMillisecond);

void BM_AnalyzeJson(benchmark::State& state) {
  analysis::AnalyzeOptions options;
  options.format = analysis::OutputFormat::Json;
  run(state, options);
}
BENCHMARK(BM_AnalyzeJson)->Unit(benchmark::kMillisecond);

void BM_AnalyzeFields(benchmark::State& state) {
  analysis::AnalyzeOptions options;
  options.format = analysis::OutputFormat::Fields;
  options.fields = {"mctp.src", "mctp.dst"};
  run(state, options);
}
BENCHMARK(BM_AnalyzeFields)->Unit(benchmark::kMillisecond);

void BM_AnalyzeStatsQuiet(benchmark::State& state) {
  analysis::AnalyzeOptions options;
  options.stats = true;
  options.quiet = true;
  run(state, options);
}
BENCHMARK(BM_AnalyzeStatsQuiet)->Unit(benchmark::kMillisecond);

}  // namespace
