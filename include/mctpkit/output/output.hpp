#pragma once
// Text renderings of a frame: one-line summary, detailed tree, hex dump, JSON.

#include <string>
#include <string_view>

#include "mctpkit/core/frame.hpp"

namespace mctpkit::output {

/// Every layer's summary joined by " / " (PyMCTP's format where PyMCTP decodes the layer).
std::string summary(const Frame& frame);
/// summary(frame) appended to `out` (a line built in a reused buffer).
void append_summary(const Frame& frame, std::string& out);

/// One field per line with its value and meaning, grouped by layer (like `tshark -V`), each
/// field followed by its abbreviation for filters; then the diagnostics.
std::string tree(const Frame& frame);

/// Offset, 16 hex bytes and their ASCII per line.
std::string hexdump(ByteView data);

/// One JSON object (no newline): link, length, summary, layers with their fields keyed by
/// abbreviation, diagnostics.
std::string json(const Frame& frame);
/// json(frame) appended to `out`.
void append_json(const Frame& frame, std::string& out);
/// `text` as a JSON string, quoted and escaped as append_json() writes strings, appended to `out`.
void append_json_string(std::string& out, std::string_view text);

/// How many diagnostics markers() shows before it counts the rest as "[+N more]".
inline constexpr std::size_t kMaxMarkers = 2;

/// The marker of one diagnostic, without brackets: its kind in words, then the field, the value
/// found and the one expected where known: "bad PEC 0xF5, expected 0xF4", "truncated",
/// "malformed byte_count 12, expected 9", "nonzero rsvd 0x3", "trailing data 2 bytes".
std::string marker(const Diagnostic& d);

/// The markers the tool prints after a summary, each after one space: " [bad PEC 0xF5, expected
/// 0xF4] [truncated]". Warnings and errors only (info, such as an unknown type, shows as Raw in
/// the summary already), a repeated marker once, at most kMaxMarkers and then " [+N more]".
/// Empty for a clean frame. summary() never includes them.
std::string markers(const Frame& frame);

/// Full abbreviation of a field of `layer`: "mctp.tag".
std::string field_abbrev(const Layer& layer, const FieldDef& field);

}  // namespace mctpkit::output

namespace mctpkit::output {

enum class Format { Summary, Tree, Json };

struct RenderOptions {
  Format format = Format::Summary;
  bool hexdump = false;      // add a hex dump of the frame's bytes
  bool diagnostics = false;  // in summary format, add one indented line per diagnostic
  bool markers = true;       // in summary format, end the line with markers() of the frame
};

/// A frame as the command-line tool prints it; ends with a newline.
std::string render(const Frame& frame, const RenderOptions& options);

}  // namespace mctpkit::output
