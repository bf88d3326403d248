#pragma once
// Sensor and effecter values by PLDM data size code (0 uint8, 1 sint8, 2 uint16, 3 sint16,
// 4 uint32, 5 sint32).

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "mctpkit/endpoint/config.hpp"

namespace mctpkit::endpoint::detail {

/// Smallest and largest value of a data size.
constexpr std::pair<std::int64_t, std::int64_t> value_range(std::uint8_t size) {
  unsigned bits = size <= 1 ? 8 : size <= 3 ? 16 : 32;
  if (size % 2 == 1) return {-(std::int64_t{1} << (bits - 1)), (std::int64_t{1} << (bits - 1)) - 1};
  return {0, (std::int64_t{1} << bits) - 1};
}

/// The value's bytes as the unsigned field of that size holds them (two's complement).
constexpr std::uint64_t to_raw(std::int64_t value, std::uint8_t size) {
  unsigned bits = size <= 1 ? 8 : size <= 3 ? 16 : 32;
  return static_cast<std::uint64_t>(value) & ((std::uint64_t{1} << bits) - 1);
}

/// The value a field of that size holds.
constexpr std::int64_t from_raw(std::uint64_t raw, std::uint8_t size) {
  unsigned bits = size <= 1 ? 8 : size <= 3 ? 16 : 32;
  raw &= (std::uint64_t{1} << bits) - 1;
  if (size % 2 == 1 && (raw >> (bits - 1)) != 0) return static_cast<std::int64_t>(raw) - (std::int64_t{1} << bits);
  return static_cast<std::int64_t>(raw);
}

/// Name of the sized variant of a field: "present_reading" -> "present_reading_16".
inline std::string sized_field(std::string_view name, std::uint8_t size) {
  return std::string(name) + (size <= 1 ? "_8" : size <= 3 ? "_16" : "_32");
}

/// The reading of `change` at `elapsed` since the responder's start (see ChangingReading).
inline std::int64_t reading_at(const ChangingReading& change, std::chrono::milliseconds elapsed) {
  auto step = static_cast<std::uint64_t>(elapsed.count() < 0 ? 0 : elapsed.count() / change.period.count());
  if (!change.points.empty()) return change.points[step % change.points.size()];
  std::int64_t span = change.ramp_to >= change.ramp_from ? change.ramp_to - change.ramp_from : change.ramp_from - change.ramp_to;
  auto count = static_cast<std::uint64_t>(span / change.ramp_step) + 1;
  auto offset = static_cast<std::int64_t>(step % count) * change.ramp_step;
  return change.ramp_to >= change.ramp_from ? change.ramp_from + offset : change.ramp_from - offset;
}

/// The reading one step before `elapsed` (the reading at the start during the first step).
inline std::int64_t previous_reading_at(const ChangingReading& change, std::chrono::milliseconds elapsed) {
  return reading_at(change, elapsed >= change.period ? elapsed - change.period : elapsed);
}

}  // namespace mctpkit::endpoint::detail
