#include "exerciser/detail/spec_reader.hpp"

#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace mctpkit::exerciser::detail {

SpecReader::SpecReader(const Spec& spec, std::initializer_list<std::string_view> keys) : spec_(spec) {
  for (const auto& [key, value] : spec.options) {
    bool known = false;
    for (std::string_view k : keys) known = known || k == key;
    if (!known) {
      std::string list;
      for (std::string_view k : keys) {
        if (!list.empty()) list += ", ";
        list += k;
      }
      throw std::invalid_argument(spec.name + ": unknown option '" + key + "' (options: " + list + ")");
    }
  }
}

std::optional<std::string> SpecReader::main_or(std::string_view key) const {
  if (!spec_.main.empty()) {
    if (spec_.get(key)) throw std::invalid_argument(spec_.name + ": " + std::string(key) + " is given twice");
    return spec_.main;
  }
  return spec_.get(key);
}

std::optional<std::uint64_t> SpecReader::number(std::string_view key, std::uint64_t min, std::uint64_t max) const {
  std::optional<std::string> text = spec_.get(key);
  if (!text) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const unsigned long long n = std::strtoull(text->c_str(), &end, 0);
  if (text->empty() || (*text)[0] == '-' || errno != 0 || *end != '\0' || n < min || n > max) {
    throw std::invalid_argument(spec_.name + ": " + std::string(key) + "=" + *text + " is not a number from " +
                                std::to_string(min) + " to " + std::to_string(max));
  }
  return n;
}

std::uint64_t SpecReader::number(std::string_view key, std::uint64_t fallback, std::uint64_t min, std::uint64_t max) const {
  return number(key, min, max).value_or(fallback);
}

std::string SpecReader::choice(std::string_view key, std::string_view fallback,
                               std::initializer_list<std::string_view> choices) const {
  std::string value = spec_.get(key).value_or(std::string(fallback));
  std::string list;
  for (std::string_view c : choices) {
    if (c == value) return value;
    if (!list.empty()) list += ", ";
    list += c;
  }
  throw std::invalid_argument(spec_.name + ": " + std::string(key) + "=" + value + " is not one of " + list);
}

std::string SpecReader::text(std::string_view key, std::string_view fallback) const {
  return spec_.get(key).value_or(std::string(fallback));
}

}  // namespace mctpkit::exerciser::detail
