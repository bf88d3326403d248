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
    if (def.kind == FieldKind::Payload || (def.name != head && (def.alias.empty() || def.alias != head))) continue;
    if (dot == std::string_view::npos) {
      if (std::find(out.begin(), out.end(), &def) == out.end()) out.push_back(&def);
    } else if (def.kind == FieldKind::List && def.element != nullptr) {
      collect_defs(def.element->fields, path.substr(dot + 1), out);
    }
  }
}

// Edits (insert, delete, substitute, swap two neighbours) from a to b, ignoring case.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  };
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1])) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
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

std::vector<const FieldDef*> find_field_defs(const Registry& registry, std::string_view abbrev) {
  std::vector<const FieldDef*> out;
  for (const LayerDef* layer : all_layers(registry)) {
    const std::string_view prefix = layer_abbrev(*layer);
    if (abbrev.size() <= prefix.size() + 1 || abbrev[prefix.size()] != '.' || !abbrev.starts_with(prefix)) continue;
    collect_defs(layer->fields, abbrev.substr(prefix.size() + 1), out);
  }
  return out;
}

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
  // Allow about one typo per five characters, at most three.
  const std::size_t limit = std::min<std::size_t>(3, 1 + word.size() / 5);
  const std::string* best = nullptr;
  std::size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    const std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap >= best_distance) continue;
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = &c;
    }
  }
  return best == nullptr ? std::string() : *best;
}

}  // namespace mctpkit::output
