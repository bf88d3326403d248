#pragma once
// Opening a capture: the format is recognised from the content (pcap, pcapng or tcpdump text),
// never from the file name.

#include <memory>
#include <optional>
#include <string>

#include "mctpkit/capture/reader.hpp"
#include "mctpkit/core/bytes.hpp"

namespace mctpkit::capture {

/// How the wall-clock times of a tcpdump text dump become UTC instants.
struct TextTimeOptions {
  /// IANA zone name the dump's times are in (PyMCTP's default).
  std::string timezone = "US/Central";
  /// YYYY-MM-DD the times fall on; default today in `timezone`. A -tttt dump's own dates win.
  std::optional<std::string> date;
  /// Side of an ambiguous local time (the hour repeated when clocks go back): true = the first,
  /// daylight-saving one; false = the second, standard-time one.
  bool dst = true;
};

struct OpenOptions {
  /// "" = automatic; "mctp" or "smbus" = the link of records whose link type does not say it:
  /// pcap user link types 147-162 (automatic means "mctp"), any other link type that is not
  /// SLL, SLL2 or Linux I2C (automatic means skipped), and text dumps whose bytes carry no
  /// recognisable link header. Anything else is refused by open_capture() with
  /// "Unknown link '<value>'. Expected mctp or smbus."
  std::string force_link;
  TextTimeOptions text_time;
};

/// Either a reader or, when the input cannot be read at all, an error line ready to print
/// (a sentence without a prefix; the tool adds "mctpkit: error: ").
struct OpenResult {
  std::unique_ptr<CaptureReader> reader;
  std::string error;

  explicit operator bool() const { return reader != nullptr; }
};

/// nullopt when the options are usable; else exactly
///   "Invalid date format '<value>'. Expected YYYY-MM-DD."  or
///   "Unknown time zone '<value>'."
/// open_capture() checks the same, for every format, so a CLI may call either.
std::optional<std::string> validate_text_time(const TextTimeOptions& options);

/// Opens `path` ("-" = standard input, which may be a pipe: it is read as a stream).
OpenResult open_capture(const std::string& path, const OpenOptions& options = {});

/// Reads a capture held in memory (tests, fuzzing, data from elsewhere). `name` is used in
/// error messages.
OpenResult open_capture_memory(Bytes data, const OpenOptions& options = {},
                               const std::string& name = "<memory>");

}  // namespace mctpkit::capture
