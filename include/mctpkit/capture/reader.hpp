#pragma once
// The streaming capture reader: records come out one at a time and nothing is kept after it is
// handed out, so memory stays flat however large the capture is.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "mctpkit/capture/record.hpp"

namespace mctpkit::capture {

class CaptureReader {
 public:
  /// Diagnostics kept until taken; later ones are only counted (a fatal one is always kept).
  static constexpr std::size_t kMaxDiagnostics = 1000;

  virtual ~CaptureReader();
  CaptureReader(const CaptureReader&) = delete;
  CaptureReader& operator=(const CaptureReader&) = delete;

  /// The next record, or nullopt at the end of the input or after a fatal error (see failed()).
  /// Non-virtual so that counting and the stop after a fatal error live in one place; a reader
  /// implements read_next().
  std::optional<CaptureRecord> next();
  /// The same into `record`, whose storage is reused (a loop over a capture then allocates
  /// nothing per record); false where next() gives nullopt, with `record` left unspecified.
  bool next(CaptureRecord& record);
  /// Moves past the next record without handing it out, for a count of a capture's records: a
  /// reader that can tell a record's link from where it lies copies none of its bytes. False
  /// where next() gives nullopt; `carries_mctp` says whether the record's link is not empty.
  bool skip(bool& carries_mctp);

  /// "pcap", "pcapng" or "tcpdump text".
  virtual std::string_view format_name() const = 0;

  /// Diagnostics gathered since the last take_diagnostics().
  const std::vector<CaptureDiagnostic>& diagnostics() const { return diagnostics_; }
  /// Hands the pending diagnostics over and clears them, so a caller can report as it goes.
  std::vector<CaptureDiagnostic> take_diagnostics();
  /// Diagnostics dropped because kMaxDiagnostics were pending.
  std::uint64_t diagnostics_dropped() const { return diagnostics_dropped_; }

  /// A fatal error stopped the reading.
  bool failed() const { return failed_; }
  /// Records returned so far, and how many of them were not MCTP (empty link).
  std::uint64_t records_returned() const { return records_returned_; }
  std::uint64_t records_skipped() const { return records_skipped_; }

 protected:
  CaptureReader() = default;

  /// The next record; nullopt ends the reading.
  virtual std::optional<CaptureRecord> read_next() = 0;
  /// read_next() into `record`; a reader that can fill a record in place overrides this.
  virtual bool read_next_into(CaptureRecord& record);
  /// skip()'s reading: by default a record is read (into storage kept for the next one) and
  /// dropped.
  virtual bool skip_next(bool& carries_mctp);

  void add_diagnostic(std::uint64_t line_or_record, std::string message);
  /// Records a fatal diagnostic; next() returns nullopt from now on.
  void fail(std::uint64_t line_or_record, std::string message);

 private:
  void push(CaptureDiagnostic diagnostic);
  // The counts after a read (next() or skip()); `read` false marks the end.
  bool counted(bool read, bool carries_mctp);

  CaptureRecord skipped_;  // skip_next()'s record, read into again
  std::vector<CaptureDiagnostic> diagnostics_;
  std::uint64_t diagnostics_dropped_ = 0;
  std::uint64_t records_returned_ = 0;
  std::uint64_t records_skipped_ = 0;
  bool failed_ = false;
  bool finished_ = false;
};

}  // namespace mctpkit::capture
