#include "mctpkit/core/fields.hpp"

#include <array>
#include <atomic>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "core/detail/fibonacci_slot.hpp"
#include "core/detail/field_walk.hpp"
#include "core/detail/value_reset.hpp"

namespace mctpkit {

FieldArg::FieldArg(std::uint64_t v) : value(v) {}
FieldArg::FieldArg(int v) : FieldArg(static_cast<long long>(v)) {}
FieldArg::FieldArg(unsigned v) : value(static_cast<std::uint64_t>(v)) {}
FieldArg::FieldArg(long v) : FieldArg(static_cast<long long>(v)) {}
FieldArg::FieldArg(long long v) {
  if (v < 0) {
    value = static_cast<std::int64_t>(v);
  } else {
    value = static_cast<std::uint64_t>(v);
  }
}
FieldArg::FieldArg(double v) : value(v) {}
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

namespace {

// Field names are short and a table holds few of them: a byte loop that stops at the first
// difference (after the sizes) is cheaper than a call to memcmp for each field.
// The same text is often the same characters: identical string literals are merged when the
// library is linked, so a name looked up in code usually points at the declaration's own.
inline bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.data() == b.data()) return true;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

bool has_name(const FieldDef& def, std::string_view name) {
  return same_name(def.name, name) || (!def.alias.empty() && same_name(def.alias, name));
}

// Where names were found last. Code looks up the same few names in the same few tables packet
// after packet (summaries, predicates, dispatch keys), each name usually from one string in the
// program: a slot chosen by the table and the name's address remembers the declaration found,
// and a lookup that finds there a declaration of its table with its name is done without
// scanning. A slot holds a single pointer to an immutable declaration and the caller checks every
// hit, so threads sharing the slots, or two names sharing a slot, can only cause a scan.
class LookupMemo {
 public:
  // What was found last for `name` in `defs` or in a table sharing its slot (maybe nothing).
  const FieldDef* recall(std::span<const FieldDef> defs, std::string_view name) const {
    return slot(defs, name).load(std::memory_order_relaxed);
  }
  void remember(std::span<const FieldDef> defs, std::string_view name, const FieldDef* def) {
    slot(defs, name).store(def, std::memory_order_relaxed);
  }

 private:
  std::atomic<const FieldDef*>& slot(std::span<const FieldDef> defs, std::string_view name) const {
    const auto key = reinterpret_cast<std::uintptr_t>(defs.data()) * 31 + reinterpret_cast<std::uintptr_t>(name.data());
    return slots_[detail::fibonacci_slot(key, kBits)];
  }
  static constexpr unsigned kBits = 10;
  mutable std::array<std::atomic<const FieldDef*>, std::size_t{1} << kBits> slots_{};
};

LookupMemo& lookup_memo() {
  static LookupMemo memo;
  return memo;
}

}  // namespace

std::size_t Fields::index_of(std::string_view name) const {
  LookupMemo& memo = lookup_memo();
  // A remembered declaration is read only once it is known to be one of this table's.
  if (const std::size_t i = index_within(memo.recall(defs_, name)); i != npos && has_name(defs_[i], name)) return i;
  for (std::size_t i = 0; i < defs_.size(); ++i) {
    if (has_name(defs_[i], name)) {
      memo.remember(defs_, name, &defs_[i]);
      return i;
    }
  }
  return npos;
}

void detail::give_items(FieldValue& v, std::vector<Fields>* spare_items) {
  if (spare_items != nullptr) {
    for (Fields& item : v.items) spare_items->push_back(std::move(item));
  }
  v.items.clear();
}

void Fields::reset(std::span<const FieldDef> defs, std::string_view owner, std::vector<Fields>* spare_items) {
  defs_ = defs;
  owner_ = owner;
  struct_def_ = nullptr;
  // The elements of lists past the new end are given too, not freed with their values.
  for (std::size_t i = defs.size(); i < values_.size(); ++i) {
    if (!values_[i].items.empty()) detail::give_items(values_[i], spare_items);
  }
  values_.resize(defs.size());
  for (FieldValue& v : values_) detail::clear_value(v, spare_items);
}

bool Fields::has(std::string_view name) const { return is_set_at(index_of(name)); }

std::size_t Fields::find_and_remember(const FieldHandle& field) const {
  const std::size_t i = index_of(field.name_);
  if (i != npos) field.found_.store(&defs_[i], std::memory_order_relaxed);
  return i;
}

