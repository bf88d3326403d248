// `mctpkit endpoint`: emulate one or more MCTP endpoints on a transport until stopped.

#include <csignal>
#include <iostream>

#include "commands.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/endpoint/responder.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "output_options.hpp"

namespace mctpkit::cli {

namespace {

std::atomic<bool> g_stop{false};

extern "C" void request_stop(int) { g_stop = true; }

struct EndpointArgs {
  std::string via;
  std::string config;
  std::string replay;
  std::string write;
  std::size_t count = 0;
  double duration = 0;
  OutputFlags output;
};

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int run(const EndpointArgs& a) {
  endpoint::Config config;
  std::vector<endpoint::CannedReply> replay;
  try {
    config = endpoint::load_config(a.config);
    if (!a.replay.empty()) replay = endpoint::mine_capture(a.replay);
  } catch (const endpoint::ConfigError& e) {
    error_line() << e.what() << "\n";
    return kInputProblem;
  }
  std::unique_ptr<exerciser::Exerciser> ex;
  try {
    ex = exerciser::open(a.via);
  } catch (const std::invalid_argument& e) {
    error_line() << e.what() << "\n";
    return kUsage;
  } catch (const exerciser::TransportError& e) {
    error_line() << e.what() << "\n";
    return kCannotOpen;
  }
  std::unique_ptr<capture::PcapWriter> writer;
  if (!a.write.empty()) {
    auto opened = capture::PcapWriter::open(a.write);
    if (!opened.writer) {
      error_line() << opened.error << "\n";
      return kCannotOpen;
    }
    writer = std::move(opened.writer);
  }

  endpoint::Responder responder(std::move(config), std::string(ex->link()));
  responder.add_canned(replay);
  output::RenderOptions render = a.output.options();
  responder.set_log([&](const endpoint::LogEntry& entry) {
    std::cout << output::render(entry.frame, render);
    std::cout.flush();
    if (writer) writer->write(mctp::packet_bytes(entry.frame), now_ns(), entry.outgoing);
  });

  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  endpoint::ServeOptions options;
  options.stop = &g_stop;
  options.max_requests = a.count;
  if (a.duration > 0) options.duration = std::chrono::milliseconds(static_cast<std::int64_t>(a.duration * 1000));
  try {
    endpoint::serve(*ex, responder, options);
  } catch (const exerciser::TransportError& e) {
    error_line() << e.what() << "\n";
    return kCannotOpen;
  }
  if (writer && !writer->close()) {
    error_line() << writer->error() << "\n";
    return kCannotOpen;
  }
  return kOk;
}

}  // namespace

Runner add_endpoint_command(CLI::App& app) {
  auto a = std::make_shared<EndpointArgs>();
  CLI::App* cmd = app.add_subcommand("endpoint", "Emulate MCTP endpoints (control, PLDM terminus, bridge) on a transport");
  cmd->footer(
      "Answers requests as configured in the JSON file (docs/endpoint.md) until stopped (Ctrl-C,\n"
      "SIGTERM, -c or --duration), printing every frame received and sent.\n"
      "Examples:\n"
      "  mctpkit endpoint --via qemu-i2c:in=5559,out=5558,addr=0x10 --config ep.json\n"
      "  mctpkit endpoint --via serial:/dev/ttyUSB0 --config ep.json --replay capture.pcap -w out.pcap");
  cmd->add_option("--via", a->via, "Transport: NAME:OPTIONS (see mctpkit exercisers)")->required();
  cmd->add_option("--config", a->config, "Endpoint configuration (JSON)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--replay", a->replay, "Answer the requests of this capture with its responses")
      ->check(CLI::ExistingFile);
  cmd->add_option("-w,--write", a->write, "Write every frame received and sent to this pcap file (Linux SLL)");
  cmd->add_option("-c,--count", a->count, "Stop after answering this many requests");
  cmd->add_option("--duration", a->duration, "Stop after this many seconds")->check(non_negative_number());
  a->output.add_to(*cmd);
  return [a] { return run(*a); };
}

}  // namespace mctpkit::cli
