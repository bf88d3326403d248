#include "mctpkit/output/layers.hpp"

#include <fmt/format.h>

#include <map>
#include <vector>

namespace mctpkit::output {

std::string_view field_kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::UInt: return "uint";
    case FieldKind::Bits: return "bits";
    case FieldKind::Bytes: return "bytes";
    case FieldKind::List: return "list";
    case FieldKind::Payload: return "payload";
  }
  return "";
}

namespace {

void describe_fields(std::span<const FieldDef> fields, const std::string& prefix, int depth, std::string& out) {
  std::string indent(2 * depth, ' ');
  for (const FieldDef& f : fields) {
    if (f.kind == FieldKind::Payload) continue;
    std::string width = f.kind == FieldKind::Bits ? fmt::format("{} bits", f.width)
                        : f.kind == FieldKind::UInt ? fmt::format("{} bytes", f.width)
                                                    : std::string(field_kind_name(f.kind));
    // A reserved field without a title of its own is named for what it is, not twice by its name.
    const bool plain_reserved = f.is_reserved && f.label.empty();
    const std::string_view label = plain_reserved ? std::string_view("Reserved") : f.display_label();
    std::string extra;
    if (f.is_derived()) extra += ", derived when unset";
    if (f.is_reserved && !plain_reserved) extra += ", reserved";
    if (!f.alias.empty()) extra += fmt::format(", also '{}'", f.alias);
    if (!f.either.empty()) extra += fmt::format(", or any {}.{} in filters", prefix, f.either);
    out += fmt::format("{}{:<22} {:<10} {}{} [{}.{}]\n", indent, f.name, width, label, extra, prefix, f.name);
    if (!f.enums.empty()) {
      std::string names;
      for (const EnumEntry& e : f.enums) names += fmt::format("{}{}={}", names.empty() ? "" : ", ", e.name, e.value);
      out += fmt::format("{}  values: {}\n", indent, names);
    }
    if (f.kind == FieldKind::List) describe_fields(f.element->fields, prefix + "." + std::string(f.name), depth + 1, out);
  }
}

}  // namespace

std::string list_layers(const Registry& registry) {
  std::map<std::string_view, std::vector<const LayerDef*>> by_name;
  for (const LayerDef* d : registry.layers()) by_name[d->name_for_craft()].push_back(d);
  std::string out;
  for (const auto& [craft_name, defs] : by_name) out += fmt::format("{:<40} {}\n", craft_name, defs.front()->heading());
  out += "\nLinks:\n";
  for (const LinkDef& l : registry.links()) out += fmt::format("  {:<12} {}\n", l.name, l.description);
  return out;
}

std::string describe_layer(const LayerDef& def) {
  std::string out = fmt::format("{} ({}): {}\n", def.name_for_craft(), def.id, def.heading());
  describe_fields(def.fields, std::string(def.abbrev.empty() ? def.id : def.abbrev), 1, out);
  return out;
}

}  // namespace mctpkit::output
