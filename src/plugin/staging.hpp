#pragma once
// The host facade a plugin's registration functions receive: it records what the plugin asks
// for, checks the whole batch against the registries, and only then applies it, so a refused
// plugin leaves no trace.

#include <optional>
#include <string>
#include <vector>

#include "mctpkit/plugin/loader.hpp"

namespace mctpkit::plugin::detail {

struct StagedBinding {
  std::string table;
  Key key;
  const LayerDef* def;
};

class StagingHost final : public Host {
 public:
  /// `peers` are the staging hosts of every plugin of the batch, for layer() lookups.
  StagingHost(std::string name, const Registry& registry, const std::vector<StagingHost*>& peers)
      : name_(std::move(name)), registry_(registry), peers_(peers) {}

  std::string_view plugin_name() const override { return name_; }
  void declare(const LayerDef& def) override;
  void bind(const BindDef& where, const LayerDef& def) override;
  void add_link(const LinkDef& link) override;
  void add_command(CommandSpec command) override;
  void add_exerciser(exerciser::ExerciserInfo info) override;
  const LayerDef* layer(std::string_view id) const override;

  /// The first clash of the staged registrations with the registries, with the commands taken
  /// (reserved: built-in; taken: command name -> plugin), or with each other; nullopt if none.
  std::optional<std::string> find_clash(const exerciser::ExerciserRegistry& exercisers,
                                        const std::vector<std::string>& reserved,
                                        const std::vector<std::pair<std::string, std::string>>& taken) const;
  /// Applies everything staged (after find_clash() found nothing) and fills `record` with it.
  void commit(Registry& registry, exerciser::ExerciserRegistry& exercisers, LoadedPlugin& record);

 private:
  std::string name_;
  const Registry& registry_;
  const std::vector<StagingHost*>& peers_;
  std::vector<const LayerDef*> layers_;
  std::vector<StagedBinding> bindings_;
  std::vector<LinkDef> links_;
  std::vector<CommandSpec> commands_;
  std::vector<exerciser::ExerciserInfo> exercisers_;
};

/// "(0x9999, 0x1, 0x1)", as the registry writes keys.
std::string key_text(const Key& key);

}  // namespace mctpkit::plugin::detail
