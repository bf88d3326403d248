#pragma once
// Names of commands for statistics and request/response links: "control set_endpoint_id",
// "pldm base get_tid". A name is worked out in two steps: the parts that decide it (pointers into
// declarations and numbers, found without building text), then the text; so that a caller
// naming packet after packet builds each distinct name once.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::analysis {

/// A numeric field's value as a command name shows it.
struct NamedNumber {
  const FieldDef* field = nullptr;  // none when the name has no such part
  std::uint64_t number = 0;
  FieldValue::State state = FieldValue::State::Unset;
  Numeric numeric = Numeric::Unsigned;

  friend bool operator==(const NamedNumber&, const NamedNumber&) = default;
};

/// What decides a frame's command name.
struct CommandParts {
  enum class Kind : std::uint8_t { NotMctp, Continuation, Message };
  Kind kind = Kind::NotMctp;
  NamedNumber message_type;
  NamedNumber command_set;             // the message header's named "type" field (PLDM's type)
  const LayerDef* command = nullptr;   // the command's layer (its craft name is the name)
  NamedNumber command_code;            // without a command layer: the header's "command" field

  friend bool operator==(const CommandParts&, const CommandParts&) = default;
};

CommandParts command_parts(const Frame& frame, const Registry& registry = default_registry());
std::string command_label(const CommandParts& parts);

/// "control set_endpoint_id", "pldm base get_tid" for a decoded packet or message: the message
/// type, the command set where the header names one, and the command as crafting names it (a
/// request and its response share it); "continuation" for a packet that is not the start of a
/// message.
std::string command_label(const Frame& frame, const Registry& registry = default_registry());

/// A hash of CommandParts, for maps keyed by them.
struct CommandPartsHash {
  std::size_t operator()(const CommandParts& parts) const;
};

/// Command names numbered in the order they are first seen. Each distinct set of parts is named
/// once; parts that give one name share its number, so that counts kept by number are counts by
/// name. Numbers are dense (0, 1, ...): counts can live in a vector indexed by them. Memory is
/// bounded: past `capacity` names, every new name shares one number, named "other commands";
/// past `capacity` sets of parts, a name is built again each time it is asked for.
class CommandNames {
 public:
  using Id = std::uint32_t;

  explicit CommandNames(const Registry& registry = default_registry(), std::size_t capacity = 4096)
      : registry_(&registry), capacity_(capacity) {}

  /// The number of the name of a frame with these parts.
  Id id_of(const CommandParts& parts);
  /// The number of `frame`'s command name.
  Id id_of(const Frame& frame) { return id_of(command_parts(frame, *registry_)); }
  /// The name numbered `id` (one id_of() gave).
  const std::string& name(Id id) const { return names_[id]; }
  /// How many names are numbered.
  std::size_t size() const { return names_.size(); }

 private:
  Id number(std::string name);

  const Registry* registry_;
  std::size_t capacity_;
  std::unordered_map<CommandParts, Id, CommandPartsHash> by_parts_;
  std::unordered_map<std::string, Id> by_name_;
  std::vector<std::string> names_;
  std::optional<Id> other_;  // the number names past the capacity share
};

/// command_label() kept by its parts: each distinct name is built once. At most `capacity`
/// names are kept; past that, names are built each time.
class CommandLabels {
 public:
  explicit CommandLabels(const Registry& registry = default_registry(), std::size_t capacity = 4096)
      : registry_(&registry), capacity_(capacity) {}

  /// The label of `frame`; valid until the next call.
  const std::string& of(const Frame& frame) { return of(parts(frame)); }
  /// The label of a frame with these parts; valid until the next call.
  const std::string& of(const CommandParts& parts);
  /// command_parts() of `frame` with this registry.
  CommandParts parts(const Frame& frame) const { return command_parts(frame, *registry_); }

 private:
  const Registry* registry_;
  std::size_t capacity_;
  std::unordered_map<CommandParts, std::string, CommandPartsHash> labels_;
  std::string uncached_;
};

}  // namespace mctpkit::analysis
