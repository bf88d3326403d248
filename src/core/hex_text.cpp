#include "mctpkit/core/hex_text.hpp"

#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <vector>

namespace mctpkit {

namespace {

int hex_digit(char c) { return hex_digit_value(c); }

bool all_hex(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (hex_digit(c) < 0) return false;
  }
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_separator(char c) { return is_space(c) || c == ',' || c == ':' || c == '-' || c == ';'; }

struct Failure {
  HexTextError error;
};

[[noreturn]] void fail(std::size_t line, std::size_t column, std::string message) {
  throw Failure{{std::move(message), line, column}};
}

std::string shown(std::string_view s) { return std::string(s.substr(0, 16)); }

// Python bytes literals: b'..' or b"..", possibly several, with \xHH and the usual escapes.
Bytes python_bytes(std::string_view text) {
  Bytes out;
  std::size_t i = 0;
  bool found = false;
  while ((i = text.find_first_of("bB", i)) != std::string_view::npos) {
    if (i + 1 >= text.size() || (text[i + 1] != '\'' && text[i + 1] != '"')) {
      ++i;
      continue;
    }
    found = true;
    const char quote = text[i + 1];
    std::size_t k = i + 2;
    for (; k < text.size() && text[k] != quote; ++k) {
      char c = text[k];
      if (c != '\\') {
        out.push_back(static_cast<std::uint8_t>(c));
        continue;
      }
      if (++k >= text.size()) fail(1, k, "a bytes literal ends in '\\'");
      switch (text[k]) {
        case 'x': {
          if (k + 2 >= text.size() || hex_digit(text[k + 1]) < 0 || hex_digit(text[k + 2]) < 0) {
            fail(1, k, "'\\x' needs two hex digits");
          }
          out.push_back(static_cast<std::uint8_t>(hex_digit(text[k + 1]) << 4 | hex_digit(text[k + 2])));
          k += 2;
          break;
        }
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case '0': out.push_back(0); break;
        default: out.push_back(static_cast<std::uint8_t>(text[k])); break;
      }
    }
    if (k >= text.size()) fail(1, i + 1, "unterminated bytes literal");
    i = k + 1;
  }
  if (!found) fail(1, 1, "no bytes literal");
  return out;
}

// C arrays: the text between the braces, 0x-prefixed hex or decimal numbers as in C.
Bytes c_array(std::string_view text) {
  const std::size_t open = text.find('{');
  const std::size_t close = text.find('}', open);
  if (close == std::string_view::npos) fail(1, open + 1, "'{' without its '}'");
  Bytes out;
  std::size_t i = open + 1;
  while (i < close) {
    if (is_space(text[i]) || text[i] == '\n' || text[i] == ',') {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < close && !is_space(text[i]) && text[i] != '\n' && text[i] != ',') ++i;
    std::string_view token = text.substr(start, i - start);
    unsigned value = 0;
    bool hex = token.size() > 2 && token[0] == '0' && (token[1] == 'x' || token[1] == 'X');
    std::string_view digits = hex ? token.substr(2) : token;
    for (char c : digits) {
      int d = hex ? hex_digit(c) : (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : -1);
      if (d < 0 || value > 255) fail(1, start + 1, fmt::format("not a byte in the array: '{}'", shown(token)));
      value = value * (hex ? 16u : 10u) + static_cast<unsigned>(d);
    }
    if (digits.empty() || value > 255) fail(1, start + 1, fmt::format("not a byte in the array: '{}'", shown(token)));
    out.push_back(static_cast<std::uint8_t>(value));
  }
  return out;
}

// The offset column of a hex dump line: "0010:" (xxd, tcpdump's "0x0010:"), "0010  " (mctpkit,
// Scapy, hexdump -C), or od's offset and one space. Returns where the bytes start, or nullopt.
std::optional<std::size_t> offset_column(std::string_view line, bool od) {
  std::size_t i = 0;
  while (i < line.size() && is_space(line[i])) ++i;
  if (line.substr(i, 2) == "0x" || line.substr(i, 2) == "0X") i += 2;
  const std::size_t digits = i;
  while (i < line.size() && hex_digit(line[i]) >= 0) ++i;
  const std::size_t n = i - digits;
  if (n < 4 || n > 8) return std::nullopt;
  if (i < line.size() && line[i] == ':') return i + 1;
  if (line.substr(i, 2) == "  " && i + 2 < line.size()) return i + 2;
  if (od && i < line.size() && is_space(line[i])) return i + 1;
  return std::nullopt;
}

// od starts its dump at offset zero written with 6 or 7 digits and one space.
bool starts_od_dump(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == '0') ++i;
  return (i == 6 || i == 7) && i < line.size() && line[i] == ' ';
}

// Hex tokens of `text` (one line) appended to `out`.
void hex_tokens(std::string_view text, std::size_t line, std::size_t column_base, Bytes& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_separator(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && !is_separator(text[i])) ++i;
    std::string_view token = text.substr(start, i - start);
    if (token.size() > 2 && token[0] == '0' && (token[1] == 'x' || token[1] == 'X')) token.remove_prefix(2);
    if (!all_hex(token)) fail(line, column_base + start + 1, fmt::format("not hex: '{}'", shown(text.substr(start))));
    if (token.size() % 2 != 0) {
      fail(line, column_base + start + 1,
           fmt::format("odd number of hex digits in '{}' (give whole bytes, two digits each)", shown(token)));
    }
    for (std::size_t k = 0; k < token.size(); k += 2) {
      out.push_back(static_cast<std::uint8_t>(hex_digit(token[k]) << 4 | hex_digit(token[k + 1])));
    }
  }
}

