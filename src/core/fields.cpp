#include "mctpkit/core/fields.hpp"

#include <cctype>
#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

namespace mctpkit {

FieldArg::FieldArg(std::uint64_t v) : value(v) {}
FieldArg::FieldArg(int v) : value(static_cast<std::uint64_t>(v)) {}
FieldArg::FieldArg(unsigned v) : value(static_cast<std::uint64_t>(v)) {}
FieldArg::FieldArg(long v) : value(static_cast<std::uint64_t>(v)) {}
FieldArg::FieldArg(std::string_view v) : value(std::string(v)) {}
FieldArg::FieldArg(const char* v) : value(std::string(v)) {}
FieldArg::FieldArg(Bytes v) : value(std::move(v)) {}
FieldArg::FieldArg(std::vector<Fields> v) : value(std::move(v)) {}

Fields::Fields(std::span<const FieldDef> defs, std::string_view owner)
    : defs_(defs), owner_(owner), values_(defs.size()) {}

Fields::Fields(const StructDef& def, std::initializer_list<FieldInit> init)
    : Fields(def.fields, def.name) {
  struct_def_ = &def;
  for (const auto& [name, value] : init) set(name, value);
}

std::size_t Fields::index_of(std::string_view name) const {
  for (std::size_t i = 0; i < defs_.size(); ++i) {
    if (defs_[i].name == name || (!defs_[i].alias.empty() && defs_[i].alias == name)) return i;
  }
  return npos;
}

bool Fields::has(std::string_view name) const {
  std::size_t i = index_of(name);
  return i != npos && values_[i].is_set();
}

std::uint64_t Fields::num(std::string_view name) const {
  std::size_t i = index_of(name);
  if (i == npos) return 0;
  return values_[i].is_set() ? values_[i].number : defs_[i].default_value;
}

std::optional<std::uint64_t> Fields::get(std::string_view name) const {
  std::size_t i = index_of(name);
  if (i == npos || !values_[i].is_set()) return std::nullopt;
  return values_[i].number;
}

const Bytes& Fields::bytes(std::string_view name) const {
  static const Bytes kEmpty;
  std::size_t i = index_of(name);
  return i == npos ? kEmpty : values_[i].bytes;
}

const std::vector<Fields>& Fields::items(std::string_view name) const {
  static const std::vector<Fields> kEmpty;
  std::size_t i = index_of(name);
  return i == npos ? kEmpty : values_[i].items;
}

std::string Fields::field_names() const {
  std::string out;
  for (const FieldDef& d : defs_) {
    if (d.kind == FieldKind::Payload) continue;
    if (!out.empty()) out += ", ";
    out += d.name;
  }
  return out;
}

std::size_t Fields::require(std::string_view name) const {
  std::size_t i = index_of(name);
  if (i == npos || defs_[i].kind == FieldKind::Payload) {
    throw std::invalid_argument(
        fmt::format("{} has no field '{}'; its fields are: {}", owner_, name, field_names()));
  }
  return i;
}

std::uint64_t max_value(const FieldDef& def) {
  unsigned bit_count = def.kind == FieldKind::Bits ? def.width : 8u * def.width;
  return bit_count >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bit_count) - 1;
}

