#pragma once
// What a registry works out about a layer when the layer is declared or bound, so that decoding
// does not work it out again for every packet: how each field reads, whether any field is a
// checksum, and where the dispatch key is.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "mctpkit/core/field.hpp"

namespace mctpkit {
struct Key;
struct LayerDef;
}  // namespace mctpkit

namespace mctpkit::detail {

struct DispatchTable;  // the registry's table of one dispatch name

// How one field reads. A number of fixed size that is always there and read from the data (most
// header fields) takes a short path; anything else goes through the decoder's full walk.
struct FieldStep {
  enum class Op : std::uint8_t { Walk, BigEndian, LittleEndian, Bits };
  static constexpr std::uint16_t kNoField = 0xFFFF;
  Op op = Op::Walk;
  std::uint8_t width = 0;  // bytes, or bits for Bits
  bool check = false;      // reserved, or with an expected value: compared once read
  Numeric numeric = Numeric::Unsigned;
  std::uint64_t mask = 0;  // the bits of the value
  // A field of the layer's fixed prefix (LayerPlan::prefix_fields): the 8 bytes from byte `at` of
  // the layer (those the data has, zeros after), read most significant first (least first for
  // LittleEndian), shifted right by `shift` and masked.
  std::uint16_t at = 0;
  std::uint8_t shift = 0;
  // A length read from another field (LengthRule::FromField): that field's place, found once
  // (kNoField: not found, or no such length).
  std::uint16_t length_field = kNoField;
};

// What building a layer of a table needs to know of the table.
struct BuildFacts {
  std::size_t payload_index = 0;  // of the Payload marker; the number of fields when there is none
  bool has_stack_defaults = false;  // some field's default is worked out from the stack
  bool has_length_after = false;    // some field is the length of what follows it
};

/// The BuildFacts of a field table.
BuildFacts build_facts(std::span<const FieldDef> defs);

struct LayerPlan {
  // The table the layer's DispatchDef names (null when it names none), and the place of each key
  // field among the layer's own fields (Fields::npos: a field of an earlier layer, "mctp.to").
  const DispatchTable* table = nullptr;
  std::array<std::size_t, 3> key_index{};
  std::vector<FieldStep> steps;  // one per field of the layer's table
  // The fields the layer starts with that are all planned and end on a byte boundary: when the
  // data holds their `prefix_bytes`, each is read at its known place with no check on the way.
  // Reading them takes the layer's first `prefix_reach` bytes (8 from the last one's place), at
  // most kPrefixWindow: data that ends sooner is copied once into a window padded with zeros.
  std::size_t prefix_fields = 0;
  std::size_t prefix_bytes = 0;
  std::size_t prefix_reach = 0;
  static constexpr std::size_t kPrefixWindow = 64;
  bool has_checksums = false;    // some field is verified against the data
  BuildFacts build;
};

/// The key under which `table` binds `def`, or null (Registry::key_of() without the name lookup).
const Key* key_in(const DispatchTable& table, const LayerDef& def);

/// The steps of a field table.
std::vector<FieldStep> plan_fields(std::span<const FieldDef> defs);

/// Places the fixed prefix of `steps` (the plan of a layer's table): sets each prefix field's
/// place, and plan.prefix_fields, prefix_bytes and prefix_reach.
void plan_prefix(LayerPlan& plan);

}  // namespace mctpkit::detail