// Where a line's content starts after a kernel log prefix "[  123.456] " and its label ("mctp: ").
std::size_t after_log_prefix(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_space(line[i])) ++i;
  if (i >= line.size() || line[i] != '[') return 0;
  const std::size_t close = line.find(']', i);
  if (close == std::string_view::npos) return 0;
  std::size_t from = close + 1, k = from;
  while (k < line.size() && is_space(line[k])) ++k;
  const std::size_t word = k;
  while (k < line.size() && !is_space(line[k]) && line[k] != ':') ++k;
  if (k < line.size() && line[k] == ':' && k > word && !all_hex(line.substr(word, k - word))) from = k + 1;
  return from;
}

bool blank(std::string_view s) {
  for (char c : s) {
    if (!is_space(c)) return false;
  }
  return true;
}

// One line of a hex dump: the offset column, then the bytes, then the ASCII gutter.
void dump_line(std::string_view line, std::size_t number, bool od, Bytes& out) {
  std::size_t base = after_log_prefix(line);
  std::string_view rest = line.substr(base);
  if (std::size_t bar = rest.find('|'); bar != std::string_view::npos) rest = rest.substr(0, bar);  // hexdump -C
  auto bytes_at = offset_column(rest, od);
  if (!bytes_at) {
    // The dump's last line holds only the offset where it ends.
    std::size_t i = 0;
    while (i < rest.size() && is_space(rest[i])) ++i;
    std::size_t k = i;
    while (k < rest.size() && !is_space(rest[k])) ++k;
    if (blank(rest.substr(k))) return;
    fail(number, base + 1, fmt::format("expected the offset column of a hex dump: '{}'", shown(rest)));
  }
  rest = rest.substr(*bytes_at);
  base += *bytes_at;
  // The ASCII gutter: the last part after two spaces, when it is as long as the bytes before it
  // or is not hex.
  const std::size_t gap = rest.rfind("  ");
  if (gap != std::string_view::npos) {
    std::string_view gutter = rest.substr(gap + 2);
    while (!gutter.empty() && is_space(gutter.front())) gutter.remove_prefix(1);
    Bytes before;
    try {
      hex_tokens(rest.substr(0, gap), number, base, before);
    } catch (const Failure&) {
      before.clear();
    }
    if (!gutter.empty() && (gutter.size() == before.size() || !all_hex(gutter))) rest = rest.substr(0, gap);
  }
  hex_tokens(rest, number, base, out);
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string HexTextError::text(bool with_line) const {
  if (with_line) return fmt::format("line {}, column {}: {}", line, column, message);
  return fmt::format("column {}: {}", column, message);
}

std::variant<Bytes, HexTextError> parse_hex_text(std::string_view text) {
  try {
    if (text.find("b'") != std::string_view::npos || text.find("b\"") != std::string_view::npos) {
      return python_bytes(text);
    }
    if (text.find('{') != std::string_view::npos) return c_array(text);
    const std::vector<std::string_view> lines = lines_of(text);
    // A hex dump is recognized by its first line's offset column.
    std::optional<bool> od;
    for (std::string_view line : lines) {
      if (blank(line)) continue;
      std::string_view content = line.substr(after_log_prefix(line));
      if (starts_od_dump(content)) {
        od = true;
      } else if (offset_column(content.substr(0, content.find('|')), false)) {
        od = false;
      }
      break;
    }
    Bytes out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (blank(lines[i])) continue;
      if (od) {
        dump_line(lines[i], i + 1, *od, out);
      } else {
        const std::size_t from = after_log_prefix(lines[i]);
        hex_tokens(lines[i].substr(from), i + 1, from, out);
      }
    }
    return out;
  } catch (const Failure& f) {
    return f.error;
  }
}

}  // namespace mctpkit
