#include <unistd.h>

#include <iostream>

#include "commands.hpp"
#include "mctpkit/analysis/analyzer.hpp"

namespace mctpkit::cli {

namespace {

struct AnalyzeArgs {
  std::vector<std::string> files;
  std::string timezone = "US/Central";
  std::string date;
  bool dst = true;
  std::string link;
  bool tree = false;
  bool hexdump = false;
  std::string format = "summary";
  std::vector<std::string> fields;
  std::vector<std::string> field_options;
  std::string filter;
  std::int64_t count = -1;
  bool quiet = false;
  bool stats = false;
  bool no_reassemble = false;
  std::string write;
  bool diagnostics = false;
  bool numbers = false;
  bool local_times = false;
  unsigned threads = 1;
};

int run(const AnalyzeArgs& a) {
  analysis::AnalyzeOptions o;
  o.open.force_link = a.link;
  o.open.text_time.timezone = a.timezone;
  if (!a.date.empty()) o.open.text_time.date = a.date;
  o.open.text_time.dst = a.dst;
  o.format = a.format == "json"     ? analysis::OutputFormat::Json
             : a.format == "fields" ? analysis::OutputFormat::Fields
             : a.tree               ? analysis::OutputFormat::Tree
                                    : analysis::OutputFormat::Summary;
  if (o.format == analysis::OutputFormat::Fields && a.fields.empty()) {
    error_line() << "-T fields needs at least one -e FIELD\n";
    return kUsage;
  }
  for (const std::string& option : a.field_options) {
    if (option == "header=y" || option == "header=n") {
      o.fields_header = option == "header=y";
    } else {
      error_line() << "unknown -E option '" << option << "' (known: header=y, header=n)\n";
      return kUsage;
    }
  }
  o.hexdump = a.hexdump;
  o.fields = a.fields;
  o.filter = a.filter;
  if (a.count >= 0) o.count = static_cast<std::uint64_t>(a.count);
  o.quiet = a.quiet;
  o.stats = a.stats;
  o.reassemble = !a.no_reassemble;
  o.write_path = a.write;
  o.progress = isatty(STDERR_FILENO) == 1;
  o.diagnostics = a.diagnostics;
  o.numbers = a.numbers;
  o.local_times = a.local_times;
  o.threads = a.threads;
  o.error_prefix = kErrorPrefix;
  analysis::AnalyzeResult r = analysis::analyze(a.files, o, std::cout, std::cerr);
  std::cout.flush();
  if (r.usage_error) return kUsage;
  if (r.cannot_open) return kCannotOpen;
  if (r.input_damaged) return kInputProblem;
  return kOk;
}

}  // namespace

Runner add_analyze_command(CLI::App& app) {
  auto a = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand("analyze", "Analyze captures: pcap, pcapng or tcpdump text dumps");
  cmd->alias("analyze-tcpdump");
  cmd->footer(
      "The format is recognised from the content. pcap/pcapng link types: Linux cooked SLL (113)\n"
      "and SLL2 (276) with protocol 0x00FA, Linux I2C (209) holding SMBus frames, user types\n"
      "147-162 (see --link); records of other protocols are counted and skipped.\n"
      "Text dumps hold wall-clock times: --timezone (-tz) and --date say when they were taken;\n"
      "pcap times are absolute. Output times are UTC (ISO 8601), or local to --timezone with\n"
      "--local-times. A line is [NUMBER ]TIME: [LENGTH] / SUMMARY [MARKERS]: the length for\n"
      "bare MCTP packets (from any container), markers such as [bad PEC 0xF5, expected 0xF4] or\n"
      "[truncated] for packets with warnings or errors (-D lists them in full).\n"
      "Fields for -e are the abbreviations shown by -V (mctp.src, mctpc.command, pldm.cc...)\n"
      "and frame.number, frame.time, frame.link, frame.len, frame.message_frames (the packets of a\n"
      "reassembled message's row), mctp.response_in, mctp.response_to, mctp.response_time (ms) and\n"
      "mctp.request_command (request/response links). Filters (-Y) also take frame.number,\n"
      "frame.time, frame.len, frame.link, mctp.eid (either end) and _diag, _diag.<kind>\n"
      "(_diag.bad_checksum, _diag.truncated, ...) for packets with diagnostics.\n"
      "With -w, a reassembled message that matches -Y is written with all its packets, and the\n"
      "file keeps the capture's link: Linux I2C (209) for SMBus captures, else Linux SLL.\n"
      "Examples:\n"
      "  mctpkit analyze capture.pcap\n"
      "  mctpkit analyze dump.txt --timezone America/New_York --date 2024-03-20\n"
      "  mctpkit analyze capture.pcap -Y 'mctp.src == 0x08 and mctpc.command == 1' --stats\n"
      "  mctpkit analyze capture.pcap -Y _diag -D\n"
      "  mctpkit analyze capture.pcap -T fields -e frame.number -e mctp.src -e mctp.dst");
  cmd->add_option("files", a->files, "Capture files ('-' for standard input)")->required();
  cmd->add_option("--timezone", a->timezone,
                  "Time zone of a text dump's times, and of the output with --local-times (IANA name; -tz also works)")
      ->default_val("US/Central");
  cmd->add_flag("--local-times", a->local_times, "Print times as local times of --timezone (with their UTC offset)");
  cmd->add_option("-d,--date", a->date, "Date (YYYY-MM-DD) of a text dump's times; default today");
  cmd->add_flag("--dst,!--no-dst", a->dst,
                "Ambiguous local times (clocks going back) are daylight-saving time (default) or not");
  cmd->add_option("--link", a->link, "Link of records whose type does not say: mctp or smbus")
      ->check(CLI::IsMember({"mctp", "smbus"}));
  cmd->add_flag("-V,--verbose", a->tree, "Detailed tree of every packet");
  cmd->add_flag("-x,--hex", a->hexdump, "Add a hex dump of every packet");
  cmd->add_flag("-D,--diagnostics", a->diagnostics, "With summaries, list each packet's diagnostics below it");
  cmd->add_flag("-N,--numbers", a->numbers, "With summaries, start each line with the frame number");
  cmd->add_option("-T,--format", a->format, "summary (default), json (one object per line) or fields")
      ->check(CLI::IsMember({"summary", "json", "fields"}));
  cmd->add_option("-e,--field", a->fields, "With -T fields: a field to print (repeat for more columns)");
  cmd->add_option("-E", a->field_options, "With -T fields: header=y prints a first row naming the fields");
  cmd->add_option("-Y,--filter", a->filter, "Only packets matching this filter expression (see docs/filters.md)");
  cmd->add_option("-c,--count", a->count, "Stop after this many packets")->check(whole_number(0));
  cmd->add_flag("-q,--quiet", a->quiet, "Print no packets (with --stats: only the statistics); without --stats, packets are decoded only as far as -Y and -w read them");
  cmd->add_flag("--stats", a->stats, "Print statistics at the end: commands, request/response latency, problems");
  cmd->add_flag("--no-reassemble", a->no_reassemble, "Do not show reassembled multi-packet messages");
  cmd->add_option("-w,--write", a->write,
                  "Write the (filtered) packets to this pcap file (Linux I2C for SMBus captures, else Linux SLL)");
  cmd->add_option("--threads", a->threads,
                  "2: a capture file is read and decoded, and each frame's text made, on a second thread "
                  "ahead of the rest: more CPU time in all, less wall-clock time only where a free core "
                  "shares data cheaply with the first. The output is the same (default 1)")
      ->check(CLI::Range(1, 2));
  return [a] { return run(*a); };
}

}  // namespace mctpkit::cli
