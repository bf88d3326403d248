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

namespace mctpkit::detail {

struct DispatchTable;  // the registry's table of one dispatch name

// How one field reads. A number of fixed size that is always there and read from the data (most
// header fields) takes a short path; anything else goes through the decoder's full walk.
struct FieldStep {
  enum class Op : std::uint8_t { Walk, BigEndian, LittleEndian, Bits };
  Op op = Op::Walk;
  std::uint8_t width = 0;  // bytes, or bits for Bits
  bool check = false;      // reserved, or with an expected value: compared once read
  Numeric numeric = Numeric::Unsigned;
  std::uint64_t mask = 0;  // Bits: the bits of the value
};

struct LayerPlan {
  // The table the layer's DispatchDef names (null when it names none), and the place of each key
  // field among the layer's own fields (Fields::npos: a field of an earlier layer, "mctp.to").
  const DispatchTable* table = nullptr;
  std::array<std::size_t, 3> key_index{};
  std::vector<FieldStep> steps;  // one per field of the layer's table
  bool has_checksums = false;    // some field is verified against the data
};

/// The steps of a field table.
std::vector<FieldStep> plan_fields(std::span<const FieldDef> defs);

}  // namespace mctpkit::detail
