#include "mctpkit/craft/expression.hpp"

#include "mctpkit/core/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <set>
#include <stdexcept>

#include "mctpkit/core/limits.hpp"

namespace mctpkit::craft {

namespace {

struct Failure {
  ExpressionError error;
};

class Parser {
 public:
  Parser(std::string_view text, const Registry& registry) : text_(text), registry_(registry) {}

  Frame parse() {
    Frame frame;
    below_ = &frame;
    do {
      skip_space();
      std::size_t name_column = pos_;
      if (frame.layers.size() == kMaxLayers) {
        fail(name_column, fmt::format("more than {} layers (the most one frame holds)", kMaxLayers));
      }
      std::string name = identifier("a layer name");
      const LayerDef& def = resolve_layer(name, frame, name_column);
      current_def_ = &def;
      Layer layer(def);
      skip_space();
      if (peek() == '(') {
        ++pos_;
        check_variant(layer, assignments(layer, ')'));
      }
      frame.layers.push_back(std::move(layer));
      skip_space();
    } while (take('/'));
    if (pos_ != text_.size()) fail(pos_, fmt::format("expected '/' or the end, found '{}'", text_[pos_]));
    return frame;
  }

 private:
  [[noreturn]] void fail(std::size_t at, std::string message) { throw Failure{{std::move(message), at + 1}}; }

  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool take(char c) {
    skip_space();
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void expect(char c) {
    if (!take(c)) fail(pos_, fmt::format("expected '{}'", c));
  }
  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  std::string identifier(std::string_view what) {
    skip_space();
    std::size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) ++pos_;
    if (start == pos_) fail(start, fmt::format("expected {}", what));
    return std::string(text_.substr(start, pos_ - start));
  }

  // A scalar value: a quoted string, or everything up to , ) ] /
  std::string scalar() {
    skip_space();
    std::size_t start = pos_;
    if (peek() == '"') {
      std::size_t close = text_.find('"', pos_ + 1);
      if (close == std::string_view::npos) fail(start, "unterminated string");
      pos_ = close + 1;
      return std::string(text_.substr(start, pos_ - start));
    }
    while (pos_ < text_.size() && !std::strchr(",)]/(", text_[pos_])) ++pos_;
    std::string value(text_.substr(start, pos_ - start));
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
    if (value.empty()) fail(start, "expected a value");
    return value;
  }

  // A value given for a field that the message, with the values given, does not have would be
  // lost when building: refuse it where it was written.
  using Assigned = std::vector<std::pair<std::size_t, std::size_t>>;  // field index and its column

  void check_variant(const Fields& fields, const Assigned& assigned) {
    for (const auto& [index, column] : assigned) {
      const FieldDef& def = fields.defs()[index];
      if (def.present && fields.value(index).is_set() && !def.present(fields)) {
        fail(column, fmt::format("{}.{} does not apply with the values given (it belongs to another variant of the "
                                 "message)",
                                 fields.owner(), def.name));
      }
    }
  }

  Assigned assignments(Fields& fields, char close) {
    Assigned assigned;
    if (take(close)) return assigned;
    do {
      std::size_t column = (skip_space(), pos_);
      std::string name = identifier("a field name");
      expect('=');
      skip_space();
      std::size_t value_column = pos_;
      std::size_t index = fields.index_of(name);
      if (index == Fields::npos) {
        const std::string known = fields.field_names();
        fail(column, fmt::format("{} has no field '{}'{}; {}", fields.owner(), name, other_message_with(fields, name),
                                 known.empty() ? "it has no fields" : "its fields are: " + known));
      }
      assigned.emplace_back(index, column);
      try {
        const FieldDef& def = fields.defs()[index];
        if (def.kind == FieldKind::List) {
          fields.set(name, FieldArg(list_value(def, value_column)));
          continue;
        }
        std::string value = scalar();
        if (value == "none") {
          fields.set_absent(name);
        } else if (auto key_part = name_from_dispatch(fields, name, value)) {
          fields.set(name, *key_part);
        } else {
          fields.set(name, FieldArg(std::string_view(value)));
        }
      } catch (const std::invalid_argument& e) {
        fail(value_column, e.what());
      }
    } while (take(','));
    expect(close);
    return assigned;
  }

  std::vector<Fields> list_value(const FieldDef& def, std::size_t column) {
    if (!take('[')) fail(column, fmt::format("{} is a list: give [elem, ...]", def.name));
    std::vector<Fields> items;
    if (take(']')) return items;
    do {
      Fields item(*def.element);
      if (take('(')) {
        check_variant(item, assignments(item, ')'));
      } else {
        std::string_view only = single_settable_field(*def.element);
        if (only.empty()) fail(pos_, fmt::format("elements of {} have several fields: give (field=value, ...)", def.name));
        std::size_t at = pos_;
        try {
          item.set(only, FieldArg(std::string_view(scalar())));
        } catch (const std::invalid_argument& e) {
          fail(at, e.what());
        }
      }
      items.push_back(std::move(item));
    } while (take(','));
    expect(']');
    return items;
  }

