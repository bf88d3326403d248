#pragma once
// Capture analysis: captures in, one line (or object) per packet and per reassembled message
// out, with optional filtering, statistics and pcap writing. Streaming: memory holds only the
// open assemblies and outstanding requests, both bounded.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mctpkit/analysis/links.hpp"
#include "mctpkit/capture/open.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::analysis {

enum class OutputFormat { Summary, Tree, Json, Fields };

struct AnalyzeOptions {
  capture::OpenOptions open;           // link override and text-dump time options
  OutputFormat format = OutputFormat::Summary;
  bool hexdump = false;                // -x
  std::vector<std::string> fields;     // -T fields -e ...; frame.number, frame.time, frame.link, frame.len,
                                       // frame.message_frames and the request/response links too
  bool fields_header = false;          // -E header=y: a first row naming the fields
  std::string filter;                  // -Y; empty = every packet
  std::optional<std::uint64_t> count;  // -c: stop after this many packets read
  bool quiet = false;                  // -q: no per-packet output
  bool stats = false;                  // --stats
  bool reassemble = true;              // show reassembled messages as their own lines
  std::string write_path;              // -w: write the (filtered) packets, and every packet of a
                                       // matching reassembled message, as a pcap (see PcapWriter)
  bool progress = false;               // progress bar on standard error
  bool diagnostics = false;            // -D: in summary format, each packet's diagnostics below it
  bool numbers = false;                // -N: in summary format, start each line with the frame number
  bool local_times = false;            // print times in open.text_time.timezone instead of UTC
  /// 2: a capture file is read and decoded on a second thread, ahead of the rest of the work
  /// (live input never is). The output is the same.
  unsigned threads = 1;
  std::string error_prefix = "error: ";  // starts every error line written to `err`
  /// Requests of a regular file name their responses (tree, JSON and field output) when these
  /// come at most this many packets later.
  std::uint64_t response_window = ResponseIndex::kDefaultWindow;
  /// The capture is read once for that, output held back from a request until its response is
  /// seen (or known never to come); when more than this many bytes wait, the responses are looked
  /// up by a second reader of the file instead. The output is the same either way.
  std::size_t max_held_output = 4 * 1024 * 1024;
};

/// What went wrong, for the exit code.
struct AnalyzeResult {
  bool usage_error = false;      // bad filter, bad time options, bad -e field: nothing was read
  bool cannot_open = false;      // a capture or the -w file could not be opened
  bool input_damaged = false;    // a capture ended in damage or had malformed lines
  std::uint64_t packets = 0;     // MCTP packets read
};

/// Analyzes `paths` ("-" = standard input) in order, printing to `out` and problems to `err`.
AnalyzeResult analyze(const std::vector<std::string>& paths, const AnalyzeOptions& options, std::ostream& out,
                      std::ostream& err, const Registry& registry = default_registry());

/// "2024-03-20T17:34:56.123456+00:00"; like Python's isoformat, the fraction is left out when
/// it is zero (PyMCTP prints times that way).
std::string iso_time(std::int64_t utc_ns);
/// The same as local wall-clock time `offset_seconds` from UTC: "2024-03-20T12:34:56-05:00".
std::string iso_time(std::int64_t utc_ns, std::int32_t offset_seconds);
/// iso_time(utc_ns, offset_seconds) appended to `out`.
void append_iso_time(std::string& out, std::int64_t utc_ns, std::int32_t offset_seconds = 0);

}  // namespace mctpkit::analysis
