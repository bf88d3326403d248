// Plugins in the tool: the global --plugin/--no-plugins options (read before the command line is
// parsed, so that plugin commands are real subcommands), plugin commands turned into CLI11
// subcommands, and `mctpkit extensions`.

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/plugin/loader.hpp"

namespace mctpkit::cli {

namespace {

// One plugin command (or subcommand) and the option values CLI11 parses into.
struct CommandNode {
  const plugin::CommandSpec* spec = nullptr;
  CLI::App* app = nullptr;
  std::vector<std::string> values;  // per option, in spec order
  std::vector<bool> flags;          // per option (flags only)
  std::vector<std::shared_ptr<CommandNode>> children;
};

std::shared_ptr<CommandNode> add_node(CLI::App& parent, const plugin::CommandSpec& spec) {
  auto node = std::make_shared<CommandNode>();
  node->spec = &spec;
  node->app = parent.add_subcommand(spec.name, spec.help);
  node->values.resize(spec.options.size());
  node->flags.resize(spec.options.size());
  for (std::size_t i = 0; i < spec.options.size(); ++i) {
    const plugin::CommandOption& o = spec.options[i];
    std::string names = (o.short_name ? fmt::format("-{},", o.short_name) : std::string()) + "--" + o.name;
    if (!o.takes_value) {
      node->app->add_flag_function(names, [node, i](std::int64_t) { node->flags[i] = true; }, o.help);
      continue;
    }
    node->values[i] = o.default_value;
    CLI::Option* opt = node->app->add_option(names, node->values[i], o.help);
    if (o.required) opt->required();
    if (!o.default_value.empty()) opt->capture_default_str();
  }
  for (const plugin::CommandSpec& sub : spec.subcommands) node->children.push_back(add_node(*node->app, sub));
  if (!spec.run) node->app->require_subcommand(1);
  return node;
}

int run_node(const CommandNode& top) {
  const CommandNode* node = &top;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (const auto& child : node->children) {
      if (child->app->parsed()) node = child.get(), deeper = true;
    }
  }
  plugin::CommandArgs args;
  for (std::size_t i = 0; i < node->spec->options.size(); ++i) {
    const plugin::CommandOption& o = node->spec->options[i];
    if (!o.takes_value && node->flags[i]) args.values[o.name] = "true";
    if (o.takes_value && (node->app->count("--" + o.name) > 0 || !o.default_value.empty())) {
      args.values[o.name] = node->values[i];
    }
  }
  plugin::CommandContext context{std::cout, std::cerr, default_registry()};
  try {
    return node->spec->run(args, context);
  } catch (const std::exception& e) {
    error_line() << node->spec->name << ": " << e.what() << "\n";
    return kInputProblem;
  }
}

}  // namespace

PluginSwitches read_plugin_switches(int argc, char** argv) {
  PluginSwitches s;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--no-plugins") {
      s.disabled = true;
    } else if (a == "--plugin" && i + 1 < argc) {
      s.paths.emplace_back(argv[++i]);
    } else if (a.rfind("--plugin=", 0) == 0) {
      s.paths.emplace_back(a.substr(9));
    } else {
      break;  // the command: what follows is its own
    }
  }
  return s;
}

void add_plugin_options(CLI::App& app) {
  static std::vector<std::string> paths;
  static bool disabled = false;
  app.add_option("--plugin", paths, "Load the plugin library PATH (or every *.so in the folder PATH) first; repeatable")
      ->type_name("PATH")
      ->allow_extra_args(false);
  app.add_flag("--no-plugins", disabled,
               "Load no plugins (by default: MCTPKIT_PLUGIN_PATH, ~/.local/share/mctpkit/plugins and the "
               "installed plugin folder)");
}

void load_plugins_into(CLI::App& app, const PluginSwitches& switches, std::map<CLI::App*, Runner>& runners) {
  if (switches.disabled) return;
  plugin::LoadOptions options;
  options.explicit_paths = switches.paths;
  for (CLI::App* sub : app.get_subcommands({})) {
    options.reserved_commands.push_back(sub->get_name());
    for (const std::string& alias : sub->get_aliases()) options.reserved_commands.push_back(alias);
  }
  plugin::LoadReport report = plugin::load_plugins(options);
  for (const plugin::RefusedPlugin& r : report.refused) warning_line() << "plugin " << r.message() << "\n";
  for (const plugin::LoadedPlugin& p : plugin::loaded_plugins().loaded) {
    for (const plugin::CommandSpec& spec : p.commands) {
      std::shared_ptr<CommandNode> node = add_node(app, spec);
      node->app->group("Plugin commands");
      runners[node->app] = [node] { return run_node(*node); };
    }
  }
}

Runner add_extensions_command(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd = app.add_subcommand("extensions", "List the plugins loaded and the libraries refused");
  cmd->alias("plugins");
  cmd->add_option("-T,--format", *format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "summary", "json"}));
  return [format] {
    const plugin::LoadReport& report = plugin::loaded_plugins();
    std::cout << (*format == "json" ? plugin::report_json(report) + "\n" : plugin::report_text(report));
    return kOk;
  };
}

}  // namespace mctpkit::cli
