#include "exerciser/detail/option_reader.hpp"

#include <charconv>
#include <stdexcept>

namespace mctpkit::exerciser::detail {

std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    base = 16;
  }
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

void OptionReader::fail(std::string_view key, std::string_view why) const {
  throw std::invalid_argument(spec_.name + ": option '" + std::string(key) + "' " + std::string(why));
}

std::optional<std::string> OptionReader::text(std::string_view key) {
  used_.emplace(key);
  return spec_.get(key);
}

std::optional<std::uint64_t> OptionReader::number(std::string_view key, std::uint64_t min, std::uint64_t max) {
  auto value = text(key);
  if (!value) return std::nullopt;
  auto n = parse_unsigned(*value);
  if (!n || *n < min || *n > max) {
    fail(key, "must be a number from " + std::to_string(min) + " to " + std::to_string(max) + ", not '" + *value + "'");
  }
  return n;
}

std::uint64_t OptionReader::number(std::string_view key, std::uint64_t fallback, std::uint64_t min,
                                   std::uint64_t max) {
  return number(key, min, max).value_or(fallback);
}

std::optional<std::uint8_t> OptionReader::address(std::string_view key) {
  auto value = text(key);
  if (!value) return std::nullopt;
  auto n = parse_unsigned(*value);
  if (!n || *n > 0x7F) fail(key, "must be a 7-bit address (0x00 to 0x7F), not '" + *value + "'");
  return static_cast<std::uint8_t>(*n);
}

bool OptionReader::flag(std::string_view key, bool fallback) {
  auto value = text(key);
  if (!value) return fallback;
  if (*value == "1" || *value == "on" || *value == "yes" || *value == "true") return true;
  if (*value == "0" || *value == "off" || *value == "no" || *value == "false") return false;
  fail(key, "must be on or off, not '" + *value + "'");
}

void OptionReader::finish(bool main_allowed) const {
  if (!main_allowed && !spec_.main.empty()) {
    throw std::invalid_argument(spec_.name + ": unexpected argument '" + spec_.main + "' (options are KEY=VALUE)");
  }
  for (const auto& [key, value] : spec_.options) {
    if (!used_.contains(key)) throw std::invalid_argument(spec_.name + ": unknown option '" + key + "'");
  }
}

}  // namespace mctpkit::exerciser::detail
