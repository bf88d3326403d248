#include "mctpkit/core/format.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit::output {

std::string summary(const Frame& frame) {
  std::string out;
  append_summary(frame, out);
  return out;
}

void append_summary(const Frame& frame, std::string& out) {
  for (std::size_t i = 0; i < frame.layers.size(); ++i) {
    if (i != 0) out += " / ";
    render_summary(frame.layers[i], out);
  }
}

std::string field_abbrev(const Layer& layer, const FieldDef& field) {
  std::string out(layer.def().abbrev.empty() ? layer.def().id : layer.def().abbrev);
  out += ".";
  out += field.name;
  return out;
}

}  // namespace mctpkit::output
