#pragma once
// What decoding found wrong. Decoding never throws: it records diagnostics and goes on.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mctpkit {

enum class DiagKind : std::uint8_t {
  Truncated,    // the data ended before the layer did
  Malformed,    // a value or length that cannot be right (bad version, byte count mismatch...)
  BadChecksum,  // PEC, FCS or MIC does not match; the frame is still decoded
  Reserved,     // reserved bits are not zero
  UnknownType,  // no decoder is registered for this type or command; the rest is Raw
  TrailingData, // bytes after the end of a message
};

enum class Severity : std::uint8_t { Info, Warning, Error };

struct Diagnostic {
  DiagKind kind;
  Severity severity;
  std::size_t layer;       // index into Frame::layers
  std::string layer_id;    // LayerDef::id of that layer
  std::size_t offset;      // byte offset in the decoded data
  std::string text;
  // The same finding in parts, for short markers and programs (empty when they do not apply):
  // the field concerned ("PEC", "byte_count"), the value found and the value it should have.
  std::string field;
  std::string found;
  std::string expected;
};

std::string_view to_string(DiagKind kind);
std::string_view to_string(Severity severity);
/// "error malformed at byte 2 in smbus: byte count 12 but 9 bytes follow"; without the
/// severity ("malformed at byte 2 ...") when `with_severity` is false.
std::string describe(const Diagnostic& d, bool with_severity = true);

}  // namespace mctpkit
