#pragma once
// The values of one field table (a layer, or one element of a List field).

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "mctpkit/core/bytes.hpp"
#include "mctpkit/core/field.hpp"

namespace mctpkit {

class Fields;

/// One field's value. Unset fields take their default, or are derived, at build time; Absent
/// fields (conditional ones whose condition is false, optional trailers, fields a truncated
/// packet did not reach) are not on the wire at all.
struct FieldValue {
  enum class State : std::uint8_t { Unset, Set, Absent };
  State state = State::Unset;
  std::uint64_t number = 0;
  Bytes bytes;
  std::vector<Fields> items;
  /// How `number` reads (decided from the declaration and, for sized values, the size code).
  Numeric numeric = Numeric::Unsigned;
  /// Decoded in part: the data ended inside this byte string or list (what was received is kept).
  bool cut = false;

  bool is_set() const { return state == State::Set; }
};

/// A value given when crafting: a number, a text (an enum name or anything the field's parser
/// takes), a byte string, or list elements.
// The constructors are defined in the library: a std::variant holding std::vector<Fields> can
// only be built where Fields is complete (clang checks this when the constructor is parsed).
struct FieldArg {
  // Negative numbers are kept as std::int64_t so that signed fields can take them and unsigned
  // fields can refuse them; reals are for real32 fields.
  std::variant<std::uint64_t, std::string, Bytes, std::vector<Fields>, std::int64_t, double> value;
  FieldArg(std::uint64_t v);
  FieldArg(int v);
  FieldArg(unsigned v);
  FieldArg(long v);
  FieldArg(long long v);
  FieldArg(double v);
  FieldArg(std::string_view v);
  FieldArg(const char* v);
  FieldArg(Bytes v);
  FieldArg(std::vector<Fields> v);
};

struct FieldInit {
  std::string_view name;
  FieldArg value;
};

/// A field name for code that looks it up packet after packet (summary functions, predicates):
/// declared once, `static const FieldHandle kSom{"som"};`, it remembers the declaration it was
/// last found at, so that a lookup in the same table is a comparison rather than a search by
/// name. Lookups in other tables still work (they search, and are remembered in turn). The
/// memory is a single pointer to an immutable declaration, so threads may share a handle.
class FieldHandle {
 public:
  constexpr explicit FieldHandle(std::string_view name) noexcept : name_(name) {}
  FieldHandle(const FieldHandle&) = delete;
  FieldHandle& operator=(const FieldHandle&) = delete;
  std::string_view name() const { return name_; }

 private:
  friend class Fields;
  std::string_view name_;
  mutable std::atomic<const FieldDef*> found_{nullptr};
};

/// The place of the field called `name` in a table, worked out by the compiler: for a table's own
/// functions (its summary, its conditions), which read their values by place with num_at() and
/// get_at(). A name the table does not have does not compile.
consteval std::size_t field_index(std::span<const FieldDef> defs, std::string_view name) {
  for (std::size_t i = 0; i < defs.size(); ++i) {
    if (defs[i].name == name) return i;
  }
  throw "field_index: the table has no field of this name";
}

class Fields {
 public:
  Fields(std::span<const FieldDef> defs, std::string_view owner);
  Fields(const StructDef& def, std::initializer_list<FieldInit> init = {});

  std::span<const FieldDef> defs() const { return defs_; }
  std::string_view owner() const { return owner_; }
  const StructDef* struct_def() const { return struct_def_; }

