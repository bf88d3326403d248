#include "mctpkit/output/fields.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <string>

#include "core/detail/fibonacci_slot.hpp"
#include "core/detail/per_thread.hpp"

namespace mctpkit::output {

namespace {

// An unset field of a crafted frame occurs when building would write it.
bool occurs(const Fields& fields, const FieldDef& def, const FieldValue& value) {
  switch (value.state) {
    case FieldValue::State::Absent: return false;
    case FieldValue::State::Set: return true;
    case FieldValue::State::Unset: break;
  }
  if (def.is_derived() || def.optional_trailer || def.remaining_below != 0) return false;
  return def.present == nullptr || def.present(fields);
}

bool name_is(const FieldDef& def, std::string_view name) {
  return def.name == name || (!def.alias.empty() && def.alias == name) || (!def.either.empty() && def.either == name);
}

template <typename Fn>
bool walk(const Fields& fields, std::string_view path, Fn& fn) {
  const std::size_t dot = path.find('.');
  const std::string_view head = path.substr(0, dot);
  const std::string_view rest = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldDef& def = fields.defs()[i];
    if (def.kind == FieldKind::Payload || !name_is(def, head)) continue;
    const FieldValue& value = fields.value(i);
    if (!occurs(fields, def, value)) continue;
    if (dot == std::string_view::npos) {
      if (fn(def, value)) return true;
    } else if (def.kind == FieldKind::List && !rest.empty()) {
      for (const Fields& item : value.items) {
        if (walk(item, rest, fn)) return true;
      }
    }
  }
  return false;
}

// Where a reference's occurrences can be in the layers of one declaration, worked out from the
// names once and remembered: a filter or a column asks again for every packet, and comparing the
// name with every field of every layer costs more than the rest of its test.
struct Placement {
  std::uint64_t serial = 0;  // of the reference's text it was worked out for (0: none)
  const LayerDef* def = nullptr;
  bool named = false;        // the text starts with the layer's abbreviation and a dot
  // The fields of the layer itself it names, in order, when the text goes no deeper (into list
  // elements) and they are few; otherwise the layer is walked by name.
  bool direct = false;
  std::uint8_t count = 0;
  std::array<std::uint16_t, 4> index{};
};

struct Placements {
  // Room for a few references over every table of a capture's usual traffic, so that two tables
  // of one packet seldom share a slot and push each other out, packet after packet.
  static constexpr unsigned kBits = 9;
  std::array<Placement, std::size_t{1} << kBits> slots;

  const Placement& of(std::uint64_t serial, std::string_view text, const LayerDef& def) {
    const auto key = serial * 31 + reinterpret_cast<std::uintptr_t>(&def);
    Placement& p = slots[detail::fibonacci_slot(key, kBits)];
    if (p.serial == serial && p.def == &def) return p;
    p.serial = serial;
    p.def = &def;
    const std::string_view prefix = layer_abbrev(def);
    p.named = text.size() > prefix.size() + 1 && text[prefix.size()] == '.' && text.starts_with(prefix);
    p.direct = false;
    p.count = 0;
    if (!p.named) return p;
    const std::string_view path = text.substr(prefix.size() + 1);
    if (path.find('.') != std::string_view::npos || def.fields.size() > 0xFFFF) return p;
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
      const FieldDef& f = def.fields[i];
      if (f.kind == FieldKind::Payload || !name_is(f, path)) continue;
      if (p.count == p.index.size()) return p;
      p.index[p.count++] = static_cast<std::uint16_t>(i);
    }
    p.direct = true;
    return p;
  }
};

}  // namespace

std::string_view layer_abbrev(const LayerDef& def) { return def.abbrev.empty() ? def.id : def.abbrev; }

std::uint64_t FieldRef::new_serial() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

bool FieldRef::visit_impl(const Frame& frame, Callback fn, void* context) const {
  return visit_impl(std::span<const Layer>(frame.layers), fn, context);
}

bool FieldRef::visit_impl(std::span<const Layer> layers, Callback fn, void* context) const {
  const std::string_view text = text_;
  auto call = [&](const FieldDef& def, const FieldValue& value) { return fn(context, def, value); };
  Placements& placements = detail::per_thread<Placements>();
  for (const Layer& layer : layers) {
    const LayerDef& def = layer.def();
    const Placement& place = placements.of(serial_, text, def);
    if (!place.named) continue;
    // The layer's table is its declaration's (it always is for a decoded or crafted layer).
    if (place.direct && layer.defs().data() == def.fields.data() && layer.size() == def.fields.size()) {
      for (std::size_t k = 0; k < place.count; ++k) {
        const std::size_t i = place.index[k];
        const FieldValue& value = layer.value(i);
        if (occurs(layer, def.fields[i], value) && call(def.fields[i], value)) return true;
      }
      continue;
    }
    if (walk(layer, text.substr(layer_abbrev(def).size() + 1), call)) return true;
  }
  return false;
}

bool FieldRef::present(const Frame& frame) const { return present(std::span<const Layer>(frame.layers)); }

bool FieldRef::names_layer(const LayerDef& def) const {
  const std::string_view text = text_;
  if (text.empty()) return false;
  if (text == def.id || (!def.craft_name.empty() && text == def.craft_name)) return true;
  const std::string_view prefix = layer_abbrev(def);
  return prefix.starts_with(text) && (prefix.size() == text.size() || prefix[text.size()] == '.');
}

bool FieldRef::reads_layer(const LayerDef& def) const {
  const std::string_view text = text_;
  const std::string_view prefix = layer_abbrev(def);
  return names_layer(def) || (text.size() > prefix.size() && text[prefix.size()] == '.' && text.starts_with(prefix));
}

}  // namespace mctpkit::output
