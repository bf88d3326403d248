// The listing of `mctpkit extensions`.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mctpkit/plugin/loader.hpp"
#include "plugin/staging.hpp"

namespace mctpkit::plugin {

namespace {

void command_names(const std::vector<CommandSpec>& commands, const std::string& prefix, std::vector<std::string>& out) {
  for (const CommandSpec& c : commands) {
    std::string name = prefix.empty() ? c.name : prefix + " " + c.name;
    if (c.run) out.push_back(name);
    command_names(c.subcommands, name, out);
  }
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::string report_text(const LoadReport& report) {
  std::string out;
  if (report.loaded.empty()) out += "No plugins loaded.\n";
  for (const LoadedPlugin& p : report.loaded) {
    out += fmt::format("{} {} ({})\n  {}\n  path: {}\n", p.name, p.version, p.license, p.description, p.path);
    if (!p.layers.empty()) out += "  layers:\n";
    for (const LayerRecord& l : p.layers) {
      std::vector<std::string> where;
      for (const auto& [table, key] : l.bindings) where.push_back(table + " " + detail::key_text(key));
      out += fmt::format("    {}{}{}\n", l.id, where.empty() ? "" : ": ", joined(where));
    }
    if (!p.links.empty()) out += "  links: " + joined(p.links) + "\n";
    std::vector<std::string> commands;
    command_names(p.commands, "", commands);
    if (!commands.empty()) out += "  commands: " + joined(commands) + "\n";
    if (!p.exercisers.empty()) out += "  exercisers: " + joined(p.exercisers) + "\n";
  }
  if (!report.refused.empty()) out += "Refused:\n";
  for (const RefusedPlugin& r : report.refused) out += fmt::format("  {}: {}\n", r.path, r.reason);
  return out;
}

std::string report_json(const LoadReport& report) {
  using Json = nlohmann::ordered_json;
  Json plugins = Json::array();
  for (const LoadedPlugin& p : report.loaded) {
    Json layers = Json::array();
    for (const LayerRecord& l : p.layers) {
      Json bindings = Json::array();
      for (const auto& [table, key] : l.bindings) {
        Json parts = Json::array();
        for (std::uint8_t i = 0; i < key.count; ++i) parts.push_back(key.parts[i]);
        bindings.push_back({{"table", table}, {"key", parts}});
      }
      layers.push_back({{"id", l.id}, {"bindings", bindings}});
    }
    std::vector<std::string> commands;
    command_names(p.commands, "", commands);
    plugins.push_back({{"name", p.name},
                       {"version", p.version},
                       {"license", p.license},
                       {"description", p.description},
                       {"path", p.path},
                       {"layers", layers},
                       {"links", p.links},
                       {"commands", commands},
                       {"exercisers", p.exercisers}});
  }
  Json refused = Json::array();
  for (const RefusedPlugin& r : report.refused) refused.push_back({{"path", r.path}, {"reason", r.reason}});
  return Json{{"plugins", plugins}, {"refused", refused}}.dump();
}

}  // namespace mctpkit::plugin
