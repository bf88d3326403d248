#pragma once
// Bytes from hex text as people paste it: plain hex ("01 0b 0a", "010b0a", "01:0b", "01-0b",
// "0x01, 0x0b"), hex dumps with an offset column and an ASCII gutter (mctpkit's and Scapy's
// hexdump, xxd, hexdump -C, od -A x -t x1), C arrays ({0x01, 0x0b} or decimal {1, 11}), Python
// bytes literals (b'\x01\x0b'), and lines with a kernel log prefix ("[  123.456] mctp: 01 0b").
// A run of hex digits must be whole bytes: "f" or "123" is an error, never a guess.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit {

struct HexTextError {
  std::string message;  // "odd number of hex digits in 'abc'", "not hex: 'zz'"
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in that line

  /// "line 2, column 7: not hex: 'zz'" (the line only when the text has several).
  std::string text(bool with_line) const;
};

std::variant<Bytes, HexTextError> parse_hex_text(std::string_view text);

}  // namespace mctpkit
