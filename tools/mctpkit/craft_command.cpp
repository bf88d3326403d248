#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "commands.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/craft/expression.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "output_options.hpp"

namespace mctpkit::cli {

namespace {

struct CraftArgs {
  std::string expression;
  std::size_t mtu = 0;
  std::string write;
  bool strict = false;
  OutputFlags output;
};

int run(const CraftArgs& args) {
  auto parsed = craft::parse_expression(args.expression);
  if (const auto* err = std::get_if<craft::ExpressionError>(&parsed)) {
    error_line() << craft::format_error(*err, args.expression) << "\n";
    return kUsage;
  }
  const Frame& frame = std::get<Frame>(parsed);
  std::vector<Bytes> packets;
  try {
    if (args.mtu > 0) {
      packets = mctp::fragment_bytes(frame, args.mtu);
    } else {
      packets.push_back(frame.build());
    }
  } catch (const std::invalid_argument& e) {
    // The expression cannot be built as asked: a command-line error like a syntax error.
    error_line() << e.what() << "\n";
    return kUsage;
  }
  // What a receiver would say about the bytes: malformed frames can be made on purpose, but
  // never without a word.
  bool rejected = false;
  for (const std::string& problem : craft::stacking_problems(frame)) {
    warning_line() << problem << "\n";
  }
  for (const Bytes& wire : packets) {
    for (const Diagnostic& d : craft::check_built(frame, wire)) {
      const bool fatal = args.strict && d.severity == Severity::Error;
      rejected = rejected || fatal;
      (fatal ? error_line() : warning_line()) << "the crafted frame decodes with " << describe(d) << "\n";
    }
  }
  if (rejected) return kInputProblem;
  std::unique_ptr<capture::PcapWriter> writer;
  if (!args.write.empty()) {
    auto opened = capture::PcapWriter::open(args.write);
    if (!opened.writer) {
      error_line() << opened.error << "\n";
      return kCannotOpen;
    }
    writer = std::move(opened.writer);
  }
  output::RenderOptions options = args.output.options();
  bool show = options.format != output::Format::Summary || options.hexdump || options.diagnostics;
  // The packets are stamped now, one microsecond apart (pcap's resolution), so that readers keep
  // their order and see a plausible time.
  const std::int64_t now_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  std::int64_t stamp_ns = now_ns - now_ns % 1000;
  for (const Bytes& wire : packets) {
    // What was built is shown, and written, by decoding it again as the first layer's link.
    Frame built = decode(wire, frame.layers.front().def(), default_registry());
    built.link = std::string(frame.layers.front().def().id);
    if (args.write == "-") {
      // Standard output holds the pcap only.
    } else if (options.format == output::Format::Json) {
      // A JSON stream holds JSON only: the bytes go into the object.
      const std::string body = output::json(built);
      std::cout << "{\"hex\":\"" << to_hex(wire) << "\"," << body.substr(1) << "\n";
    } else {
      std::cout << to_hex(wire) << "\n";
      if (show) std::cout << output::render(built, options);
    }
    if (writer) {
      const Layer* transport = built.find(mctp::kTransport);
      if (!writer->write(mctp::packet_bytes(built), stamp_ns, transport && transport->num("to") == 1)) {
        error_line() << writer->error() << "\n";
        return kCannotOpen;
      }
      stamp_ns += 1000;
    }
  }
  if (writer && !writer->close()) {
    error_line() << writer->error() << "\n";
    return kCannotOpen;
  }
  return kOk;
}

}  // namespace

Runner add_craft_command(CLI::App& app) {
  auto args = std::make_shared<CraftArgs>();
  CLI::App* cmd = app.add_subcommand("craft", "Build a packet from a layer expression and print its bytes");
  cmd->footer(
      "An expression stacks layers with '/', each with its fields in parentheses:\n"
      "  mctpkit craft 'smbus(dst=0x32,src=0x10)/mctp(dst=0,src=10,to=1,tag=7)/"
      "control(rq=1,iid=0x11,cmd=set_endpoint_id)/set_endpoint_id(op=set,eid=29)'\n"
      "  64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC\n"
      "Fields left out take their defaults; message types, commands, lengths, counts and\n"
      "checksums are derived unless set (set them to craft malformed frames on purpose).\n"
      "Values: numbers (10, 0x0A, 0b1010), names (op=set), hex bytes (data=deadbeef), UUIDs,\n"
      "none (leave an optional field out, e.g. pec=none), lists ([0xF1F3F100, 0xF1F0FF00] or\n"
      "[(range_size=1,start_eid=0x0A), ...]). 'mctpkit layers' lists layers and their fields.");
  cmd->add_option("expression", args->expression, "The layer expression")->required();
  cmd->add_option("--mtu", args->mtu,
                  "Split the message into packets whose payload is at most this many bytes (baseline 64)")
      ->check(whole_number(1));
  cmd->add_flag("--strict", args->strict,
                "Refuse to output a frame that does not decode cleanly (an error diagnostic); without it, "
                "problems are warnings on stderr");
  cmd->add_option("-w,--write", args->write,
                  "Also write the packets to this pcap file (Linux SLL, stamped now and then 1 us apart; '-' = "
                  "standard output, which then holds the pcap only)");
  args->output.add_to(*cmd);
  return [args] { return run(*args); };
}

}  // namespace mctpkit::cli
