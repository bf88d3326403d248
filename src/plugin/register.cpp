// Accepting plugins: descriptor checks, then the two registration phases, then one check and
// commit per plugin.

#include <fmt/format.h>

#include <cstring>
#include <memory>

#include "mctpkit/plugin/loader.hpp"
#include "plugin/staging.hpp"

namespace mctpkit::plugin {

namespace {

// The descriptor members of ABI 1.0, the least a descriptor of this major version holds.
constexpr std::size_t kMinimumDescriptorSize = offsetof(Descriptor, bind) + sizeof(RegisterFn);

bool empty(const char* text) { return text == nullptr || *text == '\0'; }

// Why `d` cannot be loaded by this host, or empty.
std::string descriptor_problem(const Descriptor& d) {
  if (d.abi_major != kAbiMajor || d.abi_minor > kAbiMinor) {
    return fmt::format("built for plugin ABI {}.{}, this mctpkit has plugin ABI {}.{}", d.abi_major, d.abi_minor,
                       kAbiMajor, kAbiMinor);
  }
  if (d.struct_size < kMinimumDescriptorSize) {
    return fmt::format("descriptor of {} bytes, plugin ABI {}.{} needs at least {}", d.struct_size, d.abi_major,
                       d.abi_minor, kMinimumDescriptorSize);
  }
  if (d.fingerprint == nullptr || std::strcmp(d.fingerprint, kFingerprint.text) != 0) {
    return fmt::format("built with '{}', this mctpkit with '{}'", d.fingerprint ? d.fingerprint : "", kFingerprint.text);
  }
  if (empty(d.name)) return "the descriptor has no name";
  for (const char* c = d.name; *c != '\0'; ++c) {
    if (*c == ' ' || *c == '\n' || *c == '\t') return fmt::format("plugin name '{}' contains white space", d.name);
  }
  if (empty(d.version)) return "the descriptor has no version";
  if (empty(d.license)) return "the descriptor has no license";
  if (empty(d.description)) return "the descriptor has no description";
  if (d.declare == nullptr) return "the descriptor has no declare function";
  return {};
}

// Runs one registration function; the reason for refusal when it threw.
std::string call(RegisterFn fn, Host& host) {
  if (fn == nullptr) return {};
  try {
    fn(host);
    return {};
  } catch (const std::exception& e) {
    return fmt::format("registration failed: {}", e.what());
  } catch (...) {
    return "registration failed: an exception that is not a std::exception";
  }
}

struct Accepted {
  const Candidate* candidate;
  std::unique_ptr<detail::StagingHost> host;
  std::string refusal;
};

}  // namespace

LoadReport register_plugins(const std::vector<Candidate>& candidates, Registry& registry,
                            exerciser::ExerciserRegistry& exercisers, const std::vector<std::string>& reserved_commands,
                            const std::vector<LoadedPlugin>& already_loaded) {
  LoadReport report;
  std::vector<Accepted> accepted;
  std::vector<detail::StagingHost*> peers;
  auto owner_of_name = [&](std::string_view name) -> std::string {
    for (const LoadedPlugin& p : already_loaded) {
      if (p.name == name) return p.path;
    }
    for (const Accepted& a : accepted) {
      if (a.host->plugin_name() == name) return a.candidate->path;
    }
    return {};
  };

  for (const Candidate& c : candidates) {
    std::string problem = c.descriptor ? descriptor_problem(*c.descriptor) : "no descriptor";
    if (problem.empty()) {
      std::string first = owner_of_name(c.descriptor->name);
      if (!first.empty()) problem = fmt::format("plugin name '{}' is already taken by {}", c.descriptor->name, first);
    }
    if (!problem.empty()) {
      report.refused.push_back({c.path, std::move(problem)});
      continue;
    }
    accepted.push_back({&c, std::make_unique<detail::StagingHost>(c.descriptor->name, registry, peers), {}});
    peers.push_back(accepted.back().host.get());
  }

  // Every plugin declares before any binds, so that load order never matters.
  for (Accepted& a : accepted) a.refusal = call(a.candidate->descriptor->declare, *a.host);
  for (Accepted& a : accepted) {
    if (a.refusal.empty()) a.refusal = call(a.candidate->descriptor->bind, *a.host);
  }

  std::vector<std::pair<std::string, std::string>> taken;
  for (const LoadedPlugin& p : already_loaded) {
    for (const CommandSpec& c : p.commands) taken.emplace_back(c.name, p.name);
  }
  for (Accepted& a : accepted) {
    if (a.refusal.empty()) {
      if (auto clash = a.host->find_clash(exercisers, reserved_commands, taken)) a.refusal = *clash;
    }
    if (!a.refusal.empty()) {
      report.refused.push_back({a.candidate->path, std::move(a.refusal)});
      continue;
    }
    const Descriptor& d = *a.candidate->descriptor;
    LoadedPlugin& record = report.loaded.emplace_back();
    record.name = d.name;
    record.version = d.version;
    record.license = d.license;
    record.description = d.description;
    record.path = a.candidate->path;
    a.host->commit(registry, exercisers, record);
    for (const CommandSpec& c : record.commands) taken.emplace_back(c.name, record.name);
  }
  return report;
}

}  // namespace mctpkit::plugin
