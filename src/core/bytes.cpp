#include "mctpkit/core/bytes.hpp"

namespace mctpkit {

std::string to_hex(ByteView data, std::string_view separator) {
  std::string out;
  append_hex(out, data, separator);
  return out;
}

void append_hex(std::string& out, ByteView data, std::string_view separator) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  out.reserve(out.size() + data.size() * (2 + separator.size()));
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (i != 0) out.append(separator);
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 0x0F]);
  }
}

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

namespace {
int hex_digit(char c) { return hex_digit_value(c); }
bool is_separator(char c) { return c == ' ' || c == '\t' || c == ':' || c == ',' || c == '\r' || c == '\n'; }
}  // namespace

std::optional<Bytes> parse_hex(std::string_view text, std::size_t* error_column) {
  Bytes out;
  out.reserve(text.size() / 2);
  std::size_t i = 0;
  auto fail = [&](std::size_t column) -> std::optional<Bytes> {
    if (error_column) *error_column = column;
    return std::nullopt;
  };
  while (i < text.size()) {
    if (is_separator(text[i])) {
      ++i;
      continue;
    }
    // One token: optional 0x prefix, then hex digits up to the next separator.
    std::size_t start = i;
    if (text.size() - i >= 2 && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')) i += 2;
    std::size_t digits_start = i;
    while (i < text.size() && !is_separator(text[i])) {
      if (hex_digit(text[i]) < 0) return fail(i);
      ++i;
    }
    std::size_t n = i - digits_start;
    if (n == 0) return fail(start);
    if (n == 1) {
      out.push_back(static_cast<std::uint8_t>(hex_digit(text[digits_start])));
      continue;
    }
    if (n % 2 != 0) return fail(start);
    for (std::size_t k = digits_start; k < i; k += 2) {
      out.push_back(static_cast<std::uint8_t>(hex_digit(text[k]) << 4 | hex_digit(text[k + 1])));
    }
  }
  return out;
}

}  // namespace mctpkit
