#include "mctpkit/core/registry.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include <atomic>
#include <unordered_map>

#include "core/detail/fibonacci_slot.hpp"
#include "core/detail/field_walk.hpp"
#include "core/detail/layer_plan.hpp"
#include "core/detail/per_thread.hpp"
#include "mctpkit/core/frame.hpp"

namespace mctpkit {

namespace {

struct Binding {
  Key key;
  const LayerDef* def;
  std::string owner;
};

// A dispatch table's bindings, in the order they were made, found by key through open addressing
// in 2^n slots, probed in turn from the slot of the key's hash, at most half of them taken: every
// layer of every packet looks its next layer up here, and a map's node hashing and prime-sized
// buckets cost several times more per lookup.
class Bindings {
 public:
  // The layer bound to `key`, or null.
  const LayerDef* layer(const Key& key) const {
    const Slot* slot = find(key);
    return slot == nullptr ? nullptr : slot->def;
  }
  // The binding of `key`, or null.
  const Binding* binding(const Key& key) const {
    const Slot* slot = find(key);
    return slot == nullptr ? nullptr : &all_[slot->binding];
  }

  // Binds `key` to `def` unless it is bound already; returns the key's binding and whether it is
  // the new one.
  std::pair<const Binding*, bool> add(const Key& key, const LayerDef& def, std::string_view owner) {
    if (const Binding* existing = binding(key)) return {existing, false};
    if (2 * (all_.size() + 1) > slots_.size()) grow();
    place({key, &def, all_.size()});
    all_.push_back({key, &def, std::string(owner)});
    return {&all_.back(), true};
  }

  const std::vector<Binding>& all() const { return all_; }

 private:
  struct Slot {
    Key key;
    const LayerDef* def = nullptr;  // null: free
    std::size_t binding = 0;        // its place in all_
  };

  const Slot* find(const Key& key) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = slot_of(key);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[i];
      if (slot.def == nullptr) return nullptr;
      if (slot.key == key) return &slot;
    }
  }
  std::size_t slot_of(const Key& key) const {
    std::uint64_t h = key.count;
    for (std::uint8_t i = 0; i < key.count; ++i) h = (h ^ key.parts[i]) * 0x9E3779B97F4A7C15ULL;
    return detail::fibonacci_slot(h, bits_);
  }
  void place(const Slot& entry) {
    std::size_t i = slot_of(entry.key);
    while (slots_[i].def != nullptr) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = entry;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    bits_ = old.empty() ? 4 : bits_ + 1;
    slots_.assign(std::size_t{1} << bits_, Slot{});
    for (const Slot& entry : old) {
      if (entry.def != nullptr) place(entry);
    }
  }

  std::vector<Slot> slots_;
  unsigned bits_ = 0;
  std::vector<Binding> all_;
};

}  // namespace

namespace detail {

struct DispatchTable {
  Bindings by_key;
  std::unordered_map<const LayerDef*, Key> key_of;
};

}  // namespace detail

namespace {

using Table = detail::DispatchTable;

std::string key_text(const Key& k) {
  std::string out = "(";
  for (std::uint8_t i = 0; i < k.count; ++i) out += fmt::format("{}0x{:X}", i ? ", " : "", k.parts[i]);
  return out + ")";
}

// A number for each registry, never given twice, so that what a thread remembers of one registry
// is never taken for another built at the same address.
std::atomic<std::uint64_t> next_registry_number{1};

}  // namespace

struct Registry::Impl {
  const std::uint64_t number = next_registry_number.fetch_add(1, std::memory_order_relaxed);
  std::map<std::string, Table, std::less<>> tables;  // nodes stay put: the plans point into them
  std::unordered_map<const LayerDef*, detail::LayerPlan> plans;
  // plan_of() is asked for the plans of a packet's layers, packet after packet: a slot chosen by
  // a table's address remembers the entry of its plan (entries neither move nor go), and a
  // lookup that finds its own table's entry there is done without hashing into the map. A slot
  // is a single pointer and every hit is checked, so threads sharing the slots can only miss.
  static constexpr unsigned kPlanSlotBits = 8;
  using PlanEntry = std::unordered_map<const LayerDef*, detail::LayerPlan>::value_type;
  mutable std::array<std::atomic<const PlanEntry*>, std::size_t{1} << kPlanSlotBits> plan_slots{};
  std::map<std::string, std::pair<const LayerDef*, std::string>, std::less<>> layers;
  std::map<std::string, std::pair<LinkDef, std::string>, std::less<>> links;
};

