#pragma once
// The registry of layers, dispatch tables and links. Built-in protocols register through the
// same calls a plugin uses: declare layers, then bind them into tables.

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "mctpkit/core/layer.hpp"

namespace mctpkit {

/// A link: a name for `mctpkit decode --link` and the layer its data starts with.
struct LinkDef {
  std::string_view name;
  std::string_view description;
  const LayerDef* first;
};

class Frame;

namespace detail {
struct LayerPlan;
}

class RegistryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Registry {
 public:
  Registry();
  ~Registry();
  Registry(Registry&&) noexcept;
  Registry& operator=(Registry&&) noexcept;

  /// Declares a layer and, when its BindDef names a table, binds it there. `owner` names who
  /// registered it ("mctpkit" or a plugin) for clash messages.
  void declare(const LayerDef& def, std::string_view owner = "mctpkit");
  /// Binds `def` under `key` in `table`. A second binding of the same key is a RegistryError
  /// naming both owners.
  void bind(std::string_view table, const Key& key, const LayerDef& def, std::string_view owner = "mctpkit");
  void add_link(const LinkDef& link, std::string_view owner = "mctpkit");

  const LayerDef* lookup(std::string_view table, const Key& key) const;
  /// The layer that follows layer `index` of `frame`: its declaration's dispatch key read from
  /// the frame (into `key`) and looked up in its dispatch table. For a layer declared here the
  /// table and the places of the key fields were found at declaration.
  const LayerDef* next_layer(const Frame& frame, std::size_t index, Key& key) const;
  /// What was worked out for `def` when it was declared or bound here (how its fields read, its
  /// dispatch), for the decoder; nullptr for a layer this registry does not know.
  const detail::LayerPlan* plan_of(const LayerDef& def) const;
  /// next_layer() when the caller has the plan of the layer at `index` (plan_of(), maybe null).
  const LayerDef* next_layer(const Frame& frame, std::size_t index, Key& key, const detail::LayerPlan* plan) const;
  /// The key under which `def` is bound in `table`, if any.
  const Key* key_of(std::string_view table, const LayerDef& def) const;
  const LayerDef* layer(std::string_view id) const;
  /// Every layer whose craft name or id is `name`.
  std::vector<const LayerDef*> layers_named(std::string_view name) const;
  /// Every (key, layer) bound in `table`, in the order they were bound.
  std::vector<std::pair<Key, const LayerDef*>> entries(std::string_view table) const;
  const LinkDef* link(std::string_view name) const;
  std::vector<LinkDef> links() const;
  std::vector<const LayerDef*> layers() const;
  /// Who bound `key` in `table`, or who declared the layer `id`; empty when nobody did. Lets a
  /// caller check a batch of registrations (a plugin's) before making any of them.
  std::string_view binding_owner(std::string_view table, const Key& key) const;
  std::string_view layer_owner(std::string_view id) const;
  std::string_view link_owner(std::string_view name) const;

 private:
  void plan_layer(const LayerDef& def);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mctpkit
