#pragma once
// Text renderings of a frame: one-line summary, detailed tree, hex dump, JSON.

#include <string>

#include "mctpkit/core/frame.hpp"

namespace mctpkit::output {

/// Every layer's summary joined by " / " (PyMCTP's format where PyMCTP decodes the layer).
std::string summary(const Frame& frame);

/// One field per line with its value and meaning, grouped by layer (like `tshark -V`), each
/// field followed by its abbreviation for filters; then the diagnostics.
std::string tree(const Frame& frame);

/// Offset, 16 hex bytes and their ASCII per line.
std::string hexdump(ByteView data);

/// One JSON object (no newline): link, length, summary, layers with their fields keyed by
/// abbreviation, diagnostics.
std::string json(const Frame& frame);

/// Full abbreviation of a field of `layer`: "mctp.tag".
std::string field_abbrev(const Layer& layer, const FieldDef& field);

}  // namespace mctpkit::output

namespace mctpkit::output {

enum class Format { Summary, Tree, Json };

struct RenderOptions {
  Format format = Format::Summary;
  bool hexdump = false;      // add a hex dump of the frame's bytes
  bool diagnostics = false;  // in summary format, add one indented line per diagnostic
};

/// A frame as the command-line tool prints it; ends with a newline.
std::string render(const Frame& frame, const RenderOptions& options);

}  // namespace mctpkit::output
