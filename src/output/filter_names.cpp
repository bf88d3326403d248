// Names a registry knows, for checking filters and suggesting corrections.

#include <algorithm>
#include <cctype>
#include <set>

#include "mctpkit/output/filter.hpp"

namespace mctpkit::output {

namespace {

// The registry's layers and the Raw layer, which any decode may produce.
std::vector<const LayerDef*> all_layers(const Registry& registry) {
  std::vector<const LayerDef*> layers = registry.layers();
  if (std::find(layers.begin(), layers.end(), &kRawLayer) == layers.end()) layers.push_back(&kRawLayer);
  return layers;
}

void add_field_names(std::span<const FieldDef> defs, const std::string& prefix, std::set<std::string>& out) {
  for (const FieldDef& def : defs) {
    if (def.kind == FieldKind::Payload) continue;
    out.insert(prefix + "." + std::string(def.name));
    if (!def.alias.empty()) out.insert(prefix + "." + std::string(def.alias));
    if (!def.either.empty()) out.insert(prefix + "." + std::string(def.either));
    if (def.kind == FieldKind::List && def.element != nullptr) {
      add_field_names(def.element->fields, prefix + "." + std::string(def.name), out);
      if (!def.alias.empty()) add_field_names(def.element->fields, prefix + "." + std::string(def.alias), out);
    }
  }
}

void collect_defs(std::span<const FieldDef> defs, std::string_view path, std::vector<const FieldDef*>& out) {
  const std::size_t dot = path.find('.');
  const std::string_view head = path.substr(0, dot);
  for (const FieldDef& def : defs) {
    if (def.kind == FieldKind::Payload ||
        (def.name != head && (def.alias.empty() || def.alias != head) && (def.either.empty() || def.either != head))) {
      continue;
    }
    if (dot == std::string_view::npos) {
      if (std::find(out.begin(), out.end(), &def) == out.end()) out.push_back(&def);
    } else if (def.kind == FieldKind::List && def.element != nullptr) {
      collect_defs(def.element->fields, path.substr(dot + 1), out);
    }
  }
}

}  // namespace

std::vector<std::string> filter_names(const Registry& registry) {
  std::set<std::string> names;
  for (const LayerDef* layer : all_layers(registry)) {
    names.insert(std::string(layer->id));
    if (!layer->craft_name.empty()) names.insert(std::string(layer->craft_name));
    const std::string prefix(layer_abbrev(*layer));
    for (std::size_t dot = prefix.find('.'); dot != std::string::npos; dot = prefix.find('.', dot + 1)) {
      names.insert(prefix.substr(0, dot));
    }
    names.insert(prefix);
    add_field_names(layer->fields, prefix, names);
  }
  return {names.begin(), names.end()};
}

std::string diag_kind_name(DiagKind kind) {
  std::string name(to_string(kind));
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

std::vector<std::string> packet_filter_names() {
  std::vector<std::string> names = {"frame.number", "frame.time", "frame.len", "frame.link", "_diag"};
  for (std::uint8_t k = 0; k <= static_cast<std::uint8_t>(DiagKind::TrailingData); ++k) {
    names.push_back("_diag." + diag_kind_name(static_cast<DiagKind>(k)));
  }
  for (std::uint8_t k = 0; k <= static_cast<std::uint8_t>(Severity::Error); ++k) {
    names.push_back("_diag." + std::string(to_string(static_cast<Severity>(k))));
  }
  return names;
}

std::vector<const FieldDef*> find_field_defs(const Registry& registry, std::string_view abbrev) {
  std::vector<const FieldDef*> out;
  for (const LayerDef* layer : all_layers(registry)) {
    const std::string_view prefix = layer_abbrev(*layer);
    if (abbrev.size() <= prefix.size() + 1 || abbrev[prefix.size()] != '.' || !abbrev.starts_with(prefix)) continue;
    collect_defs(layer->fields, abbrev.substr(prefix.size() + 1), out);
  }
  return out;
}

}  // namespace mctpkit::output
