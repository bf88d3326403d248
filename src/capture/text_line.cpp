#include "text_line.hpp"

#include <fmt/format.h>
#include <pcap/pcap.h>

#include <array>

#include "mctpkit/capture/link_types.hpp"

namespace mctpkit::capture::detail {

namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Each character's value as a hex digit; kNotHex for any other character. A table, not tests of
// ranges: a dump's every character is looked up.
constexpr std::uint8_t kNotHex = 0xFF;
constexpr std::array<std::uint8_t, 256> kHexDigits = [] {
  std::array<std::uint8_t, 256> table{};
  table.fill(kNotHex);
  for (int c = 0; c < 10; ++c) table['0' + c] = static_cast<std::uint8_t>(c);
  for (int c = 0; c < 6; ++c) {
    table['a' + c] = static_cast<std::uint8_t>(10 + c);
    table['A' + c] = static_cast<std::uint8_t>(10 + c);
  }
  return table;
}();

std::uint8_t digit_of(char c) { return kHexDigits[static_cast<unsigned char>(c)]; }

int hex_value(char c) {
  const std::uint8_t v = digit_of(c);
  return v == kNotHex ? -1 : v;
}

// Consumes `count` digits from the front of `text`, at most eighteen (which always fit).
bool take_digits(std::string_view& text, std::size_t count, std::int64_t& value) {
  if (text.size() < count || count > 18) return false;
  value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!is_digit(text[i])) return false;
    value = value * 10 + (text[i] - '0');
  }
  text.remove_prefix(count);
  return true;
}

std::size_t count_digits(std::string_view text) {
  std::size_t n = 0;
  while (n < text.size() && is_digit(text[n])) ++n;
  return n;
}

// Consumes the digits at the front of `text`, whose value is not needed; false when there is none.
bool skip_digits(std::string_view& text) {
  const std::size_t n = count_digits(text);
  text.remove_prefix(n);
  return n > 0;
}

bool take_char(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

bool ends_token(std::string_view rest) { return rest.empty() || is_blank(rest.front()); }

// Fraction of a second with 6 to 9 digits, as nanoseconds.
bool take_fraction(std::string_view& text, std::int64_t& ns) {
  std::size_t digits = count_digits(text);
  if (digits < 6 || digits > 9) return false;
  std::int64_t value = 0;
  take_digits(text, digits, value);
  for (std::size_t i = digits; i < 9; ++i) value *= 10;
  ns = value;
  return true;
}

// The next blank-separated word of `text`, consumed with the blanks after it.
std::string_view take_word(std::string_view& text) {
  std::size_t end = 0;
  while (end < text.size() && !is_blank(text[end])) ++end;
  std::string_view word = text.substr(0, end);
  text.remove_prefix(end);
  return word;
}

// After a log time stamp: "[host ]ident[pid]: " (one blank after the colon is part of it).
std::string_view strip_origin(std::string_view original, std::string_view rest) {
  if (!take_char(rest, ' ')) return original;
  for (int word_index = 0; word_index < 2; ++word_index) {
    std::string_view word = take_word(rest);
    if (word.empty()) return original;
    if (word.back() == ':') {
      take_char(rest, ' ');
      return rest;
    }
    if (!take_char(rest, ' ')) return original;
  }
  return original;
}

// "2026-01-01T00:00:00[.ffffff][Z|+00:00|+0000]"
bool take_iso_stamp(std::string_view& text) {
  std::int64_t v = 0;
  if (!(take_digits(text, 4, v) && take_char(text, '-') && take_digits(text, 2, v) && take_char(text, '-') &&
        take_digits(text, 2, v) && take_char(text, 'T') && take_digits(text, 2, v) && take_char(text, ':') &&
        take_digits(text, 2, v) && take_char(text, ':') && take_digits(text, 2, v))) {
    return false;
  }
  if (take_char(text, '.')) skip_digits(text);
  if (take_char(text, 'Z')) return true;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    text.remove_prefix(1);
    if (!take_digits(text, 2, v)) return false;
    take_char(text, ':');
    return take_digits(text, 2, v);
  }
  return true;
}

