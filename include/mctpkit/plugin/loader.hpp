#pragma once
// Finding, loading and registering plugins. The library loads nothing unless asked: a program
// calls load_plugins() (the mctpkit tool does, unless --no-plugins). Plugins are loaded with
// RTLD_NOW | RTLD_LOCAL and never unloaded: the registries keep pointers into them.

#include <optional>
#include <string>
#include <vector>

#include "mctpkit/core/registry.hpp"
#include "mctpkit/exerciser/exerciser.hpp"
#include "mctpkit/plugin/plugin.hpp"

namespace mctpkit::plugin {

/// Where to look, in this order (the first plugin of a name wins).
struct LoadOptions {
  std::vector<std::string> explicit_paths;  // --plugin PATH: a library file or a folder of them
  bool use_environment = true;              // MCTPKIT_PLUGIN_PATH (colon-separated)
  bool use_user_folder = true;              // $XDG_DATA_HOME/mctpkit/plugins (~/.local/share/...)
  bool use_system_folder = true;            // <libdir of libmctpkit>/mctpkit/plugins
  /// Replaces the system folder (tests, relocated installs).
  std::optional<std::string> system_folder{};
  /// Secure-execution mode (setuid/setgid, getauxval(AT_SECURE)) ignores the environment and the
  /// user folder, as the dynamic loader does. Unset: asks the kernel.
  std::optional<bool> secure{};
  /// Command names already taken (the host tool's own commands): a plugin command with one of
  /// these names is refused.
  std::vector<std::string> reserved_commands{};
};

/// One place a plugin may come from, with the route that named it.
struct SearchEntry {
  std::string path;   // a file (--plugin) or a folder
  std::string route;  // "--plugin", "MCTPKIT_PLUGIN_PATH", "user folder", "system folder"
};

/// The folders and files `options` makes load_plugins() look at, in order.
std::vector<SearchEntry> search_path(const LoadOptions& options);

/// A layer a plugin registered, and where it is bound.
struct LayerRecord {
  std::string id;
  std::vector<std::pair<std::string, Key>> bindings;  // (table, key)
};

struct LoadedPlugin {
  std::string name;
  std::string version;
  std::string license;
  std::string description;
  std::string path;  // the library file ("(built in)" for a descriptor linked into the program)
  std::vector<LayerRecord> layers;
  std::vector<std::string> links;
  std::vector<CommandSpec> commands;
  std::vector<std::string> exercisers;
};

struct RefusedPlugin {
  std::string path;
  std::string reason;  // one line

  /// "PATH: refused: REASON"
  std::string message() const { return path + ": refused: " + reason; }
};

struct LoadReport {
  std::vector<LoadedPlugin> loaded;
  std::vector<RefusedPlugin> refused;
};

/// A plugin whose descriptor is already at hand: a library just opened, or a descriptor linked
/// into the program (built-ins may register through the same descriptor).
struct Candidate {
  std::string path;
  const Descriptor* descriptor;
};

/// Checks each candidate's descriptor, then registers the accepted ones in two phases (every
/// `declare`, then every `bind`) into `registry` and `exercisers`. A plugin whose registration
/// clashes with what is there (or with an earlier plugin's), or throws, is refused as a whole and
/// changes nothing. `already_loaded` lists plugins registered earlier into the same registries
/// (for name and command clashes); the report holds this call's results.
LoadReport register_plugins(const std::vector<Candidate>& candidates, Registry& registry,
                            exerciser::ExerciserRegistry& exercisers,
                            const std::vector<std::string>& reserved_commands = {},
                            const std::vector<LoadedPlugin>& already_loaded = {});

/// Opens one library and returns its descriptor, or sets `reason` and returns nullptr.
const Descriptor* open_library(const std::string& path, std::string& reason);

/// Finds and loads plugins along search_path(options) into default_registry() and
/// default_exercisers(); the result is also added to loaded_plugins(). Never throws for a bad
/// plugin: it is refused and reported.
LoadReport load_plugins(const LoadOptions& options = {});

/// Everything load_plugins() loaded and refused in this process so far.
const LoadReport& loaded_plugins();

/// The listing of `mctpkit extensions`: text, or one JSON object.
std::string report_text(const LoadReport& report);
std::string report_json(const LoadReport& report);

}  // namespace mctpkit::plugin
