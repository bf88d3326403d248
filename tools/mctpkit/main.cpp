#include <fmt/format.h>

#include <iostream>
#include <map>

#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace mctpkit::cli;
  std::ios::sync_with_stdio(false);  // the tool writes through iostreams only
  CLI::App app{"mctpkit: craft, decode and analyze DMTF MCTP traffic (control, PLDM, SPDM, NVMe-MI, "
               "vendor-defined, IPMI) over SMBus/I2C and other bindings."};
  app.footer(
      "Exit codes:\n"
      "  0  success\n"
      "  1  some input could not be decoded or parsed (reported in place; the rest was processed)\n"
      "  2  the command line is wrong (unknown option, bad expression syntax)\n"
      "  3  a file could not be opened or written\n"
      "  4  send: no response within the timeout and retries; discover: no endpoint answered\n"
      "  5  send/listen/discover: the exerciser could not be opened, or its transport failed\n"
      "  6  send: only unexpected responses (the request's EIDs and tag, another command)\n"
      "Run 'mctpkit COMMAND --help' for the options of a command.");
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
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  for (CLI::App* sub : app.get_subcommands()) {
    auto it = runners.find(sub);
    if (it == runners.end()) continue;
    int code = it->second();
    // Output that did not reach its destination (a full disk, a closed pipe) is a failed run,
    // whatever the command thought of its input.
    if (!std::cout.flush()) {
      std::cerr << "mctpkit: error: cannot write to standard output\n";
      return kCannotOpen;
    }
    return code;
  }
  return kUsage;
}
