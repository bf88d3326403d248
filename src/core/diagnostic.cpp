#include "mctpkit/core/diagnostic.hpp"

#include <fmt/format.h>

namespace mctpkit {

std::string_view to_string(DiagKind kind) {
  switch (kind) {
    case DiagKind::Truncated: return "truncated";
    case DiagKind::Malformed: return "malformed";
    case DiagKind::BadChecksum: return "bad-checksum";
    case DiagKind::Reserved: return "reserved";
    case DiagKind::UnknownType: return "unknown-type";
    case DiagKind::TrailingData: return "trailing-data";
  }
  return "unknown";
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "unknown";
}

std::string describe(const Diagnostic& d, bool with_severity) {
  return fmt::format("{}{} at byte {} in {}: {}", with_severity ? std::string(to_string(d.severity)) + " " : "",
                     to_string(d.kind), d.offset, d.layer_id, d.text);
}

}  // namespace mctpkit
