#include <fmt/format.h>

#include "mctpkit/core/format.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit::output {

namespace {

void field_lines(const Fields& fields, const std::string& prefix, int depth, std::string& out) {
  const std::string indent(static_cast<std::size_t>(4 * depth), ' ');
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldDef& def = fields.defs()[i];
    const FieldValue& value = fields.value(i);
    if (def.kind == FieldKind::Payload || value.state == FieldValue::State::Absent) continue;
    if (def.is_reserved && value.number == 0) continue;
    std::string abbrev = prefix + "." + std::string(def.name);
    if (def.kind == FieldKind::List) {
      fmt::format_to(std::back_inserter(out), "{}{}: {}{} [{}]\n", indent, def.display_label(), value.items.size(),
                     value.cut ? " (cut short)" : "", abbrev);
      for (std::size_t k = 0; k < value.items.size(); ++k) {
        std::string_view title = def.element->title.empty() ? def.element->name : def.element->title;
        fmt::format_to(std::back_inserter(out), "{}    {} {}\n", indent, title, k + 1);
        field_lines(value.items[k], abbrev, depth + 2, out);
      }
      continue;
    }
    std::string text = value.is_set() || !def.is_derived() ? format_value(def, value, true) : "(derived)";
    if (value.cut) text += " (cut short)";
    fmt::format_to(std::back_inserter(out), "{}{}: {} [{}]\n", indent, def.display_label(), text, abbrev);
  }
}

}  // namespace

std::string tree(const Frame& frame) {
  std::string out;
  if (!frame.data.empty()) {
    fmt::format_to(std::back_inserter(out), "Frame: {} bytes{}\n", frame.data.size(),
                   frame.link.empty() ? "" : " on link " + frame.link);
  }
  for (const Layer& layer : frame.layers) {
    if (layer.is_placeholder()) continue;
    std::string heading(layer.def().heading());
    if (!frame.data.empty()) heading += fmt::format(" (bytes {}-{})", layer.offset, layer.offset + layer.length);
    if (!layer.complete) heading += " [truncated]";
    out += heading + "\n";
    field_lines(layer, std::string(layer.def().abbrev.empty() ? layer.def().id : layer.def().abbrev), 1, out);
  }
  if (!frame.diagnostics.empty()) {
    out += "Diagnostics\n";
    for (const Diagnostic& d : frame.diagnostics) out += "    " + describe(d) + "\n";
  }
  return out;
}

std::string hexdump(ByteView data) {
  std::string out;
  for (std::size_t row = 0; row < data.size(); row += 16) {
    fmt::format_to(std::back_inserter(out), "{:04X}  ", row);
    std::string ascii;
    for (std::size_t k = 0; k < 16; ++k) {
      if (k == 8) out += " ";
      if (row + k < data.size()) {
        std::uint8_t b = data[row + k];
        fmt::format_to(std::back_inserter(out), "{:02X} ", b);
        ascii.push_back(b >= 0x20 && b < 0x7F ? static_cast<char>(b) : '.');
      } else {
        out += "   ";
      }
    }
    out += " " + ascii + "\n";
  }
  return out;
}

}  // namespace mctpkit::output
