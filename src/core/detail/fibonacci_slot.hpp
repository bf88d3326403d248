#pragma once
// Where a hash goes in a table of 2^bits slots: the top bits of the hash times 2^64 divided by
// the golden ratio (Fibonacci hashing). It spreads hashes that differ only in their low bits
// (addresses, small numbers), and costs a multiplication where a prime-sized table divides.

#include <cstddef>
#include <cstdint>

namespace mctpkit::detail {

/// The slot of `hash` among 2^bits slots; 1 <= bits <= 63.
constexpr std::size_t fibonacci_slot(std::uint64_t hash, unsigned bits) {
  return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
}

}  // namespace mctpkit::detail
