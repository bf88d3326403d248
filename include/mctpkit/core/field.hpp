#pragma once
// Declarative field tables. A layer (or a repeated structure inside one) is described once as an
// array of FieldDef; building, decoding, summaries, the detailed tree, JSON and filters are all
// generic over that array. FieldDefs are built with the constexpr helpers at the end of this file:
//
//   constexpr FieldDef kFields[] = {
//       bits("reserved", 6).reserved(),
//       bits("op", 2).names(kSetEidOps),
//       u8("eid").hex(),
//   };

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit {

class Fields;
struct DeriveContext;
struct StructDef;

enum class FieldKind : std::uint8_t {
  UInt,     // 1 to 8 bytes
  Bits,     // a run of bits; consecutive Bits fields fill whole bytes, most significant bit first
  Bytes,    // a byte string (length: fixed, from another field, or the rest)
  List,     // repeated StructDef records (count: fixed, from another field, or until the end)
  Payload,  // marks where the next layer goes; fields after it are trailer fields
};

enum class Display : std::uint8_t {
  Dec,
  Hex,        // 0x with two digits per byte of width
  HexBytes,   // bytes as spaced hex
  Uuid,       // 16 bytes as 8-4-4-4-12 hex, wire order
  Ascii,      // bytes as text, non-printables escaped
  Version32,  // DMTF BCD version word (MCTP/PLDM ver32): major.minor.update + alpha
  Flags,      // names of the set bits (EnumEntry values are bit masks)
};

/// One name for one value of a field (or, for Display::Flags, for one bit mask).
struct EnumEntry {
  std::uint64_t value;
  std::string_view name;
};

/// How long a Bytes field, a List, or the payload is.
struct LengthRule {
  enum class Kind : std::uint8_t { Rest, Fixed, FromField, Custom };
  Kind kind = Kind::Rest;
  std::int32_t amount = 0;      // Fixed: the size; FromField: added to the field's value
  std::string_view field{};     // FromField: an earlier field of the same structure
  std::size_t (*custom)(const Fields&, std::size_t available) = nullptr;
};

/// How a field's value is worked out when it is left unset at build time.
enum class Derive : std::uint8_t {
  None,
  LengthAfter,  // bytes that follow this field, through the end of the payload (not the trailer)
  CountOf,      // element count of the List named by derive_of
  LengthOf,     // byte length of the Bytes/List field named by derive_of
  Custom,       // derive_fn; with `verify`, also checked on decode (checksums)
};

/// What the bits of a UInt or Bits field mean as a number. Values are stored as their bits;
/// this says how outputs, filters and crafting read and write them.
enum class Numeric : std::uint8_t {
  Unsigned,
  Signed,  // two's complement of the field's width (sint8/16/32)
  Real32,  // IEEE-754 single precision (4-byte fields)
};

using FieldPredicate = bool (*)(const Fields&);
/// The meaning of a value whose type another field selects (a PLDM data size code).
using NumericFn = Numeric (*)(const Fields&);
using DeriveFn = std::uint64_t (*)(const DeriveContext&);

/// The prefix of a copied_from name that reads the request a response answers
/// ("request.nvme_mi.cmd.opcode"; see decode_response).
inline constexpr std::string_view kRequestPrefix = "request.";

struct FieldDef {
  std::string_view name;
  std::string_view alias{};  // a second accepted name (craft expressions, filters)
  // A name this field shares with others of its layer, for filters and field output only: it
  // stands for any of them, as Wireshark's ip.addr stands for source or destination
  // ("mctp.eid == 8" matches either EID). Never a craft name: it would not say which field.
  std::string_view either{};
  FieldKind kind = FieldKind::UInt;
  std::uint8_t width = 1;  // UInt: bytes; Bits: bits
  ByteOrder order = ByteOrder::Big;
  Display display = Display::Dec;
  std::span<const EnumEntry> enums{};
  std::string_view label{};  // text for the detailed tree; the name when empty
  LengthRule length{};
  const StructDef* element = nullptr;
  FieldPredicate present = nullptr;  // conditional field: absent when this returns false
  bool optional_trailer = false;     // decoded only when bytes remain; may be left out on build
  bool warn_if_missing = false;      // an optional trailer the spec requires: absence is a warning
  // Present on decode only when at least / fewer than this many bytes remain at the field (for
  // fields whose size a spec left ambiguous). A `remaining_below` field is built only when set.
  std::uint16_t remaining_at_least = 0;
  std::uint16_t remaining_below = 0;
  bool is_reserved = false;          // a non-zero value is reported
  bool has_expected = false;         // a value other than `expected` is malformed
  std::uint64_t expected = 0;
  Derive derive = Derive::None;
  std::string_view derive_of{};
  DeriveFn derive_fn = nullptr;
  bool verify = false;  // Custom derive is a checksum: recompute and compare on decode
  std::uint64_t default_value = 0;
  // A field that is not on the wire but mirrors a field of an enclosing layer ("mctp.to"), so
  // that this layer's summary, conditions and filters can use it. Declared with zero width.
  std::string_view copy_of{};
  Numeric numeric = Numeric::Unsigned;
  NumericFn numeric_by = nullptr;  // when set, decides `numeric` from the other fields
  // When set, the value an unset field is built with (instead of default_value), worked out from
  // the stack before anything is built: a default that depends on the message, not a value the
  // wire bytes determine (the context's byte views are empty).
  DeriveFn default_by_fn = nullptr;

  constexpr FieldDef hex() const {
    FieldDef f = *this;
    f.display = Display::Hex;
    return f;
  }
  constexpr FieldDef show(Display d) const {
    FieldDef f = *this;
    f.display = d;
    return f;
  }
  constexpr FieldDef little() const {
    FieldDef f = *this;
    f.order = ByteOrder::Little;
    return f;
  }
  constexpr FieldDef names(std::span<const EnumEntry> table) const {
    FieldDef f = *this;
    f.enums = table;
    return f;
  }
  constexpr FieldDef flags(std::span<const EnumEntry> bits_table) const {
    FieldDef f = names(bits_table);
    f.display = Display::Flags;
    return f;
  }
  constexpr FieldDef as_signed() const {
    FieldDef f = *this;
    f.numeric = Numeric::Signed;
    return f;
  }
  constexpr FieldDef as_real32() const {
    FieldDef f = *this;
    f.numeric = Numeric::Real32;
    return f;
  }
  constexpr FieldDef numeric_from(NumericFn fn) const {
    FieldDef f = *this;
    f.numeric_by = fn;
    return f;
  }
  constexpr FieldDef default_by(DeriveFn fn) const {
    FieldDef f = *this;
    f.default_by_fn = fn;
    return f;
  }
  constexpr FieldDef titled(std::string_view text) const {
    FieldDef f = *this;
    f.label = text;
    return f;
  }
  constexpr FieldDef reserved() const {
    FieldDef f = *this;
    f.is_reserved = true;
    return f;
  }
  constexpr FieldDef expect(std::uint64_t value) const {
    FieldDef f = *this;
    f.has_expected = true;
    f.expected = value;
    f.default_value = value;
    return f;
  }
  constexpr FieldDef fallback(std::uint64_t value) const {
    FieldDef f = *this;
    f.default_value = value;
    return f;
  }
  constexpr FieldDef when(FieldPredicate p) const {
    FieldDef f = *this;
    f.present = p;
    return f;
  }
  constexpr FieldDef also(std::string_view other_name) const {
    FieldDef f = *this;
    f.alias = other_name;
    return f;
  }
  constexpr FieldDef or_named(std::string_view shared_name) const {
    FieldDef f = *this;
    f.either = shared_name;
    return f;
  }
  constexpr FieldDef if_remaining_at_least(std::uint16_t n) const {
    FieldDef f = *this;
    f.remaining_at_least = n;
    return f;
  }
  constexpr FieldDef if_remaining_below(std::uint16_t n) const {
    FieldDef f = *this;
    f.remaining_below = n;
    return f;
  }
  constexpr FieldDef copied_from(std::string_view outer_field) const {
    FieldDef f = *this;
    f.copy_of = outer_field;
    f.kind = FieldKind::Bits;
    f.width = 0;
    return f;
  }
  constexpr FieldDef optional() const {
    FieldDef f = *this;
    f.optional_trailer = true;
    return f;
  }
  /// Optional to decode and to build, but required by the specification: absence is reported.
  constexpr FieldDef required_by_spec() const {
    FieldDef f = *this;
    f.optional_trailer = true;
    f.warn_if_missing = true;
    return f;
  }
  constexpr FieldDef length_from(std::string_view field, std::int32_t adjust = 0) const {
    FieldDef f = *this;
    f.length = {LengthRule::Kind::FromField, adjust, field, nullptr};
    return f;
  }
  constexpr FieldDef fixed(std::int32_t n) const {
    FieldDef f = *this;
    f.length = {LengthRule::Kind::Fixed, n, {}, nullptr};
    return f;
  }
  constexpr FieldDef length_by(std::size_t (*fn)(const Fields&, std::size_t)) const {
    FieldDef f = *this;
    f.length = {LengthRule::Kind::Custom, 0, {}, fn};
    return f;
  }
  constexpr FieldDef length_after() const {
    FieldDef f = *this;
    f.derive = Derive::LengthAfter;
    return f;
  }
  constexpr FieldDef count_of(std::string_view list) const {
    FieldDef f = *this;
    f.derive = Derive::CountOf;
    f.derive_of = list;
    return f;
  }
  constexpr FieldDef length_of(std::string_view field) const {
    FieldDef f = *this;
    f.derive = Derive::LengthOf;
    f.derive_of = field;
    return f;
  }
  constexpr FieldDef derived(DeriveFn fn) const {
    FieldDef f = *this;
    f.derive = Derive::Custom;
    f.derive_fn = fn;
    return f;
  }
  constexpr FieldDef checksum(DeriveFn fn) const {
    FieldDef f = derived(fn);
    f.verify = true;
    f.display = Display::Hex;
    return f;
  }

  constexpr std::string_view display_label() const { return label.empty() ? name : label; }
  constexpr bool is_derived() const { return derive != Derive::None; }
};

/// A repeated structure inside a layer (routing-table entries, version entries, PDR records...).
struct StructDef {
  std::string_view name;
  std::span<const FieldDef> fields;
  std::string_view summary{};  // template for one element (see format.hpp)
  std::string_view joiner{", "};
  std::string_view title{};    // tree heading of one element; the name when empty
};

// ---- constexpr helpers to declare fields -------------------------------------------------------
constexpr FieldDef uint_field(std::string_view name, std::uint8_t bytes) {
  FieldDef f;
  f.name = name;
  f.kind = FieldKind::UInt;
  f.width = bytes;
  return f;
}
constexpr FieldDef u8(std::string_view name) { return uint_field(name, 1); }
constexpr FieldDef u16(std::string_view name) { return uint_field(name, 2); }
constexpr FieldDef u24(std::string_view name) { return uint_field(name, 3); }
constexpr FieldDef u32(std::string_view name) { return uint_field(name, 4); }
constexpr FieldDef u64(std::string_view name) { return uint_field(name, 8); }
constexpr FieldDef u16le(std::string_view name) { return u16(name).little(); }
constexpr FieldDef u24le(std::string_view name) { return u24(name).little(); }
constexpr FieldDef u32le(std::string_view name) { return u32(name).little(); }
constexpr FieldDef u64le(std::string_view name) { return u64(name).little(); }
constexpr FieldDef bits(std::string_view name, std::uint8_t count) {
  FieldDef f;
  f.name = name;
  f.kind = FieldKind::Bits;
  f.width = count;
  return f;
}
constexpr FieldDef flag(std::string_view name) { return bits(name, 1); }
/// A byte string; by default it runs to the end of the layer (less any fixed-size fields after it).
constexpr FieldDef bytes(std::string_view name) {
  FieldDef f;
  f.name = name;
  f.kind = FieldKind::Bytes;
  f.display = Display::HexBytes;
  return f;
}
constexpr FieldDef uuid(std::string_view name) { return bytes(name).fixed(16).show(Display::Uuid); }
constexpr FieldDef list(std::string_view name, const StructDef& element) {
  FieldDef f;
  f.name = name;
  f.kind = FieldKind::List;
  f.element = &element;
  return f;
}
/// Where the next layer's bytes go; by default everything up to the fixed-size trailer fields.
constexpr FieldDef payload() {
  FieldDef f;
  f.name = "payload";
  f.kind = FieldKind::Payload;
  return f;
}

}  // namespace mctpkit
