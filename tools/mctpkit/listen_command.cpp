#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "commands.hpp"
#include "exerciser_cli.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/output/fields.hpp"
#include "mctpkit/output/filter.hpp"
#include "output_options.hpp"

namespace mctpkit::cli {

namespace {

struct ListenArgs {
  std::string via;
  std::string filter;
  std::int64_t count = -1;
  double duration_s = -1;
  std::vector<std::string> fields;
  bool reassemble = false;
  std::string write;
  OutputFlags output;
};

// How long one wait lasts at most, so that a stop signal is seen promptly.
constexpr std::chrono::milliseconds kSlice{100};

class Printer {
 public:
  Printer(const ListenArgs& a, std::optional<output::Filter> filter) : a_(a), filter_(std::move(filter)) {}

  // Prints `frame` when it passes the filter; returns whether it did.
  bool print(const Frame& frame) {
    ++number_;  // frames are numbered as received, for frame.number in filters
    if (filter_ && !filter_->matches(frame, {number_, wall_clock_ns()})) return false;
    if (a_.output.format == "fields") {
      std::cout << output::fields_line(frame, a_.fields) << "\n";
    } else {
      std::cout << output::render(frame, a_.output.options());
    }
    return true;
  }

 private:
  const ListenArgs& a_;
  std::optional<output::Filter> filter_;
  std::uint64_t number_ = 0;
};

int run(const ListenArgs& a) {
  if (a.output.format == "fields" && a.fields.empty()) {
    error_line() << "-T fields needs at least one -e FIELD\n";
    return kUsage;
  }
  std::optional<output::Filter> filter;
  if (!a.filter.empty()) {
    auto parsed = output::parse_filter(a.filter, &default_registry());
    if (auto* e = std::get_if<output::FilterError>(&parsed)) {
      error_line() << "bad filter: " << output::format_filter_error(*e);  // ends with a newline
      return kUsage;
    }
    filter = std::get<output::Filter>(std::move(parsed));
  }
  int status = kOk;
  std::unique_ptr<capture::PcapWriter> pcap;
  if (!open_pcap_option(a.write, pcap, status)) return status;
  std::unique_ptr<exerciser::Exerciser> ex = open_exerciser(a.via, status);
  if (!ex) return status;
  watch_stop_signals();

  Printer printer(a, std::move(filter));
  mctp::Reassembler reassembler;
  const std::string link(ex->link());
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  const auto end = a.duration_s >= 0 ? started + std::chrono::microseconds(static_cast<long long>(a.duration_s * 1e6))
                                     : Clock::time_point::max();
  std::uint64_t received = 0, shown = 0;
  std::string ended = "stopped";
  try {
    while (!g_stop_requested && (a.count < 0 || shown < static_cast<std::uint64_t>(a.count))) {
      const auto now = Clock::now();
      if (now >= end) {
        ended = "duration reached";
        break;
      }
      const auto left = std::min<Clock::duration>(end - now, kSlice);
      auto wire = exerciser::recv(*ex, std::chrono::ceil<std::chrono::milliseconds>(left));
      if (!wire) continue;
      ++received;
      Frame frame = decode(*wire, link);
      if (printer.print(frame)) {
        ++shown;
        if (pcap) write_packet(*pcap, frame, false);
      }
      if (!a.reassemble) continue;
      for (const mctp::Event& e : reassembler.push(frame, std::nullopt, received)) {
        if (e.kind != mctp::EventKind::Message) {
          std::cout << "reassembly " << mctp::to_string(e.kind) << ": " << e.text << "\n";
        } else if (e.packets.size() > 1 && a.output.format != "fields") {
          std::cout << fmt::format("message from {} packets ({} bytes): ", e.packets.size(), e.body().size());
          printer.print(e.message);
        }
      }
      std::cout.flush();
    }
    if (a.count >= 0 && shown >= static_cast<std::uint64_t>(a.count)) ended = "count reached";
  } catch (const exerciser::TransportError& e) {
    std::cout.flush();
    error_line() << e.what() << "\n";
    status = kTransport;
    ended = "transport failed";
  }
  std::cout.flush();
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::cerr << fmt::format("mctpkit listen: {} frames received, {} shown in {:.1f} s ({})\n", received, shown, seconds, ended);
  if (pcap && !pcap->close()) {
    error_line() << pcap->error() << "\n";
    return kCannotOpen;
  }
  return status;
}

}  // namespace

Runner add_listen_command(CLI::App& app) {
  auto a = std::make_shared<ListenArgs>();
  CLI::App* cmd = app.add_subcommand("listen", "Decode what arrives through an exerciser, live (like tshark -i)");
  cmd->footer(
      "Runs until Ctrl-C (SIGINT) or SIGTERM, -c COUNT frames shown, or --duration SECONDS, then\n"
      "prints a summary line on stderr. Exit code 5 when the transport fails (port gone).\n"
      "Examples:\n"
      "  mctpkit listen --via serial:/dev/ttyUSB0 -V\n"
      "  mctpkit listen --via qemu-i2c:in=5559,out=5558,addr=0x10 -Y 'mctpc.command == 2' -c 1");
  cmd->add_option("--via", a->via, "Exerciser specification NAME:options (see 'mctpkit exercisers')")->required();
  cmd->add_option("-Y,--filter", a->filter, "Only frames matching this filter expression (see docs/filters.md)");
  cmd->add_option("-c,--count", a->count, "Stop after this many frames shown")->check(whole_number(0));
  cmd->add_option("--duration", a->duration_s, "Stop after this many seconds")->check(non_negative_number());
  cmd->add_option("-e,--field", a->fields, "With -T fields: a field to print (repeat for more columns)");
  cmd->add_flag("--reassemble", a->reassemble, "Also print each multi-packet message, whole, when it completes");
  cmd->add_option("-w,--write", a->write, "Write the shown frames' MCTP packets to this pcap file (Linux SLL)");
  cmd->add_flag("-V,--verbose", a->output.tree, "Detailed tree of every frame");
  cmd->add_flag("-x,--hex", a->output.hexdump, "Add a hex dump of every frame");
  cmd->add_option("-T,--format", a->output.format, "summary (default), json (one object per line) or fields")
      ->check(CLI::IsMember({"summary", "json", "fields"}));
  cmd->add_flag("-D,--diagnostics", a->output.diagnostics, "With summaries, list each frame's diagnostics below it");
  return [a] { return run(*a); };
}

}  // namespace mctpkit::cli