Registry::Registry() : impl_(std::make_unique<Impl>()) {}
Registry::~Registry() = default;
Registry::Registry(Registry&&) noexcept = default;
Registry& Registry::operator=(Registry&&) noexcept = default;

void Registry::declare(const LayerDef& def, std::string_view owner) {
  auto [it, inserted] = impl_->layers.try_emplace(std::string(def.id), &def, std::string(owner));
  if (!inserted && it->second.first != &def) {
    throw RegistryError(fmt::format("layer '{}' is declared by both {} and {}", def.id, it->second.second, owner));
  }
  if (!def.bind.table.empty()) bind(def.bind.table, def.bind.key, def, owner);
  plan_layer(def);
}

// Worked out once per layer rather than for every packet: how each field reads; the dispatch
// table, found by name, and where the key fields are among the layer's own.
void Registry::plan_layer(const LayerDef& def) {
  auto [it, added] = impl_->plans.try_emplace(&def);
  if (!added) return;
  detail::LayerPlan& plan = it->second;
  plan.steps = detail::plan_fields(def.fields);
  detail::plan_prefix(plan);
  plan.has_checksums = std::any_of(def.fields.begin(), def.fields.end(), [](const FieldDef& f) { return f.verify; });
  plan.build = detail::build_facts(def.fields);
  if (def.next.table.empty()) return;
  auto tit = impl_->tables.find(def.next.table);
  if (tit == impl_->tables.end()) tit = impl_->tables.emplace(std::string(def.next.table), Table{}).first;
  plan.table = &tit->second;
  const Fields own(def.fields, def.id);
  for (std::size_t k = 0; k < def.next.key.size(); ++k) {
    const std::string_view name = def.next.key[k];
    plan.key_index[k] = name.find('.') == std::string_view::npos ? own.index_of(name) : Fields::npos;
  }
}

void Registry::bind(std::string_view table, const Key& key, const LayerDef& def, std::string_view owner) {
  auto tit = impl_->tables.find(table);
  if (tit == impl_->tables.end()) tit = impl_->tables.emplace(std::string(table), Table{}).first;
  Table& t = tit->second;
  const auto [binding, added] = t.by_key.add(key, def, owner);
  if (!added) {
    if (binding->def == &def) return;
    throw RegistryError(fmt::format("{} key {} is bound to '{}' by {} and to '{}' by {}", table, key_text(key),
                                    binding->def->id, binding->owner, def.id, owner));
  }
  t.key_of.try_emplace(&def, key);
  impl_->layers.try_emplace(std::string(def.id), &def, std::string(owner));
  plan_layer(def);
}

void Registry::add_link(const LinkDef& link, std::string_view owner) {
  auto [it, inserted] = impl_->links.try_emplace(std::string(link.name), link, std::string(owner));
  if (!inserted && it->second.first.first != link.first) {
    throw RegistryError(fmt::format("link '{}' is registered by both {} and {}", link.name, it->second.second, owner));
  }
}

const LayerDef* Registry::lookup(std::string_view table, const Key& key) const {
  auto tit = impl_->tables.find(table);
  if (tit == impl_->tables.end()) return nullptr;
  return tit->second.by_key.layer(key);
}

const LayerDef* Registry::next_layer(const Frame& frame, std::size_t index, Key& key) const {
  return next_layer(frame, index, key, plan_of(frame.layers[index].def()));
}

const detail::LayerPlan* Registry::plan_of(const LayerDef& def) const {
  auto& slot = impl_->plan_slots[detail::fibonacci_slot(reinterpret_cast<std::uintptr_t>(&def), Impl::kPlanSlotBits)];
  if (const Impl::PlanEntry* seen = slot.load(std::memory_order_relaxed); seen != nullptr && seen->first == &def) {
    return &seen->second;
  }
  auto it = impl_->plans.find(&def);
  if (it == impl_->plans.end()) return nullptr;
  slot.store(&*it, std::memory_order_relaxed);
  return &it->second;
}

