#pragma once
// Reads a transport's options from its Spec with one error style: every message names the
// transport and the option. finish() rejects options the transport did not read, so a typo
// (`bitrat=100`) is an error rather than silently ignored.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::detail {

class OptionReader {
 public:
  explicit OptionReader(const Spec& spec) : spec_(spec) {}

  /// The option's text, or nullopt when absent.
  std::optional<std::string> text(std::string_view key);
  /// An unsigned number (decimal or 0x hex) in [min, max]; `fallback` when absent.
  std::uint64_t number(std::string_view key, std::uint64_t fallback, std::uint64_t min, std::uint64_t max);
  std::optional<std::uint64_t> number(std::string_view key, std::uint64_t min, std::uint64_t max);
  /// A 7-bit bus address (0x00..0x7F).
  std::optional<std::uint8_t> address(std::string_view key);
  /// on/off, 1/0, yes/no, true/false.
  bool flag(std::string_view key, bool fallback);
  /// The key-less first item; an error when the transport takes none.
  const std::string& main() const { return spec_.main; }
  /// Throws std::invalid_argument naming the first option nobody read, and the main argument
  /// when `main_allowed` is false and one was given.
  void finish(bool main_allowed = false) const;

  /// std::invalid_argument "NAME: option 'KEY' ...: WHY".
  [[noreturn]] void fail(std::string_view key, std::string_view why) const;

 private:
  const Spec& spec_;
  std::set<std::string, std::less<>> used_;
};

/// Parses an unsigned number written in decimal or with a 0x prefix; nullopt on anything else.
std::optional<std::uint64_t> parse_unsigned(std::string_view text);

}  // namespace mctpkit::exerciser::detail
