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

// Text from a plugin as a refusal shows it: on one line (control and non-ASCII bytes as \xNN)
// and not without end, since a reason is one line of a report.
std::string shown(std::string_view text) {
  constexpr std::size_t kMost = 200;
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < kMost; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c >= 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  if (text.size() > kMost) out += "...";
  return out;
}

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
    return fmt::format("built with '{}', this mctpkit with '{}'", shown(d.fingerprint ? d.fingerprint : ""),
                       kFingerprint.text);
  }
  if (empty(d.name)) return "the descriptor has no name";
  for (const char* c = d.name; *c != '\0'; ++c) {
    if (*c == ' ' || *c == '\n' || *c == '\t') return fmt::format("plugin name '{}' contains white space", shown(d.name));
    if (static_cast<unsigned char>(*c) < 0x20 || static_cast<unsigned char>(*c) >= 0x7F) {
      return fmt::format("plugin name '{}' contains a character that is not printable ASCII", shown(d.name));
    }
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
    return fmt::format("registration failed: {}", shown(e.what()));
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