const LayerDef* Registry::next_layer(const Frame& frame, std::size_t index, Key& key,
                                     const detail::LayerPlan* plan) const {
  const Layer& layer = frame.layers[index];
  const LayerDef& def = layer.def();
  key = Key{};
  for (std::size_t k = 0; k < def.next.key.size() && !def.next.key[k].empty(); ++k) {
    const std::size_t field = plan != nullptr && plan->table != nullptr ? plan->key_index[k] : Fields::npos;
    if (field == Fields::npos) {
      key.parts[key.count++] = detail::key_field_value(frame, index, def.next.key[k]);
    } else {
      const FieldValue& v = layer.value(field);
      key.parts[key.count++] = v.is_set() ? v.number : def.fields[field].default_value;
    }
  }
  if (plan == nullptr || plan->table == nullptr) return lookup(def.next.table, key);
  return plan->table->by_key.layer(key);
}

const Key* Registry::key_of(std::string_view table, const LayerDef& def) const {
  auto tit = impl_->tables.find(table);
  return tit == impl_->tables.end() ? nullptr : detail::key_in(tit->second, def);
}

const Key* detail::key_in(const DispatchTable& table, const LayerDef& def) {
  auto it = table.key_of.find(&def);
  return it == table.key_of.end() ? nullptr : &it->second;
}

const LayerDef* Registry::layer(std::string_view id) const {
  auto it = impl_->layers.find(id);
  return it == impl_->layers.end() ? nullptr : it->second.first;
}

std::vector<const LayerDef*> Registry::layers_named(std::string_view name) const {
  std::vector<const LayerDef*> out;
  for (const auto& [id, entry] : impl_->layers) {
    if (id == name || entry.first->name_for_craft() == name) out.push_back(entry.first);
  }
  return out;
}

std::vector<std::pair<Key, const LayerDef*>> Registry::entries(std::string_view table) const {
  std::vector<std::pair<Key, const LayerDef*>> out;
  auto tit = impl_->tables.find(table);
  if (tit == impl_->tables.end()) return out;
  for (const Binding& binding : tit->second.by_key.all()) out.emplace_back(binding.key, binding.def);
  return out;
}

const LinkDef* Registry::link(std::string_view name) const {
  // A capture asks for its link packet after packet, and a corpus of packet lines for a few links
  // in turn: each thread remembers the last few links found by their exact names. Links are only
  // ever added, so such a link stays the answer (a link found regardless of case is not
  // remembered: one of that exact name may be added later).
  struct Found {
    std::uint64_t registry = 0;
    std::string name;
    const LinkDef* def = nullptr;
  };
  struct Remembered {
    std::array<Found, 4> found;
    std::size_t next = 0;  // the slot the next link found takes
  };
  Remembered& remembered = detail::per_thread<Remembered>();
  for (const Found& f : remembered.found) {
    if (f.registry == impl_->number && f.name == name) return f.def;
  }
  if (auto it = impl_->links.find(name); it != impl_->links.end()) {
    Found& slot = remembered.found[remembered.next];
    remembered.next = (remembered.next + 1) % remembered.found.size();
    slot.registry = impl_->number;
    slot.name.assign(name);
    slot.def = &it->second.first;
    return slot.def;
  }
  // Link names are matched without regard to case ("SMBus", "PCIe-VDM").
  for (const auto& [known, entry] : impl_->links) {
    if (known.size() == name.size() && std::equal(known.begin(), known.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return &entry.first;
    }
  }
  return nullptr;
}

std::vector<LinkDef> Registry::links() const {
  std::vector<LinkDef> out;
  for (const auto& [name, entry] : impl_->links) out.push_back(entry.first);
  return out;
}

std::vector<const LayerDef*> Registry::layers() const {
  std::vector<const LayerDef*> out;
  for (const auto& [id, entry] : impl_->layers) out.push_back(entry.first);
  return out;
}

std::string_view Registry::binding_owner(std::string_view table, const Key& key) const {
  auto tit = impl_->tables.find(table);
  if (tit == impl_->tables.end()) return {};
  const Binding* binding = tit->second.by_key.binding(key);
  return binding == nullptr ? std::string_view{} : std::string_view(binding->owner);
}

std::string_view Registry::layer_owner(std::string_view id) const {
  auto it = impl_->layers.find(id);
  return it == impl_->layers.end() ? std::string_view{} : std::string_view(it->second.second);
}

std::string_view Registry::link_owner(std::string_view name) const {
  auto it = impl_->links.find(name);
  return it == impl_->links.end() ? std::string_view{} : std::string_view(it->second.second);
}

}  // namespace mctpkit
