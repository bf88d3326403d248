#include <fmt/format.h>

#include <charconv>
#include <iostream>
#include <map>
#include <optional>

#include "commands.hpp"
#include "mctpkit/core/suggest.hpp"

namespace mctpkit::cli {

std::ostream& error_line() { return std::cerr << kErrorPrefix; }
std::ostream& warning_line() { return std::cerr << "mctpkit: warning: "; }

CLI::Validator whole_number(std::int64_t min, std::int64_t max) {
  const std::string bounds = max == std::numeric_limits<std::int64_t>::max() ? fmt::format("of at least {}", min)
                                                                             : fmt::format("from {} to {}", min, max);
  return CLI::Validator(
      [min, max, bounds](std::string& text) {
        std::int64_t value = 0;
        const char* end = text.data() + text.size();
        auto [ptr, ec] = std::from_chars(text.data(), end, value);
        if (ec != std::errc() || ptr != end || value < min || value > max) {
          return fmt::format("must be a whole number {}, not '{}'", bounds, text);
        }
        return std::string();
      },
      max == std::numeric_limits<std::int64_t>::max() ? fmt::format("INT>={}", min) : fmt::format("INT {}-{}", min, max));
}

CLI::Validator non_negative_number() {
  return CLI::Validator(
      [](std::string& text) {
        double value = 0;
        const char* end = text.data() + text.size();
        auto [ptr, ec] = std::from_chars(text.data(), end, value);
        if (ec != std::errc() || ptr != end || !(value >= 0)) return fmt::format("must be a number of at least 0, not '{}'", text);
        return std::string();
      },
      "NUMBER>=0");
}

namespace {

// The first word of the command line that is not a global option: the command's name.
std::optional<std::string> command_word(const std::vector<std::string>& reversed_args) {
  for (std::size_t i = reversed_args.size(); i-- > 0;) {
    const std::string& a = reversed_args[i];
    if (a == "--plugin") {
      if (i == 0) return std::nullopt;
      --i;
      continue;
    }
    if (!a.empty() && a[0] == '-') continue;
    return a;
  }
  return std::nullopt;
}

// A command line without a command, or whose command is not one: "unknown command 'decod' (did
// you mean decode?)" rather than CLI11's "A subcommand is required".
bool refuse_unknown_command(const CLI::App& app, const std::vector<std::string>& reversed_args) {
  const std::optional<std::string> word = command_word(reversed_args);
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (word && sub->check_name(*word)) return false;
    names.push_back(sub->get_name());
  }
  if (!word) {
    error_line() << "no command given; 'mctpkit --help' lists the commands\n";
    return true;
  }
  const std::string best = closest_name(*word, names);
  error_line() << "unknown command '" << *word << "'" << (best.empty() ? "" : " (did you mean " + best + "?)")
               << "; 'mctpkit --help' lists the commands\n";
  return true;
}

// CLI11's message for a command-line error, after the one prefix of the tool. Its messages name
// options with their own capitals ("ERROR: ...", "Error: ..."); only the text after that is kept.
void print_parse_error(const CLI::ParseError& e) {
  std::string text = e.what();
  for (const char* prefix : {"ERROR: ", "Error: ", "error: "}) {
    if (text.rfind(prefix, 0) == 0) text.erase(0, std::string_view(prefix).size());
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  error_line() << text << "; see --help\n";
}

}  // namespace

}  // namespace mctpkit::cli

int main(int argc, char** argv) {
  using namespace mctpkit::cli;
  std::ios::sync_with_stdio(false);  // the tool writes through iostreams only
  CLI::App app{"mctpkit: craft, decode and analyze DMTF MCTP traffic (control, PLDM, SPDM, NVMe-MI, "
               "vendor-defined, IPMI) over SMBus/I2C and other bindings."};
  app.footer(
      "Exit codes:\n"
      "  0  success, also for packets with diagnostics (their summaries end with markers such as\n"
      "     [bad PEC 0xF5, expected 0xF4] or [truncated])\n"
      "  1  some input could not be decoded or parsed (reported in place; the rest was processed),\n"
      "     or --strict refused a packet (decode) or frame (craft) with a diagnostic\n"
      "  2  the command line is wrong (unknown command or option, bad value, filter or expression)\n"
      "  3  a file could not be opened or written\n"
      "  4  send: no response within the timeout and retries; discover: no endpoint answered\n"
      "  5  send/listen/discover: the exerciser could not be opened, or its transport failed\n"
      "  6  send: only unexpected responses (the request's EIDs and tag, another command)\n"
      "Errors start with 'mctpkit: error: ' on standard error; problems at a place in the input\n"
      "name it instead ('line 4: error: ...', 'FILE:12: error: ...').\n"
      "Run 'mctpkit COMMAND --help' for the options of a command.");
  app.name("mctpkit");
  app.set_version_flag("--version", std::string("mctpkit ") + MCTPKIT_VERSION);
  app.require_subcommand(1);
  add_plugin_options(app);

  std::map<CLI::App*, Runner> runners;
  auto add = [&](Runner (*adder)(CLI::App&)) {
    Runner r = adder(app);
    runners[app.get_subcommands({}).back()] = std::move(r);
  };
  add(add_decode_command);
  add(add_craft_command);
  add(add_analyze_command);
  add(add_layers_command);
  add(add_completion_command);
  add(add_endpoint_command);
  add(add_extensions_command);
  add(add_exercisers_command);
  add(add_send_command);
  add(add_listen_command);
  add(add_discover_command);

  // PyMCTP spells the time zone option -tz, which CLI11 cannot take as a short option.
  std::vector<std::string> args;
  for (int i = argc - 1; i > 0; --i) args.push_back(std::string_view(argv[i]) == "-tz" ? "--timezone" : argv[i]);
  // After every built-in command is added: plugins may not take their names.
  load_plugins_into(app, read_plugin_switches(argc, argv), runners);
  const std::vector<std::string> given = args;  // parse() consumes its argument
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e) == 0 ? kOk : kUsage;
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e) == 0 ? kOk : kUsage;
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e) == 0 ? kOk : kUsage;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e) == 0 ? kOk : kUsage;
    if (!refuse_unknown_command(app, given)) print_parse_error(e);
    return kUsage;
  }
  for (CLI::App* sub : app.get_subcommands()) {
    auto it = runners.find(sub);
    if (it == runners.end()) continue;
    int code = it->second();
    // Output that did not reach its destination (a full disk, a closed pipe) is a failed run,
    // whatever the command thought of its input.
    if (!std::cout.flush()) {
      error_line() << "cannot write to standard output\n";
      return kCannotOpen;
    }
    return code;
  }
  return kUsage;
}