// "Jan 01 00:00:00[.ffffff]" (classic syslog and journalctl's default)
bool take_syslog_stamp(std::string_view& text) {
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  // The blank after the month first: every line is asked, and hex and time lines fail here.
  if (text.size() < 4 || text[3] != ' ') return false;
  bool month = false;
  for (std::string_view name : kMonths) month = month || text.substr(0, 3) == name;
  if (!month) return false;
  text.remove_prefix(4);
  if (take_char(text, ' ')) {
    // day of month padded with a blank: "Jan  1"
  }
  std::size_t day_digits = count_digits(text);
  std::int64_t v = 0;
  if (day_digits < 1 || day_digits > 2 || !take_digits(text, day_digits, v) || !take_char(text, ' ')) return false;
  if (!(take_digits(text, 2, v) && take_char(text, ':') && take_digits(text, 2, v) && take_char(text, ':') &&
        take_digits(text, 2, v))) {
    return false;
  }
  if (take_char(text, '.')) skip_digits(text);
  return true;
}

// "[   12.345678]" (journalctl -o short-monotonic)
bool take_monotonic_stamp(std::string_view& text) {
  if (!take_char(text, '[')) return false;
  while (take_char(text, ' ')) {
  }
  return skip_digits(text) && take_char(text, '.') && skip_digits(text) && take_char(text, ']');
}

}  // namespace

std::string_view strip_log_prefix(std::string_view line) {
  std::string_view rest = line;
  if (take_iso_stamp(rest)) return strip_origin(line, rest);
  rest = line;
  if (take_syslog_stamp(rest)) return strip_origin(line, rest);
  rest = line;
  if (take_monotonic_stamp(rest)) return strip_origin(line, rest);
  return line;
}

std::optional<TimeLine> parse_time_line(std::string_view line) {
  TimeLine result;
  std::string_view rest = line;
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
  std::int64_t seconds = 0;
  std::int64_t fraction = 0;

  // -tt: seconds since the epoch. Nine to eleven digits (2001 to 5138) keep other numbers out.
  std::size_t digits = count_digits(rest);
  if (digits >= 9 && digits <= 11 && rest.size() > digits && rest[digits] == '.') {
    std::int64_t epoch = 0;
    take_digits(rest, digits, epoch);
    rest.remove_prefix(1);
    if (!take_fraction(rest, fraction) || !ends_token(rest)) return std::nullopt;
    // Nanoseconds in 64 bits end in the year 2262; eleven digits of seconds go further.
    std::int64_t ns = 0;
    if (__builtin_mul_overflow(epoch, kNanosPerSecond, &ns) || __builtin_add_overflow(ns, fraction, &ns)) {
      result.problem = "time out of range";
      return result;
    }
    result.epoch_ns = ns;
    return result;
  }

  if (digits == 4 && rest.size() >= 11 && rest[4] == '-' && rest[10] == ' ') {
    std::string_view date_text = rest.substr(0, 10);
    rest.remove_prefix(11);
    result.date = parse_civil_date(date_text);
    if (!result.date) result.problem = fmt::format("invalid date '{}'", date_text);
  }
  std::string_view time_text = rest;
  if (!(take_digits(rest, 2, hours) && take_char(rest, ':') && take_digits(rest, 2, minutes) &&
        take_char(rest, ':') && take_digits(rest, 2, seconds) && take_char(rest, '.') &&
        take_fraction(rest, fraction) && ends_token(rest))) {
    return std::nullopt;
  }
  if (hours > 23 || minutes > 59 || seconds > 60) {
    result.problem = fmt::format("invalid time of day '{}'", time_text.substr(0, time_text.size() - rest.size()));
  }
  result.time_of_day_ns = ((hours * 60 + minutes) * 60 + seconds) * kNanosPerSecond + fraction;
  return result;
}

