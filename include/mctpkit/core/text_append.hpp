#pragma once
// Numbers appended to text without a format string: the summary functions that run for every
// packet write their few numbers this way.

#include <cstdint>
#include <string>

namespace mctpkit {

/// Appends `value` in `base` (2 to 16; upper-case digits), at least `min_digits` digits with
/// leading zeros.
inline void append_number(std::string& out, std::uint64_t value, unsigned base = 10, unsigned min_digits = 1) {
  char digits[64];
  unsigned n = 0;
  do {
    digits[n++] = "0123456789ABCDEF"[value % base];
    value /= base;
  } while (value != 0);
  if (min_digits > n) out.append(min_digits - n, '0');
  while (n > 0) out.push_back(digits[--n]);
}

inline void append_decimal(std::string& out, std::uint64_t value) { append_number(out, value); }

/// Upper-case hex, at least `min_digits` digits: append_hex(out, 0x9, 2) appends "09".
inline void append_hex(std::string& out, std::uint64_t value, unsigned min_digits) {
  append_number(out, value, 16, min_digits);
}

}  // namespace mctpkit
