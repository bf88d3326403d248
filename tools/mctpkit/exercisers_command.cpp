#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "exerciser_cli.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::cli {

namespace {

int run(const std::string& format) {
  const auto kinds = exerciser::default_exercisers().list();
  if (format == "json") {
    std::string out = "[";
    for (const exerciser::ExerciserInfo* k : kinds) {
      out += fmt::format("{}{{\"name\": {}, \"description\": {}, \"syntax\": {}, \"owner\": {}}}", out.size() > 1 ? ", " : "",
                         json_string(k->name), json_string(k->description), json_string(k->syntax), json_string(k->owner));
    }
    std::cout << out << "]\n";
    return kOk;
  }
  for (const exerciser::ExerciserInfo* k : kinds) {
    std::cout << fmt::format("{:<18} {}\n{:<18} {}\n", k->name, k->description, "", k->syntax);
  }
  return kOk;
}

}  // namespace

Runner add_exercisers_command(CLI::App& app) {
  auto format = std::make_shared<std::string>("summary");
  CLI::App* cmd = app.add_subcommand("exercisers", "List the exercisers (ways to talk to a device) for send and listen");
  cmd->footer(
      "Each line gives the name, a description and the option syntax of --via SPEC:\n"
      "NAME:key=value,..., the first item may be the transport's main argument without a key.");
  cmd->add_option("-T,--format", *format, "summary (default) or json")->check(CLI::IsMember({"summary", "json"}));
  return [format] { return run(*format); };
}

}  // namespace mctpkit::cli
