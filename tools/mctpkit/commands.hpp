#pragma once
// The subcommands of the mctpkit tool. Each adds itself to the CLI11 app and returns the
// function that runs it; the work itself is done by library calls.

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace mctpkit::cli {

// Exit codes, documented in --help.
enum ExitCode : int {
  kOk = 0,
  kInputProblem = 1,  // some input could not be decoded or parsed; the rest was processed
  kUsage = 2,         // the command line itself is wrong
  kCannotOpen = 3,    // a file could not be opened or written
  kNoResponse = 4,    // send: no response within the timeout and retries; discover: no endpoint answered
  kTransport = 5,     // send/listen: the exerciser could not be opened or failed
  kUnexpected = 6,    // send: only unexpected responses (same EIDs and tag, another command)
};

using Runner = std::function<int()>;

/// The one prefix of every error message of the tool, on standard error.
inline constexpr const char* kErrorPrefix = "mctpkit: error: ";
/// Starts an error line: `error_line() << "cannot open 'x'\n";`.
std::ostream& error_line();
/// Starts a warning line ("mctpkit: warning: ").
std::ostream& warning_line();

/// Option checks whose messages print their bounds as written ("must be a whole number from 1
/// to 100, not '200'"), not as CLI11's floating-point ranges.
CLI::Validator whole_number(std::int64_t min, std::int64_t max = std::numeric_limits<std::int64_t>::max());
/// A number (fractions allowed) of at least 0, such as a duration in seconds.
CLI::Validator non_negative_number();

Runner add_decode_command(CLI::App& app);
Runner add_craft_command(CLI::App& app);
Runner add_layers_command(CLI::App& app);
Runner add_analyze_command(CLI::App& app);
Runner add_completion_command(CLI::App& app);
Runner add_endpoint_command(CLI::App& app);
Runner add_extensions_command(CLI::App& app);
Runner add_exercisers_command(CLI::App& app);
Runner add_send_command(CLI::App& app);
Runner add_listen_command(CLI::App& app);
Runner add_discover_command(CLI::App& app);

// Plugins: --plugin PATH and --no-plugins come before the command, and are read before parsing
// so that plugin commands can be added as subcommands.
struct PluginSwitches {
  std::vector<std::string> paths;
  bool disabled = false;
};
PluginSwitches read_plugin_switches(int argc, char** argv);
/// Declares --plugin and --no-plugins on `app` (for --help and parsing).
void add_plugin_options(CLI::App& app);
/// Loads the plugins (unless disabled), reports refusals on stderr, and adds their commands.
void load_plugins_into(CLI::App& app, const PluginSwitches& switches, std::map<CLI::App*, Runner>& runners);

}  // namespace mctpkit::cli
