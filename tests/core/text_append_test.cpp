// Numbers appended without a format string read exactly as the format library writes them.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdint>
#include <string>

#include "mctpkit/core/text_append.hpp"

namespace mctpkit {
namespace {

TEST(TextAppend, DecimalAndHexMatchTheFormatLibrary) {
  const std::uint64_t values[] = {0, 1, 9, 10, 15, 16, 99, 100, 255, 256, 4095, 65535, 0x12345678, 0xFFFFFFFFFFFFFFFFull};
  for (std::uint64_t v : values) {
    std::string out = "<";
    append_decimal(out, v);
    EXPECT_EQ(out, fmt::format("<{}", v));
    for (unsigned digits : {0u, 1u, 2u, 4u, 8u, 16u, 20u}) {
      std::string hex = ">";
      append_hex(hex, v, digits);
      EXPECT_EQ(hex, fmt::format(">{:0{}X}", v, digits)) << v << " " << digits;
    }
  }
}

TEST(TextAppend, OtherBasesAndPadding) {
  std::string out;
  append_number<2>(out, 5, 8);
  out += ' ';
  append_number<8>(out, 64);
  out += ' ';
  append_number<10>(out, 7, 3);
  EXPECT_EQ(out, "00000101 100 007");
}

}  // namespace
}  // namespace mctpkit
