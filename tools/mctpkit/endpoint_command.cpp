// `mctpkit endpoint`: emulate one or more MCTP endpoints on a transport until stopped.

#include <iostream>

#include "commands.hpp"
#include "exerciser_cli.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/endpoint/responder.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "output_options.hpp"

namespace mctpkit::cli {

namespace {

struct EndpointArgs {
  std::string via;
  std::string config;
  std::string replay;
  std::string write;
  std::size_t count = 0;
  double duration = 0;
  OutputFlags output;
};

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
  int status = kOk;
  std::unique_ptr<exerciser::Exerciser> ex = open_exerciser(a.via, status);
  if (!ex) return status;
  std::unique_ptr<capture::PcapWriter> writer;
  if (!open_pcap_option(a.write, writer, status)) return status;

  endpoint::Responder responder(std::move(config), std::string(ex->link()));
  responder.add_canned(replay);
  output::RenderOptions render = a.output.options();
  responder.set_log([&](const endpoint::LogEntry& entry) {
    std::cout << output::render(entry.frame, render);
    std::cout.flush();
    if (writer) writer->write(mctp::packet_bytes(entry.frame), wall_clock_ns(), entry.outgoing);
  });

  responder.set_notes([](const std::string& note) { std::cerr << "mctpkit endpoint: " << note << "\n"; });

  watch_stop_signals();

  endpoint::ServeOptions options;
  options.stop = &g_stop_requested;
  options.max_requests = a.count;
  if (a.duration > 0) options.duration = std::chrono::milliseconds(static_cast<std::int64_t>(a.duration * 1000));
  try {
    endpoint::serve(*ex, responder, options);
  } catch (const exerciser::TransportError& e) {
    error_line() << e.what() << "\n";
    return kTransport;
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
      "Exit codes: 0 stopped, 1 bad configuration or replay capture, 2 command line, 3 a file\n"
      "cannot be written, 5 the transport cannot be opened or fails.\n"
      "Examples:\n"
      "  mctpkit endpoint --via qemu-i2c:in=5559,out=5558,addr=0x10 --config ep.json\n"
      "  mctpkit endpoint --via serial:/dev/ttyUSB0 --config ep.json --replay capture.pcap -w out.pcap");
  cmd->add_option("--via", a->via, "Transport: NAME:OPTIONS (see mctpkit exercisers)")->required();
  cmd->add_option("--config", a->config, "Endpoint configuration (JSON)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--replay", a->replay, "Answer the requests of this capture with its responses")
      ->check(CLI::ExistingFile);
  cmd->add_option("-w,--write", a->write, "Write every frame received and sent to this pcap file (Linux SLL)");
  cmd->add_option("-c,--count", a->count, "Stop after answering this many requests (a target: once its last reply was read)");
  cmd->add_option("--duration", a->duration, "Stop after this many seconds")->check(non_negative_number());
  a->output.add_to(*cmd);
  return [a] { return run(*a); };
}

}  // namespace mctpkit::cli
