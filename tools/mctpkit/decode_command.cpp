#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "mctpkit/analysis/event_json.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/capture/packet_lines.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/suggest.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "output_options.hpp"

namespace mctpkit::cli {

namespace {

struct DecodeArgs {
  std::vector<std::string> hex;
  std::string file;
  std::string link = "mctp";
  bool strict = false;
  bool reassemble = false;
  OutputFlags output;
};

// With --reassemble, whole messages are printed after the packet that completes them.
class MessagePrinter {
 public:
  explicit MessagePrinter(const DecodeArgs& args) : args_(args) {}
  void add(const Frame& packet) {
    ++number_;
    if (args_.reassemble) print(reassembler_.push(packet, std::nullopt, number_));
  }
  void finish() {
    if (args_.reassemble) print(reassembler_.flush());
  }

 private:
  void print(const std::vector<mctp::Event>& events) {
    for (const mctp::Event& e : events) {
      std::string packets;
      for (std::size_t p : e.packets) packets += fmt::format("{}{}", packets.empty() ? "" : ", ", p);
      const bool json = args_.output.options().format == output::Format::Json;
      if (e.kind != mctp::EventKind::Message) {
        if (json) {
          std::cout << analysis::event_json(e, std::nullopt, "packets") << "\n";
        } else {
          std::cout << "reassembly " << mctp::to_string(e.kind) << ": " << e.text << "\n";
        }
      } else if (e.packets.size() > 1 && json) {
        std::cout << analysis::message_json(e, std::nullopt, "message_packets") << "\n";
      } else if (e.packets.size() > 1) {
        std::cout << fmt::format("message from packets {} ({} bytes): ", packets, e.body().size())
                  << output::render(e.message, args_.output.options());
      }
    }
  }

  const DecodeArgs& args_;
  mctp::Reassembler reassembler_;
  std::size_t number_ = 0;
};

std::string link_help() {
  std::string out = "Link the bytes start with (default mctp):";
  for (const LinkDef& l : default_registry().links()) out += fmt::format("\n  {:12} {}", l.name, l.description);
  return out;
}

// A problem with one input line, printed in the line's place: "line 4: error: ..." as text, or
// {"line":4,"error":"..."} in a JSON stream (which then holds JSON only). `line` 0: the packet
// came from the command line or standard input as a whole, and the text has no "line N: ".
void print_line_error(const DecodeArgs& args, std::size_t line, const std::string& text) {
  if (args.output.format == "json") {
    nlohmann::ordered_json out;
    if (line != 0) out["line"] = line;
    out["error"] = text;
    std::cout << out.dump() << "\n";
  } else {
    std::cout << (line != 0 ? fmt::format("line {}: ", line) : std::string()) << "error: " << text << "\n";
  }
}

// Decodes one packet and prints it; returns false when strict mode rejected it.
bool decode_one(const DecodeArgs& args, ByteView data, const std::string& link, std::size_t line,
                MessagePrinter& messages) {
  Frame frame = decode(data, link);
  if (args.strict) {
    for (const Diagnostic& d : frame.diagnostics) {
      if (d.severity == Severity::Info) continue;
      // The rejection is the error, whatever the diagnostic's own severity.
      print_line_error(args, line, describe(d, false));
      return false;
    }
  }
  std::cout << output::render(frame, args.output.options());
  messages.add(frame);
  return true;
}

int run(const DecodeArgs& args) {
  const Registry& registry = default_registry();
  if (registry.link(args.link) == nullptr) {
    std::vector<std::string> names;
    for (const LinkDef& l : registry.links()) names.emplace_back(l.name);
    const std::string best = closest_name(args.link, names);
    error_line() << "unknown link '" << args.link << "'" << (best.empty() ? "" : " (did you mean " + best + "?)")
                 << "; 'mctpkit decode --help' lists the links\n";
    return kUsage;
  }
  if (!args.file.empty() && !args.hex.empty()) {
    error_line() << "give hex bytes or -r FILE, not both\n";
    return kUsage;
  }
  if (args.file.empty()) {
    std::string joined;
    if (args.hex.empty()) {
      // The bytes may be piped in, in any pasted form (a hex dump, a C array ...): one packet.
      if (::isatty(STDIN_FILENO)) {
        error_line() << "give the packet's hex bytes, -r FILE, or the bytes on standard input (see --help)\n";
        return kUsage;
      }
      constexpr std::size_t kMaxInput = 1 << 20;
      joined.resize(kMaxInput + 1);
      std::cin.read(joined.data(), static_cast<std::streamsize>(joined.size()));
      joined.resize(static_cast<std::size_t>(std::cin.gcount()));
      if (joined.size() > kMaxInput) {
        error_line() << "standard input holds more than 1 MiB; use -r FILE for many packets\n";
        return kUsage;
      }
    }
    for (const std::string& h : args.hex) joined += (joined.empty() ? "" : " ") + h;
    capture::PacketLine line = capture::parse_packet_line(joined, args.link, registry);
    if (line.kind != capture::PacketLine::Kind::Packet) {
      error_line() << (line.error.empty() ? "give the packet's hex bytes, -r FILE, or the bytes on standard input" : line.error)
                   << "\n";
      return kUsage;
    }
    MessagePrinter messages(args);
    return decode_one(args, line.data, line.link, 0, messages) ? kOk : kInputProblem;
  }

  std::ifstream file_stream;
  std::istream* in = &std::cin;
  if (args.file != "-") {
    file_stream.open(args.file);
    if (!file_stream) {
      error_line() << "cannot open '" << args.file << "': " << std::strerror(errno) << "\n";
      return kCannotOpen;
    }
    in = &file_stream;
  }
  int status = kOk;
  MessagePrinter messages(args);
  struct stat st {};
  const bool live = in == &std::cin && !(::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode));
  std::string text;
  bool too_long = false;
  for (std::size_t number = 1; capture::read_bounded_line(*in, text, too_long); ++number) {
    if (too_long) {
      print_line_error(args, number, fmt::format("line longer than {} characters", capture::kMaxLineLength));
      status = kInputProblem;
      continue;
    }
    if (!text.empty() && text.back() == '\r') text.pop_back();
    capture::PacketLine line = capture::parse_packet_line(text, args.link, registry);
    if (line.kind == capture::PacketLine::Kind::Empty) continue;
    if (line.kind == capture::PacketLine::Kind::Error) {
      print_line_error(args, number, line.error);
      status = kInputProblem;
      continue;
    }
    if (!decode_one(args, line.data, line.link, number, messages)) status = kInputProblem;
    if (live) std::cout.flush();  // lines from a pipe or a terminal are answered as they come
  }
  messages.finish();
  return status;
}

}  // namespace

