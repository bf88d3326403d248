#pragma once
// Numbers appended to text without a format string: the summary functions that run for every
// packet write their few numbers this way.

#include <cstdint>
#include <string>

namespace mctpkit {

/// Appends `value` in `Base` (2 to 16; upper-case digits), at least `min_digits` digits with
/// leading zeros. The base is a constant so that the division compiles to a multiplication.
template <unsigned Base>
void append_number(std::string& out, std::uint64_t value, unsigned min_digits = 1) {
  static_assert(Base >= 2 && Base <= 16);
  char digits[64];
  char* first = digits + sizeof digits;  // written from the end, least significant digit first
  do {
    *--first = "0123456789ABCDEF"[value % Base];
    value /= Base;
  } while (value != 0);
  const auto count = static_cast<unsigned>(digits + sizeof digits - first);
  if (min_digits > count) out.append(min_digits - count, '0');
  out.append(first, count);
}

inline void append_decimal(std::string& out, std::uint64_t value) { append_number<10>(out, value); }

/// Upper-case hex, at least `min_digits` digits: append_hex(out, 0x9, 2) appends "09".
inline void append_hex(std::string& out, std::uint64_t value, unsigned min_digits) {
  append_number<16>(out, value, min_digits);
}

}  // namespace mctpkit