namespace {

// A copy of `from` in the storage `to` has: its elements are assigned to, not made anew.
void assign_items(std::vector<Fields>& to, const std::vector<Fields>& from) {
  if (to.size() > from.size()) to.erase(to.begin() + static_cast<std::ptrdiff_t>(from.size()), to.end());
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (i < to.size()) {
      to[i].assign(from[i]);
    } else {
      to.push_back(from[i]);
    }
  }
}

}  // namespace

void Fields::assign(const Fields& other) {
  if (this == &other) return;
  defs_ = other.defs_;
  owner_ = other.owner_;
  struct_def_ = other.struct_def_;
  values_.resize(other.values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i) {
    FieldValue& to = values_[i];
    const FieldValue& from = other.values_[i];
    to.state = from.state;
    to.number = from.number;
    to.numeric = from.numeric;
    to.cut = from.cut;
    // Most values are numbers: their byte strings and lists are empty on both sides.
    if (!from.bytes.empty() || !to.bytes.empty()) to.bytes.assign(from.bytes.begin(), from.bytes.end());
    if (!from.items.empty() || !to.items.empty()) assign_items(to.items, from.items);
  }
}

std::uint64_t Fields::num(std::string_view name) const { return number_at(index_of(name)); }

std::optional<std::uint64_t> Fields::get(std::string_view name) const { return set_number_at(index_of(name)); }

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

std::uint64_t max_value(const FieldDef& def) { return detail::max_value_inline(def); }

Numeric numeric_of(const FieldDef& def, const Fields& owner) { return detail::numeric_of_inline(def, owner); }

std::int64_t sign_extend(const FieldDef& def, std::uint64_t bits) {
  const unsigned bit_count = def.kind == FieldKind::Bits ? def.width : 8u * def.width;
  if (bit_count == 0 || bit_count >= 64) return static_cast<std::int64_t>(bits);
  const std::uint64_t sign = std::uint64_t{1} << (bit_count - 1);
  bits &= max_value(def);
  return (bits & sign) ? static_cast<std::int64_t>(bits | ~max_value(def)) : static_cast<std::int64_t>(bits);
}

double real32_from_bits(std::uint64_t bits) {
  return static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(bits)));
}

std::string number_text(const FieldDef& def, const FieldValue& value) {
  const std::uint64_t n = value.is_set() ? value.number : def.default_value;
  switch (value.numeric) {
    case Numeric::Signed: return fmt::format("{}", sign_extend(def, n));
    case Numeric::Real32: return fmt::format("{}", static_cast<float>(real32_from_bits(n)));
    case Numeric::Unsigned: break;
  }
  return fmt::format("{}", n);
}

namespace {

// The value of a number given in decimal (possibly negative) for `def`. Signed fields take their
// signed range, unsigned fields their unsigned range, and fields whose signedness a size code
// decides take either; `raw_bits` (hex or binary spelling) is any bit pattern of the width.
std::variant<FieldValue, std::string> number_value(const FieldDef& def, long double n, const std::string& text,
                                                   bool raw_bits) {
  const unsigned bit_count = def.kind == FieldKind::Bits ? def.width : 8u * def.width;
  const long double unsigned_max = static_cast<long double>(max_value(def));
  const long double signed_min = bit_count >= 64 ? -9223372036854775808.0L : -std::ldexp(1.0L, static_cast<int>(bit_count) - 1);
  const long double signed_max = -signed_min - 1;
  const bool may_be_signed = def.numeric == Numeric::Signed || def.numeric_by != nullptr;
  const bool may_be_unsigned = def.numeric != Numeric::Signed || raw_bits;
  const bool fits = (may_be_unsigned && n >= 0 && n <= unsigned_max) || (may_be_signed && n >= signed_min && n <= signed_max);
  if (!fits) {
    if (n < 0 && !may_be_signed) return fmt::format("{} is negative, but the field is unsigned", text);
    if (def.numeric == Numeric::Signed) {
      return fmt::format("{} is out of range for a signed {}-bit field ({}..{})", text, bit_count,
                         static_cast<long long>(signed_min), static_cast<long long>(signed_max));
    }
    if (may_be_signed) {
      return fmt::format("{} is out of range for a {}-bit field ({}..{})", text, bit_count,
                         static_cast<long long>(signed_min), max_value(def));
    }
    const std::string unit = def.kind == FieldKind::Bits ? (def.width == 1 ? "bit" : "bits") : (def.width == 1 ? "byte" : "bytes");
    return fmt::format("value {} does not fit in {} {}", text, def.width, unit);
  }
  FieldValue v;
  v.state = FieldValue::State::Set;
  if (n < 0) {
    v.number = static_cast<std::uint64_t>(static_cast<std::int64_t>(n)) & max_value(def);
    v.numeric = Numeric::Signed;
  } else {
    v.number = static_cast<std::uint64_t>(n);
  }
  return v;
}

// A real number for a real32 field (or one whose size code may select real32).
std::variant<FieldValue, std::string> real_value(const FieldDef& def, double real, const std::string& text) {
  const bool may_be_real = (def.numeric == Numeric::Real32 || def.numeric_by != nullptr) && def.kind == FieldKind::UInt &&
                           def.width == 4;
  if (!may_be_real) return fmt::format("{} is not a whole number, and the field holds integers", text);
  if (std::isfinite(real) && std::fabs(real) > static_cast<double>(std::numeric_limits<float>::max())) {
    return fmt::format("{} is out of range for a real32 field", text);
  }
  FieldValue v;
  v.state = FieldValue::State::Set;
  v.number = std::bit_cast<std::uint32_t>(static_cast<float>(real));
  v.numeric = Numeric::Real32;
  return v;
}

}  // namespace

