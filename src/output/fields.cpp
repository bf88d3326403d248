#include "mctpkit/output/fields.hpp"

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

}  // namespace

std::string_view layer_abbrev(const LayerDef& def) { return def.abbrev.empty() ? def.id : def.abbrev; }

bool FieldRef::visit_impl(const Frame& frame, Callback fn, void* context) const {
  return visit_impl(std::span<const Layer>(frame.layers), fn, context);
}

bool FieldRef::visit_impl(std::span<const Layer> layers, Callback fn, void* context) const {
  const std::string_view text = text_;
  auto call = [&](const FieldDef& def, const FieldValue& value) { return fn(context, def, value); };
  for (const Layer& layer : layers) {
    const std::string_view prefix = layer_abbrev(layer.def());
    if (text.size() <= prefix.size() + 1 || text[prefix.size()] != '.' || !text.starts_with(prefix)) continue;
    if (walk(layer, text.substr(prefix.size() + 1), call)) return true;
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

}  // namespace mctpkit::output
