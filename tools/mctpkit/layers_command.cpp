#include <fmt/format.h>

#include <iostream>
#include <map>

#include "commands.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/format.hpp"

namespace mctpkit::cli {

namespace {

std::string_view kind_text(const FieldDef& f) {
  switch (f.kind) {
    case FieldKind::UInt: return "uint";
    case FieldKind::Bits: return "bits";
    case FieldKind::Bytes: return "bytes";
    case FieldKind::List: return "list";
    case FieldKind::Payload: return "payload";
  }
  return "";
}

void print_fields(std::span<const FieldDef> fields, const std::string& prefix, int depth) {
  for (const FieldDef& f : fields) {
    if (f.kind == FieldKind::Payload) continue;
    std::string width = f.kind == FieldKind::Bits ? fmt::format("{} bits", f.width)
                        : f.kind == FieldKind::UInt ? fmt::format("{} bytes", f.width)
                                                    : std::string(kind_text(f));
    std::string extra;
    if (f.is_derived()) extra += ", derived when unset";
    if (f.is_reserved) extra += ", reserved";
    if (!f.alias.empty()) extra += fmt::format(", also '{}'", f.alias);
    fmt::print("{}{:<22} {:<10} {}{} [{}.{}]\n", std::string(2 * depth, ' '), f.name, width, f.display_label(), extra,
               prefix, f.name);
    if (!f.enums.empty()) {
      std::string names;
      for (const EnumEntry& e : f.enums) names += fmt::format("{}{}={}", names.empty() ? "" : ", ", e.name, e.value);
      fmt::print("{}  values: {}\n", std::string(2 * depth, ' '), names);
    }
    if (f.kind == FieldKind::List) print_fields(f.element->fields, prefix + "." + std::string(f.name), depth + 1);
  }
}

int run(const std::string& name) {
  const Registry& registry = default_registry();
  if (name.empty()) {
    std::map<std::string_view, std::vector<const LayerDef*>> by_name;
    for (const LayerDef* d : registry.layers()) by_name[d->name_for_craft()].push_back(d);
    for (const auto& [craft_name, defs] : by_name) fmt::print("{:<40} {}\n", craft_name, defs.front()->heading());
    fmt::print("\nLinks:\n");
    for (const LinkDef& l : registry.links()) fmt::print("  {:<12} {}\n", l.name, l.description);
    return kOk;
  }
  std::vector<const LayerDef*> defs = registry.layers_named(name);
  if (defs.empty()) {
    std::cerr << "mctpkit layers: no layer named '" << name << "' (run 'mctpkit layers' for the list)\n";
    return kUsage;
  }
  for (const LayerDef* d : defs) {
    fmt::print("{} ({}): {}\n", d->name_for_craft(), d->id, d->heading());
    print_fields(d->fields, std::string(d->abbrev.empty() ? d->id : d->abbrev), 1);
  }
  return kOk;
}

}  // namespace

Runner add_layers_command(CLI::App& app) {
  auto name = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("layers", "List the layers craft expressions can use, or one layer's fields");
  cmd->add_option("layer", *name, "A layer name: show its fields, widths, value names and abbreviations");
  return [name] { return run(*name); };
}

}  // namespace mctpkit::cli