void parse_hex_line(std::string_view line, HexLine& result) {
  result.kind = HexLine::Kind::NotHex;
  result.offset = 0;
  result.bytes.clear();
  result.problem.clear();
  std::string_view rest = line;
  while (!rest.empty() && is_blank(rest.front())) rest.remove_prefix(1);
  if (rest.size() < 3 || rest[0] != '0' || (rest[1] != 'x' && rest[1] != 'X') || hex_value(rest[2]) < 0) {
    return;
  }
  result.kind = HexLine::Kind::Malformed;
  rest.remove_prefix(2);
  std::size_t offset_digits = 0;
  std::size_t offset = 0;
  while (offset_digits < rest.size() && hex_value(rest[offset_digits]) >= 0) {
    offset = offset * 16 + static_cast<std::size_t>(hex_value(rest[offset_digits]));
    ++offset_digits;
  }
  if (offset_digits > 8) {
    result.problem = "offset has more than 8 hex digits";
    return;
  }
  rest.remove_prefix(offset_digits);
  if (!take_char(rest, ':')) {
    result.problem = "no ':' after the offset";
    return;
  }
  result.offset = offset;
  if (rest.empty() || !is_blank(rest.front())) {
    result.problem = "no blank after the offset";
    return;
  }
  while (!rest.empty() && is_blank(rest.front())) rest.remove_prefix(1);

  // Groups of 4 (or a last group of 2) hex digits separated by one blank; two blanks, a tab or
  // the end close the hex part, whatever follows is the ASCII column.
  Bytes& out = result.bytes;
  const char* p = rest.data();
  const char* const end = p + rest.size();
  bool last_group_short = false;
  while (p != end) {
    // Nearly every group is four digits and a blank: read at once. Anything else (a last group
    // of two, one at the end of the line, a fault) takes the general path below.
    if (end - p >= 5 && !last_group_short) {
      const std::uint8_t d0 = digit_of(p[0]), d1 = digit_of(p[1]), d2 = digit_of(p[2]), d3 = digit_of(p[3]);
      if ((d0 | d1 | d2 | d3) < 16 && is_blank(p[4])) {  // kNotHex has bits above the four
        out.push_back(static_cast<std::uint8_t>(d0 << 4 | d1));
        out.push_back(static_cast<std::uint8_t>(d2 << 4 | d3));
        p += 4;
        if (*p == '\t' || end - p == 1 || is_blank(p[1])) break;
        ++p;
        continue;
      }
    }
    const char* group_end = p;
    while (group_end != end && !is_blank(*group_end)) ++group_end;
    const auto length = static_cast<std::size_t>(group_end - p);
    bool valid = (length == 2 || length == 4) && !last_group_short;
    for (std::size_t i = 0; valid && i < length; ++i) valid = digit_of(p[i]) < 16;
    if (!valid) {
      result.problem = fmt::format("bad hex group '{}'", std::string_view(p, length));
      return;
    }
    for (std::size_t i = 0; i < length; i += 2) {
      out.push_back(static_cast<std::uint8_t>(digit_of(p[i]) << 4 | digit_of(p[i + 1])));
    }
    last_group_short = length == 2;
    p = group_end;
    if (p == end || *p == '\t' || end - p == 1 || is_blank(p[1])) break;
    ++p;
  }
  if (out.empty()) {
    result.problem = "no bytes after the offset";
    return;
  }
  result.kind = HexLine::Kind::Hex;
}

std::optional<std::uint32_t> parse_link_type_line(std::string_view line) {
  if (line.substr(0, 18) != "reading from file " && line.substr(0, 13) != "listening on ") return std::nullopt;
  std::size_t at = line.find(", link-type ");
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = line.substr(at + 12);
  std::size_t end = 0;
  while (end < rest.size() && !is_blank(rest[end]) && rest[end] != ',' && rest[end] != '(') ++end;
  std::string name(rest.substr(0, end));
  // Older libpcap names DLT 209 after IPMB; the link is the same Linux I2C pseudo-header.
  if (name == "IPMB_LINUX" || name == "I2C_LINUX") return kDltI2cLinux;
  int value = pcap_datalink_name_to_val(name.c_str());
  return value < 0 ? 0u : static_cast<std::uint32_t>(value);
}

std::optional<std::uint16_t> parse_ethertype(std::string_view line) {
  std::size_t at = line.find("ethertype ");
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t open = line.find("(0x", at);
  // The value follows the protocol's name, which is one word.
  if (open == std::string_view::npos || open > at + 40 || line.size() < open + 8 || line[open + 7] != ')') {
    return std::nullopt;
  }
  unsigned value = 0;
  for (std::size_t i = open + 3; i < open + 7; ++i) {
    int digit = hex_value(line[i]);
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace mctpkit::capture::detail
