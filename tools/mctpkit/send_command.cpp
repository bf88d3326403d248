#include <fmt/format.h>

#include <iostream>
#include <thread>

#include "commands.hpp"
#include "exerciser_cli.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/craft/expression.hpp"
#include "mctpkit/exerciser/requester.hpp"
#include "output_options.hpp"

namespace mctpkit::cli {

namespace {

struct SendArgs {
  std::string via;
  std::string expression;
  double timeout_ms = -1;
  int retries = -1;
  int count = 1;
  int interval_ms = 1000;
  bool no_wait = false;
  std::string write;
  OutputFlags output;
};

bool json_output(const SendArgs& a) { return a.output.format == "json"; }

void print_frame(const SendArgs& a, const char* direction, const Frame& frame) {
  std::string text = output::render(frame, a.output.options());
  if (json_output(a)) {
    if (!text.empty() && text.back() == '\n') text.pop_back();
    std::cout << fmt::format("{{\"direction\": \"{}\", \"frame\": {}}}\n", direction, text);
  } else {
    std::cout << (direction[0] == 's' ? "-> " : "<- ") << text;
  }
}

void print_outcome(const SendArgs& a, const exerciser::Exchange& ex) {
  if (json_output(a)) {
    std::cout << fmt::format("{{\"outcome\": {}, \"tries\": {}, \"latency_us\": {}, \"detail\": {}}}\n",
                             json_string(exerciser::to_string(ex.outcome)), ex.tries,
                             ex.response ? std::to_string(ex.latency.count()) : std::string("null"), json_string(ex.detail));
  } else {
    std::cout << ex.detail << "\n";
  }
}

int exit_code(exerciser::Outcome outcome) {
  switch (outcome) {
    case exerciser::Outcome::Response:
    case exerciser::Outcome::ErrorCompletion: return kOk;
    case exerciser::Outcome::NoResponse: return kNoResponse;
    case exerciser::Outcome::UnexpectedResponse: return kUnexpected;
  }
  return kNoResponse;
}

int run(const SendArgs& a) {
  auto parsed = craft::parse_expression(a.expression);
  if (auto* e = std::get_if<craft::ExpressionError>(&parsed)) {
    error_line() << fmt::format("{} (column {})\n", e->message, e->column);
    return kUsage;
  }
  const Frame request = std::get<Frame>(std::move(parsed));
  int status = kOk;
  std::unique_ptr<capture::PcapWriter> pcap;
  if (!open_pcap_option(a.write, pcap, status)) return status;
  std::unique_ptr<exerciser::Exerciser> ex = open_exerciser(a.via, status);
  if (!ex) return status;
  watch_stop_signals();

  exerciser::Requester requester(*ex);
  const std::string link(ex->link());
  requester.set_unmatched_listener([&](const exerciser::Unmatched& u) {
    if (pcap && !u.wire.empty()) write_packet(*pcap, decode(u.wire, link), false);
    std::cerr << "mctpkit send: not the response (" << u.reason << ")"
              << (u.frame.layers.empty() ? std::string() : ": " + output::summary(u.frame)) << "\n";
  });
  exerciser::RequestOptions options;
  if (a.timeout_ms >= 0) options.timeout = std::chrono::milliseconds(static_cast<long long>(a.timeout_ms));
  if (a.retries >= 0) options.retries = a.retries;

  try {
    for (int i = 0; i < a.count && !g_stop_requested; ++i) {
      if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(a.interval_ms));
      if (a.no_wait) {
        for (const Bytes& p : requester.send(requester.prepare(request))) {
          Frame sent = decode(p, link);
          print_frame(a, "sent", sent);
          if (pcap) write_packet(*pcap, sent, true);
        }
        continue;
      }
      exerciser::Exchange x = requester.request(request, options);
      print_frame(a, "sent", x.request);
      if (pcap) {
        for (const Bytes& p : x.request_packets) write_packet(*pcap, decode(p, link), true);
        for (const Bytes& p : x.response_packets) write_packet(*pcap, decode(p, link), false);
      }
      if (x.response) print_frame(a, "received", *x.response);
      print_outcome(a, x);
      std::cout.flush();
      if (int code = exit_code(x.outcome); code != kOk) status = code;
    }
  } catch (const exerciser::TransportError& e) {
    std::cout.flush();
    error_line() << e.what() << "\n";
    return kTransport;
  } catch (const std::invalid_argument& e) {
    std::cout.flush();
    error_line() << e.what() << "\n";
    return kUsage;
  }
  std::cout.flush();
  if (pcap && !pcap->close()) {
    error_line() << pcap->error() << "\n";
    return kCannotOpen;
  }
  return status;
}

}  // namespace

Runner add_send_command(CLI::App& app) {
  auto a = std::make_shared<SendArgs>();
  CLI::App* cmd = app.add_subcommand("send", "Send a request through an exerciser and print the response");
  cmd->footer(
      "The expression starts at mctp(...) (the exerciser adds its binding layer and addresses) or\n"
      "with the binding layer. It is a request: TO and rq default to 1, the tag and instance IDs\n"
      "are allocated unless given. The timeout and retries default to the binding's (DSP0237:\n"
      "300 ms, 2 retries). Frames that do not answer the request are reported on stderr.\n"
      "Exit code 0 on a response (an error completion code included), 4 on no response, 6 when\n"
      "only unexpected responses came, 5 when the transport failed. See 'mctpkit exercisers'.\n"
      "Examples:\n"
      "  mctpkit send --via serial:/dev/ttyUSB0 'mctp(dst=9,src=8)/control()/get_endpoint_id()'\n"
      "  mctpkit send --via qemu-i2c:in=5558,out=5559,addr=0x20,peer=0x10 \\\n"
      "      'mctp(dst=9,src=8)/pldm(type=base,cmd=get_tid)/get_tid()' -V");
  cmd->add_option("--via", a->via, "Exerciser specification NAME:options (see 'mctpkit exercisers')")->required();
  cmd->add_option("expression", a->expression, "The request as a craft expression")->required();
  cmd->add_option("--timeout", a->timeout_ms, "Milliseconds to wait for the response, per try")->check(non_negative_number());
  cmd->add_option("--retries", a->retries, "Further tries after a timeout")->check(whole_number(0, 100));
  cmd->add_option("--count", a->count, "Send the request this many times (new tag and instance ID each)")
      ->check(whole_number(1, 1000000));
  cmd->add_option("--interval", a->interval_ms, "Milliseconds between requests with --count (default 1000)")
      ->check(whole_number(0, 3600000));
  cmd->add_flag("--no-wait", a->no_wait, "Send without waiting for a response");
  cmd->add_option("-w,--write", a->write, "Write the packets of both directions to this pcap file (Linux SLL)");
  a->output.add_to(*cmd);
  return [a] { return run(*a); };
}

}  // namespace mctpkit::cli
