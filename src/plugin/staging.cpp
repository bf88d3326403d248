#include "plugin/staging.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace mctpkit::plugin::detail {

std::string key_text(const Key& k) {
  std::string out = "(";
  for (std::uint8_t i = 0; i < k.count; ++i) out += fmt::format("{}0x{:X}", i ? ", " : "", k.parts[i]);
  return out + ")";
}

void StagingHost::declare(const LayerDef& def) {
  if (def.id.empty()) throw std::invalid_argument("a layer without an id");
  layers_.push_back(&def);
  if (!def.bind.table.empty()) bindings_.push_back({std::string(def.bind.table), def.bind.key, &def});
}

void StagingHost::bind(const BindDef& where, const LayerDef& def) {
  if (where.table.empty()) throw std::invalid_argument(fmt::format("layer '{}' bound without a table", def.id));
  if (def.id.empty()) throw std::invalid_argument("a layer without an id");
  bindings_.push_back({std::string(where.table), where.key, &def});
}

void StagingHost::add_link(const LinkDef& link) {
  if (link.name.empty() || link.first == nullptr) throw std::invalid_argument("a link needs a name and a first layer");
  links_.push_back(link);
}

void StagingHost::add_command(CommandSpec command) {
  if (command.name.empty()) throw std::invalid_argument("a command without a name");
  if (!command.run && command.subcommands.empty()) {
    throw std::invalid_argument(fmt::format("command '{}' has neither a run function nor subcommands", command.name));
  }
  commands_.push_back(std::move(command));
}

void StagingHost::add_exerciser(exerciser::ExerciserInfo info) {
  if (info.name.empty() || !info.factory) throw std::invalid_argument("an exerciser needs a name and a factory");
  info.owner = name_;
  exercisers_.push_back(std::move(info));
}

const LayerDef* StagingHost::layer(std::string_view id) const {
  if (const LayerDef* d = registry_.layer(id)) return d;
  for (const StagingHost* peer : peers_) {
    for (const LayerDef* d : peer->layers_) {
      if (d->id == id) return d;
    }
  }
  return nullptr;
}

std::optional<std::string> StagingHost::find_clash(const exerciser::ExerciserRegistry& exercisers,
                                                   const std::vector<std::string>& reserved,
                                                   const std::vector<std::pair<std::string, std::string>>& taken) const {
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    const LayerDef* def = layers_[i];
    const LayerDef* there = registry_.layer(def->id);
    if (there != nullptr && there != def) {
      return fmt::format("layer '{}' is declared by both {} and {}", def->id, registry_.layer_owner(def->id), name_);
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (layers_[j]->id == def->id && layers_[j] != def) {
        return fmt::format("layer '{}' is declared twice by {}", def->id, name_);
      }
    }
  }
  for (std::size_t i = 0; i < bindings_.size(); ++i) {
    const StagedBinding& b = bindings_[i];
    const LayerDef* there = registry_.lookup(b.table, b.key);
    std::string_view owner = registry_.binding_owner(b.table, b.key);
    for (std::size_t j = 0; there == nullptr && j < i; ++j) {
      if (bindings_[j].table == b.table && bindings_[j].key == b.key) there = bindings_[j].def, owner = name_;
    }
    if (there != nullptr && there != b.def) {
      return fmt::format("{} key {} is bound to '{}' by {} and to '{}' by {}", b.table, key_text(b.key), there->id,
                         owner, b.def->id, name_);
    }
  }
  for (std::size_t i = 0; i < links_.size(); ++i) {
    std::string_view owner = registry_.link_owner(links_[i].name);
    for (std::size_t j = 0; owner.empty() && j < i; ++j) {
      if (links_[j].name == links_[i].name) owner = name_;
    }
    if (!owner.empty()) return fmt::format("link '{}' is registered by both {} and {}", links_[i].name, owner, name_);
  }
  for (std::size_t i = 0; i < commands_.size(); ++i) {
    const std::string& command = commands_[i].name;
    if (std::find(reserved.begin(), reserved.end(), command) != reserved.end()) {
      return fmt::format("command '{}' clashes with the built-in command of that name", command);
    }
    for (const auto& [name, owner] : taken) {
      if (name == command) return fmt::format("command '{}' is added by both {} and {}", command, owner, name_);
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (commands_[j].name == command) return fmt::format("command '{}' is added twice by {}", command, name_);
    }
  }
  for (std::size_t i = 0; i < exercisers_.size(); ++i) {
    const std::string& name = exercisers_[i].name;
    if (const exerciser::ExerciserInfo* there = exercisers.find(name)) {
      return fmt::format("exerciser '{}' is registered by both {} and {}", name, there->owner, name_);
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (exercisers_[j].name == name) return fmt::format("exerciser '{}' is registered twice by {}", name, name_);
    }
  }
  return std::nullopt;
}

void StagingHost::commit(Registry& registry, exerciser::ExerciserRegistry& exercisers, LoadedPlugin& record) {
  auto record_of = [&record](const LayerDef& def) -> LayerRecord& {
    for (LayerRecord& l : record.layers) {
      if (l.id == def.id) return l;
    }
    return record.layers.emplace_back(LayerRecord{std::string(def.id), {}});
  };
  for (const LayerDef* def : layers_) {
    registry.declare(*def, name_);
    record_of(*def);
  }
  for (const StagedBinding& b : bindings_) {
    registry.bind(b.table, b.key, *b.def, name_);
    auto& bindings = record_of(*b.def).bindings;
    std::pair<std::string, Key> entry{b.table, b.key};
    if (std::find(bindings.begin(), bindings.end(), entry) == bindings.end()) bindings.push_back(std::move(entry));
  }
  for (const LinkDef& link : links_) {
    registry.add_link(link, name_);
    record.links.emplace_back(link.name);
  }
  for (exerciser::ExerciserInfo& info : exercisers_) {
    record.exercisers.push_back(info.name);
    exercisers.add(std::move(info));
  }
  exercisers_.clear();
  record.commands = std::move(commands_);
  commands_.clear();
}

}  // namespace mctpkit::plugin::detail