  // A dispatch key field (a PLDM command code, say) also takes the craft name of a layer bound
  // under it, as far as the key fields already set agree: `pldm(type=fru,cmd=get_fru_record_table)`.
  std::optional<std::uint64_t> name_from_dispatch(const Fields& fields, std::string_view name, std::string_view value) {
    if (!current_def_ || current_def_->next.table.empty()) return std::nullopt;
    const DispatchDef& next = current_def_->next;
    std::size_t position = next.key.size();
    for (std::size_t k = 0; k < next.key.size(); ++k) {
      if (next.key[k] == name || (fields.index_of(next.key[k]) == fields.index_of(name) && !next.key[k].empty())) position = k;
    }
    if (position == next.key.size()) return std::nullopt;
    std::optional<std::uint64_t> found;
    for (const auto& [key, def] : registry_.entries(next.table)) {
      if (def->name_for_craft() != value && def->id != value) continue;
      bool agrees = true;
      for (std::size_t k = 0; k < key.count && k < next.key.size(); ++k) {
        if (k == position || next.key[k].empty() || next.key[k].find('.') != std::string_view::npos) continue;
        if (auto set = fields.get(next.key[k]); set && *set != key.parts[k]) agrees = false;
      }
      if (agrees) found = key.parts[position];
    }
    return found;
  }

  // A field that belongs to another message of the same name (the response of a request):
  // ": it belongs to set_endpoint_id_rsp (Set Endpoint ID response), which rq=0 selects", or "".
  std::string other_message_with(const Fields& fields, std::string_view field) const {
    if (current_def_ == nullptr || fields.owner() != current_def_->id) return {};  // list elements: no
    for (const LayerDef* other : registry_.layers_named(current_def_->name_for_craft())) {
      if (other == current_def_) continue;
      const auto& defs = other->fields;
      const bool has = std::any_of(defs.begin(), defs.end(), [&](const FieldDef& f) {
        return f.kind != FieldKind::Payload && (f.name == field || (!f.alias.empty() && f.alias == field));
      });
      if (!has) continue;
      std::string selector;
      if (below_ != nullptr && !below_->layers.empty()) {
        const DispatchDef& next = below_->layers.back().def().next;
        if (const Key* key = registry_.key_of(next.table, *other)) {
          for (std::uint8_t k = 0; k < key->count; ++k) {
            const std::string_view part = next.key[k];
            if (part.empty() || part.find('.') != std::string_view::npos) continue;
            // Only the values given that point elsewhere: unset ones are derived from this layer.
            const auto given = below_->layers.back().get(part);
            if (!given || *given == key->parts[k]) continue;
            selector += fmt::format("{}{}={}", selector.empty() ? "" : ",", part, key->parts[k]);
          }
        }
      }
      return fmt::format(": it belongs to {} ({}){}", other->id, other->heading(),
                         selector.empty() ? std::string()
                                          : fmt::format(", which {}({}) selects",
                                                        below_->layers.back().def().name_for_craft(), selector));
    }
    return {};
  }

  const LayerDef& resolve_layer(const std::string& name, const Frame& frame, std::size_t column) {
    if (const LayerDef* def = craft::resolve_layer(name, frame, registry_)) return *def;
    if (name == kRawLayer.id) return kRawLayer;  // raw(data=...) anywhere
    std::set<std::string> names{"raw"};
    for (const LayerDef* d : registry_.layers()) names.insert(std::string(d->name_for_craft()));
    std::string best = closest_name(name, {names.begin(), names.end()});
    fail(column, fmt::format("unknown layer '{}'{} ('mctpkit layers' lists them)", name,
                             best.empty() ? "" : fmt::format(" (did you mean {}?)", best)));
  }

  std::string_view text_;
  const Registry& registry_;
  std::size_t pos_ = 0;
  const LayerDef* current_def_ = nullptr;
  const Frame* below_ = nullptr;  // the layers parsed so far
};

}  // namespace

std::string_view single_settable_field(const StructDef& element) {
  std::string_view found;
  for (const FieldDef& f : element.fields) {
    if (f.is_reserved || f.is_derived()) continue;
    if (!found.empty()) return {};
    found = f.name;
  }
  return found;
}

const LayerDef* resolve_layer(std::string_view name, const Frame& below, const Registry& registry) {
  std::vector<const LayerDef*> candidates = registry.layers_named(name);
  if (candidates.empty()) return nullptr;
  if (candidates.size() == 1 || below.layers.empty()) return candidates.front();
  // Several layers share the name (request and response): take the one the previous layer's
  // key fields, as far as they are set, point at.
  const Layer& lower = below.layers.back();
  const DispatchDef& next = lower.def().next;
  for (const LayerDef* candidate : candidates) {
    const Key* key = registry.key_of(next.table, *candidate);
    if (key == nullptr) continue;
    bool matches = true;
    for (std::uint8_t k = 0; k < key->count; ++k) {
      std::string_view field = next.key[k];
      if (field.empty() || field.find('.') != std::string_view::npos) continue;
      if (auto v = lower.get(field); v && *v != key->parts[k]) matches = false;
    }
    if (matches) return candidate;
  }
  return candidates.front();
}

std::string format_error(const ExpressionError& error, std::string_view text) {
  return fmt::format("{}\n  {}\n  {}^", error.message, text, std::string(error.column - 1, ' '));
}

std::variant<Frame, ExpressionError> parse_expression(std::string_view text, const Registry& registry) {
  try {
    Frame frame = Parser(text, registry).parse();
    complete_message(frame, registry);
    return frame;
  } catch (const Failure& f) {
    return f.error;
  }
}

}  // namespace mctpkit::craft
