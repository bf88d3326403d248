#include "mctpkit/capture/reader.hpp"

#include <utility>

namespace mctpkit::capture {

CaptureReader::~CaptureReader() = default;

std::optional<CaptureRecord> CaptureReader::next() {
  CaptureRecord record;
  if (!next(record)) return std::nullopt;
  return record;
}

bool CaptureReader::next(CaptureRecord& record) {
  if (failed_ || finished_) return false;
  const bool read = read_next_into(record);
  return counted(read, read && !record.link.empty());
}

bool CaptureReader::skip(bool& carries_mctp) {
  if (failed_ || finished_) return false;
  carries_mctp = false;
  const bool read = skip_next(carries_mctp);
  return counted(read, carries_mctp);
}

bool CaptureReader::counted(bool read, bool carries_mctp) {
  if (!read) {
    finished_ = true;
    return false;
  }
  ++records_returned_;
  if (!carries_mctp) ++records_skipped_;
  return true;
}

bool CaptureReader::skip_next(bool& carries_mctp) {
  if (!read_next_into(skipped_)) return false;
  carries_mctp = !skipped_.link.empty();
  return true;
}

bool CaptureReader::read_next_into(CaptureRecord& record) {
  std::optional<CaptureRecord> read = read_next();
  if (!read) return false;
  record = std::move(*read);
  return true;
}

std::vector<CaptureDiagnostic> CaptureReader::take_diagnostics() {
  std::vector<CaptureDiagnostic> taken;
  taken.swap(diagnostics_);
  return taken;
}

void CaptureReader::add_diagnostic(std::uint64_t line_or_record, std::string message) {
  push(CaptureDiagnostic{line_or_record, std::move(message), false});
}

void CaptureReader::fail(std::uint64_t line_or_record, std::string message) {
  failed_ = true;
  push(CaptureDiagnostic{line_or_record, std::move(message), true});
}

void CaptureReader::push(CaptureDiagnostic diagnostic) {
  // The fatal one explains why reading stopped, so it is kept even past the cap.
  if (diagnostics_.size() >= kMaxDiagnostics && !diagnostic.fatal) {
    ++diagnostics_dropped_;
    return;
  }
  diagnostics_.push_back(std::move(diagnostic));
}

}  // namespace mctpkit::capture
