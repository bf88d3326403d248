#include "mctpkit/core/frame.hpp"

namespace mctpkit {

const Layer* Frame::find(const LayerDef& def) const {
  for (const Layer& l : layers) {
    if (l.is(def)) return &l;
  }
  return nullptr;
}

Layer* Frame::find(const LayerDef& def) {
  for (Layer& l : layers) {
    if (l.is(def)) return &l;
  }
  return nullptr;
}

const Layer* Frame::find(std::string_view name) const {
  for (const Layer& l : layers) {
    const LayerDef& d = l.def();
    if (d.id == name || d.name_for_craft() == name || d.abbrev == name) return &l;
  }
  return nullptr;
}

bool Frame::has_errors() const {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::Error) return true;
  }
  return false;
}

Frame operator/(Layer lower, Layer upper) {
  Frame f(std::move(lower));
  f.layers.push_back(std::move(upper));
  return f;
}

Frame operator/(Frame lower, Layer upper) {
  lower.layers.push_back(std::move(upper));
  return lower;
}

}  // namespace mctpkit