Fields& Fields::set(std::string_view name, const FieldArg& arg) {
  std::size_t i = require(name);
  const FieldDef& def = defs_[i];
  const bool is_number_field = def.kind == FieldKind::UInt || def.kind == FieldKind::Bits;
  auto fail = [&](std::string_view why) {
    throw std::invalid_argument(fmt::format("{}.{}: {}", owner_, name, why));
  };
  // The meaning the value's bits get: what the declaration (or its size code, as set so far) says.
  const Numeric numeric = is_number_field ? numeric_of(def, *this) : Numeric::Unsigned;
  FieldValue v;
  std::variant<FieldValue, std::string> parsed;
  if (const auto* text = std::get_if<std::string>(&arg.value)) {
    parsed = parse_field_text(def, *text);
  } else if (const auto* n = std::get_if<std::uint64_t>(&arg.value)) {
    if (!is_number_field) fail("takes bytes, not a number");
    parsed = number_value(def, static_cast<long double>(*n), fmt::format("{}", *n), false);
  } else if (const auto* neg = std::get_if<std::int64_t>(&arg.value)) {
    if (!is_number_field) fail("takes bytes, not a number");
    parsed = number_value(def, static_cast<long double>(*neg), fmt::format("{}", *neg), false);
  } else if (const auto* real = std::get_if<double>(&arg.value)) {
    if (!is_number_field) fail("takes bytes, not a number");
    parsed = real_value(def, *real, fmt::format("{}", *real));
  } else if (const auto* b = std::get_if<Bytes>(&arg.value)) {
    if (def.kind != FieldKind::Bytes) fail("is not a byte string");
    FieldValue bytes_value;
    bytes_value.bytes = *b;
    parsed = std::move(bytes_value);
  } else {
    if (def.kind != FieldKind::List) fail("is not a list");
    FieldValue list_value;
    list_value.items = std::get<std::vector<Fields>>(arg.value);
    parsed = std::move(list_value);
  }
  if (auto* err = std::get_if<std::string>(&parsed)) fail(*err);
  v = std::get<FieldValue>(std::move(parsed));
  if (is_number_field && v.numeric == Numeric::Unsigned) v.numeric = numeric;
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

// A decimal number with a fraction or an exponent ("1.5", "-2e3", "inf").
std::optional<double> parse_real(std::string_view text) {
  if (text.find_first_of(".eEiInN") == std::string_view::npos) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
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
  const bool raw_bits = text.size() > 2 && text[0] == '0' && std::isalpha(static_cast<unsigned char>(text[1]));
  if (auto n = parse_number(text)) return number_value(def, static_cast<long double>(*n), std::string(text), raw_bits);
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
  // Negative and real numbers come after the names, which may look like them ("1.0").
  if (text.size() > 1 && text[0] == '-') {
    if (auto n = parse_number(text.substr(1))) return number_value(def, -static_cast<long double>(*n), std::string(text), false);
  }
  if (auto real = parse_real(text)) return real_value(def, *real, std::string(text));
  if (!def.enums.empty()) {
    return fmt::format("'{}' is neither a number nor a name; names are: {}", text, enum_choices(def));
  }
  return fmt::format("'{}' is not a number", text);
}

}  // namespace mctpkit
