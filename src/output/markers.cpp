// Short markers after a summary line for what decoding found wrong: one per warning or error,
// made from the diagnostic's kind and parts, so every layer gets them without a word of its own.

#include <fmt/format.h>

#include <algorithm>

#include "mctpkit/output/output.hpp"

namespace mctpkit::output {

namespace {

std::string_view marker_word(DiagKind kind) {
  switch (kind) {
    case DiagKind::Truncated: return "truncated";
    case DiagKind::Malformed: return "malformed";
    case DiagKind::BadChecksum: return "bad";
    case DiagKind::Reserved: return "nonzero";
    case DiagKind::UnknownType: return "unknown type";
    case DiagKind::TrailingData: return "trailing data";
  }
  return "problem";
}

}  // namespace

std::string marker(const Diagnostic& d) {
  std::string out(marker_word(d.kind));
  // Where a truncation happened is in the -D text; the marker only says that it did.
  if (d.kind != DiagKind::Truncated) {
    if (!d.field.empty()) out += " " + d.field;
    if (!d.found.empty()) out += " " + d.found;
    if (!d.expected.empty()) out += ", expected " + d.expected;
  }
  return out;
}

std::string markers(const Frame& frame) {
  std::vector<std::string> shown;
  std::size_t more = 0;
  for (const Diagnostic& d : frame.diagnostics) {
    if (d.severity == Severity::Info) continue;
    std::string m = marker(d);
    if (std::find(shown.begin(), shown.end(), m) != shown.end()) continue;
    if (shown.size() == kMaxMarkers) {
      ++more;
      continue;
    }
    shown.push_back(std::move(m));
  }
  std::string out;
  for (const std::string& m : shown) out += " [" + m + "]";
  if (more) out += fmt::format(" [+{} more]", more);
  return out;
}

}  // namespace mctpkit::output