Runner add_decode_command(CLI::App& app) {
  auto args = std::make_shared<DecodeArgs>();
  CLI::App* cmd = app.add_subcommand("decode", "Decode packets given as hex on the command line or in a file");
  cmd->footer(
      "Examples:\n"
      "  mctpkit decode --link smbus 20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4\n"
      "  mctpkit decode -r packets.txt        (lines of '[link:] hex bytes', '#' comments)\n"
      "  xxd packet.bin | mctpkit decode --link smbus\n"
      "Every packet line gives one output line, in order; a line that is not hex gives\n"
      "'line N: error: ...' in its place (with -T json: {\"line\":N,\"error\":\"...\"}) and\n"
      "decoding goes on (exit code 1).\n"
      "A packet with a warning or error diagnostic (bad PEC/FCS/MIC, truncated, malformed) is\n"
      "still decoded: its summary ends with short markers such as [bad PEC 0xF5, expected 0xF4]\n"
      "or [truncated] (-D lists the diagnostics in full) and the exit code stays 0; with\n"
      "--strict the packet gives an error line instead and the exit code is 1.");
  cmd->add_option("hex", args->hex,
                  "The packet's bytes: hex with or without spaces, ':' or '-', 0x.., a hex dump (mctpkit, Scapy, xxd, "
                  "hexdump -C, od), a C array or a Python bytes literal; read from standard input when left out");
  cmd->add_option("-r,--read", args->file, "Read packets from FILE ('-' for standard input), one per line");
  cmd->add_option("-l,--link", args->link, link_help());
  cmd->add_flag("--strict", args->strict,
                "Print an error instead of the summary for a packet with any error or warning diagnostic, "
                "and exit with code 1");
  cmd->add_flag("--reassemble", args->reassemble,
                "Also print each multi-packet message, whole, after the packet that completes it");
  args->output.add_to(*cmd);
  return [args] { return run(*args); };
}

}  // namespace mctpkit::cli