Fields& Fields::set(std::string_view name, const FieldArg& arg) {
  std::size_t i = require(name);
  const FieldDef& def = defs_[i];
  FieldValue v;
  if (const auto* text = std::get_if<std::string>(&arg.value)) {
    auto parsed = parse_field_text(def, *text);
    if (auto* err = std::get_if<std::string>(&parsed)) {
      throw std::invalid_argument(fmt::format("{}.{}: {}", owner_, name, *err));
    }
    v = std::get<FieldValue>(std::move(parsed));
  } else if (const auto* n = std::get_if<std::uint64_t>(&arg.value)) {
    if (def.kind == FieldKind::Bytes || def.kind == FieldKind::List) {
      throw std::invalid_argument(fmt::format("{}.{} takes bytes, not a number", owner_, name));
    }
    v.number = *n;
  } else if (const auto* b = std::get_if<Bytes>(&arg.value)) {
    if (def.kind != FieldKind::Bytes) {
      throw std::invalid_argument(fmt::format("{}.{} is not a byte string", owner_, name));
    }
    v.bytes = *b;
  } else {
    if (def.kind != FieldKind::List) {
      throw std::invalid_argument(fmt::format("{}.{} is not a list", owner_, name));
    }
    v.items = std::get<std::vector<Fields>>(arg.value);
  }
  if ((def.kind == FieldKind::UInt || def.kind == FieldKind::Bits) && v.number > max_value(def)) {
    throw std::invalid_argument(fmt::format("{}.{}: value {} does not fit in {} {}", owner_, name, v.number,
                                            def.width, def.kind == FieldKind::Bits ? "bits" : "bytes"));
  }
  v.state = FieldValue::State::Set;
  values_[i] = std::move(v);
  return *this;
}

Fields& Fields::set_absent(std::string_view name) {
  values_[require(name)] = FieldValue{FieldValue::State::Absent, 0, {}, {}};
  return *this;
}

void Fields::set_number(std::size_t index, std::uint64_t v) {
  values_[index].state = FieldValue::State::Set;
  values_[index].number = v;
}

namespace {

std::optional<std::uint64_t> parse_number(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  } else if (text.size() > 2 && text[0] == '0' && (text[1] == 'b' || text[1] == 'B')) {
    base = 2;
    text.remove_prefix(2);
  }
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::optional<Bytes> parse_uuid(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c != '-') digits.push_back(c);
  }
  if (digits.size() != 32) return std::nullopt;
  auto parsed = parse_hex(digits);
  if (!parsed || parsed->size() != 16) return std::nullopt;
  return parsed;
}

std::string enum_choices(const FieldDef& def) {
  std::string out;
  for (const EnumEntry& e : def.enums) {
    if (!out.empty()) out += ", ";
    out += e.name;
  }
  return out;
}

}  // namespace

std::variant<FieldValue, std::string> parse_field_text(const FieldDef& def, std::string_view text) {
  FieldValue v;
  v.state = FieldValue::State::Set;
  switch (def.kind) {
    case FieldKind::Bytes: {
      if (def.display == Display::Uuid) {
        if (auto u = parse_uuid(text)) {
          v.bytes = *u;
          return v;
        }
      }
      if (def.display == Display::Ascii && text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        v.bytes.assign(text.begin() + 1, text.end() - 1);
        return v;
      }
      std::string_view hex = text;
      if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex.remove_prefix(2);
      if (auto b = parse_hex(hex)) {
        v.bytes = *b;
        return v;
      }
      return std::string("expected hex bytes such as 'deadbeef' or '01 02'");
    }
    case FieldKind::List:
      return std::string("lists are given as [elem, elem] in craft expressions");
    case FieldKind::Payload:
      return std::string("the payload is the next layer");
    case FieldKind::UInt:
    case FieldKind::Bits:
      break;
  }
  if (auto n = parse_number(text)) {
    v.number = *n;
    return v;
  }
  if (def.display == Display::Flags) {
    // Flag names joined by '|'.
    std::uint64_t mask = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t bar = text.find('|', start);
      std::string_view part = text.substr(start, bar == std::string_view::npos ? text.npos : bar - start);
      bool found = false;
      for (const EnumEntry& e : def.enums) {
        if (equal_ignoring_case(e.name, part)) {
          mask |= e.value;
          found = true;
        }
      }
      if (!found) return fmt::format("unknown flag '{}'; flags are: {}", part, enum_choices(def));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    v.number = mask;
    return v;
  }
  for (const EnumEntry& e : def.enums) {
    if (equal_ignoring_case(e.name, text)) {
      v.number = e.value;
      return v;
    }
  }
  if (!def.enums.empty()) {
    return fmt::format("'{}' is neither a number nor a name; names are: {}", text, enum_choices(def));
  }
  return fmt::format("'{}' is not a number", text);
}

}  // namespace mctpkit
