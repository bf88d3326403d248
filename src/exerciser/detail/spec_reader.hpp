#pragma once
// Reading a transport's options out of a Spec: numbers with their range, choices, and a clear
// error for a key the transport does not take.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::detail {

class SpecReader {
 public:
  /// `keys`: every option key the transport takes. Throws std::invalid_argument naming an
  /// unknown key and the known ones.
  SpecReader(const Spec& spec, std::initializer_list<std::string_view> keys);

  /// The main argument, or the value of `key` (`serial:/dev/ttyS0` or `serial:dev=/dev/ttyS0`).
  std::optional<std::string> main_or(std::string_view key) const;
  /// A number (decimal, 0x hex) within [min, max]; `fallback` when absent.
  std::uint64_t number(std::string_view key, std::uint64_t fallback, std::uint64_t min, std::uint64_t max) const;
  std::optional<std::uint64_t> number(std::string_view key, std::uint64_t min, std::uint64_t max) const;
  /// One of `choices`; `fallback` when absent.
  std::string choice(std::string_view key, std::string_view fallback, std::initializer_list<std::string_view> choices) const;
  std::string text(std::string_view key, std::string_view fallback) const;

 private:
  const Spec& spec_;
};

}  // namespace mctpkit::exerciser::detail
