#pragma once
// Byte containers and hex text conversion used throughout mctpkit.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mctpkit {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

enum class ByteOrder : std::uint8_t { Big, Little };

/// The value of a hex digit ('7' -> 7, 'b' -> 11), or -1 for any other character.
int hex_digit_value(char c);

/// Hex text of `data`, two upper-case digits per byte, bytes separated by `separator`.
std::string to_hex(ByteView data, std::string_view separator = " ");
/// The same, appended to `out`.
void append_hex(std::string& out, ByteView data, std::string_view separator = " ");

/// Parses hex text such as "01 0b 0A", "010b0a", "0x01 0x0b" or "01:0b". Whitespace, ':' and
/// ',' separate bytes; a byte is one or two hex digits when separated, two when run together.
/// Returns nullopt (and the offending column in *error_column when given) on anything else.
std::optional<Bytes> parse_hex(std::string_view text, std::size_t* error_column = nullptr);

}  // namespace mctpkit
