#include <iostream>

#include "commands.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/output/layers.hpp"

namespace mctpkit::cli {

namespace {

int run(const std::string& name) {
  const Registry& registry = default_registry();
  if (name.empty()) {
    std::cout << output::list_layers(registry);
    return kOk;
  }
  std::vector<const LayerDef*> defs = registry.layers_named(name);
  if (defs.empty()) {
    error_line() << "no layer named '" << name << "' (run 'mctpkit layers' for the list)\n";
    return kUsage;
  }
  for (const LayerDef* d : defs) std::cout << output::describe_layer(*d);
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