  /// Index of the field called `name`, or npos.
  std::size_t index_of(std::string_view name) const;
  std::size_t index_of(const FieldHandle& field) const {
    const std::size_t i = index_within(field.found_.load(std::memory_order_relaxed));
    return i != npos ? i : find_and_remember(field);
  }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  bool has(std::string_view name) const;
  bool has(const FieldHandle& field) const { return is_set_at(index_of(field)); }
  /// The value when set; the field's default otherwise (0 for unknown names).
  std::uint64_t num(std::string_view name) const;
  std::uint64_t num(const FieldHandle& field) const { return number_at(index_of(field)); }
  std::optional<std::uint64_t> get(std::string_view name) const;
  std::optional<std::uint64_t> get(const FieldHandle& field) const { return set_number_at(index_of(field)); }
  /// num() and get() of the field at `index` (field_index()) of these values' own table.
  std::uint64_t num_at(std::size_t index) const { return number_at(index); }
  std::optional<std::uint64_t> get_at(std::size_t index) const { return set_number_at(index); }
  const Bytes& bytes(std::string_view name) const;
  const std::vector<Fields>& items(std::string_view name) const;

  const FieldValue& value(std::size_t index) const { return values_[index]; }
  FieldValue& value(std::size_t index) { return values_[index]; }
  std::size_t size() const { return values_.size(); }

  /// Crafting: sets a field, checking the name and that the value fits. Throws
  /// std::invalid_argument with a message naming the valid choices.
  Fields& set(std::string_view name, const FieldArg& arg);
  Fields& set_absent(std::string_view name);
  /// Sets by index without checks (decoders).
  void set_number(std::size_t index, std::uint64_t v);
  /// Makes this an empty table of `defs` (every value Unset), keeping the storage it has:
  /// decoders reuse the tables of one packet for the next. List elements are moved to
  /// `spare_items` (when given) for the same reuse.
  void reset(std::span<const FieldDef> defs, std::string_view owner, std::vector<Fields>* spare_items = nullptr);

  /// Makes this a copy of `other`, keeping the storage it has: a table copied over one of the
  /// same shape allocates nothing.
  void assign(const Fields& other);
  /// Comma-separated names of the settable fields (for error messages).
  std::string field_names() const;

 private:
  std::size_t require(std::string_view name) const;
  std::size_t find_and_remember(const FieldHandle& field) const;
  // The place of `def` in this table (a pointer compared by address, never read), or npos.
  std::size_t index_within(const FieldDef* def) const {
    const auto at = reinterpret_cast<std::uintptr_t>(def), begin = reinterpret_cast<std::uintptr_t>(defs_.data());
    return at - begin < defs_.size() * sizeof(FieldDef) ? (at - begin) / sizeof(FieldDef) : npos;
  }
  // The lookups by name and by handle, once the place is known (npos: no such field).
  bool is_set_at(std::size_t i) const { return i != npos && values_[i].is_set(); }
  std::optional<std::uint64_t> set_number_at(std::size_t i) const {
    if (!is_set_at(i)) return std::nullopt;
    return values_[i].number;
  }
  std::uint64_t number_at(std::size_t i) const {
    if (i == npos) return 0;
    return values_[i].is_set() ? values_[i].number : defs_[i].default_value;
  }

  std::span<const FieldDef> defs_;
  std::string_view owner_;
  const StructDef* struct_def_ = nullptr;
  std::vector<FieldValue> values_;
};

/// Parses text into a value for `def` (numbers in any C base, enum names, hex bytes, UUIDs).
/// Returns an error message on failure.
std::variant<FieldValue, std::string> parse_field_text(const FieldDef& def, std::string_view text);

/// Largest value a UInt or Bits field can hold.
std::uint64_t max_value(const FieldDef& def);

/// The meaning of `def`'s bits in `owner`: its declared Numeric, or what its numeric_by says.
Numeric numeric_of(const FieldDef& def, const Fields& owner);

/// `bits` of a field of `def`'s width read as a two's-complement number.
std::int64_t sign_extend(const FieldDef& def, std::uint64_t bits);

/// `bits` read as an IEEE-754 single-precision number.
double real32_from_bits(std::uint64_t bits);

/// A number value as text: decimal (signed values with their sign), or a real32 in the shortest
/// form that reads back to the same bits.
std::string number_text(const FieldDef& def, const FieldValue& value);

}  // namespace mctpkit
