// Numbers appended without a format string read exactly as the format library writes them.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <vector>

#include "mctpkit/core/bytes.hpp"
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

// Decimal digits are written two at a time: every number up to 100,000, with and without
// leading zeros, and the largest, against the format library.
TEST(TextAppend, EveryDecimalNumberUpToAHundredThousand) {
  std::vector<std::uint64_t> values;
  for (std::uint64_t v = 0; v <= 100000; ++v) values.push_back(v);
  values.push_back(0xFFFFFFFFFFFFFFFFull);
  for (std::uint64_t v : values) {
    std::string out;
    append_decimal(out, v);
    out += ' ';
    append_number<10>(out, v, 4);
    {
      TextBuffer text(out);
      text.put(' ');
      text.decimal(v);
    }
    ASSERT_EQ(out, fmt::format("{} {:04} {}", v, v, v)) << v;
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

TEST(TextAppend, DigitCountsAtEveryPowerOfTheBase) {
  std::vector<std::uint64_t> values = {0, 9999999999999999999ull, 10000000000000000000ull, 10000000000000000001ull,
                                       0xFFFFFFFFFFFFFFFFull};
  for (std::uint64_t power = 1; power <= 0xFFFFFFFFFFFFFFFFull / 10; power *= 10) {
    for (std::uint64_t v : {power - 1, power, power + 1, power * 9}) values.push_back(v);
  }
  for (unsigned bit = 0; bit < 64; ++bit) {
    const std::uint64_t power = std::uint64_t{1} << bit;
    for (std::uint64_t v : {power - 1, power, power + 1}) values.push_back(v);
  }
  for (std::uint64_t v : values) {
    EXPECT_EQ(detail::digit_count<10>(v), fmt::format("{}", v).size()) << v;
    EXPECT_EQ(detail::digit_count<16>(v), fmt::format("{:X}", v).size()) << v;
    EXPECT_EQ(detail::digit_count<8>(v), fmt::format("{:o}", v).size()) << v;
    EXPECT_EQ(detail::digit_count<2>(v), fmt::format("{:b}", v).size()) << v;
    std::string out;
    {
      TextBuffer text(out);
      text.decimal(v);
      text.put(' ');
      text.hex(v, 6);
      text.put(' ');
      text.number<2>(v, 3);
    }
    EXPECT_EQ(out, fmt::format("{} {:06X} {:03b}", v, v, v));
  }
}

// Small numbers take a shorter way (one decimal digit, a byte as two hex digits): the same text,
// with the buffer nearly full or not, and every padding around them.
TEST(TextAppend, SmallNumbersAsEveryOther) {
  for (std::size_t lead : {0u, 511u}) {
    for (std::uint64_t v = 0; v <= 0x101; ++v) {
      std::string out;
      {
        TextBuffer text(out);
        text.put(std::string(lead, '.'));
        text.decimal(v);
        text.put(' ');
        text.number<10>(v, 0);
        text.put(' ');
        text.number<10>(v, 2);
        text.put(' ');
        text.hex(v, 2);
        text.put(' ');
        text.hex(v, 1);
        text.put(' ');
        text.hex(v, 3);
      }
      EXPECT_EQ(out, std::string(lead, '.') + fmt::format("{0} {0} {0:02} {0:02X} {0:X} {0:03X}", v)) << v;
    }
  }
}

TEST(TextAppend, BytesAsHexFillTheBufferToItsEnd) {
  // Longer than the buffer, and after an odd number of characters, so that a pair meets its end.
  Bytes data;
  for (int i = 0; i < 700; ++i) data.push_back(static_cast<std::uint8_t>(i * 7 + 3));
  std::string out;
  {
    TextBuffer text(out);
    text.put('x');
    text.hex_bytes(data);
    text.put('|');
    text.hex_bytes({});
    text.hex_bytes(ByteView(data).first(1));
  }
  EXPECT_EQ(out, "x" + to_hex(data, "") + "|03");
}

// Pieces put through the buffer, numbers among them, come out whole and in order however the
// buffer fills: short padded pieces (a fixed-size move), long ones, and both at the buffer's end.
TEST(TextAppend, ABufferGivesEveryPieceInOrder) {
  std::string padded_store = "short" + std::string(40, '#') + std::string(50, 'L') + std::string(40, '#');
  const std::string_view short_piece(padded_store.data(), 5);
  const std::string_view long_piece(padded_store.data() + 45, 50);
  std::string out, expected;
  {
    TextBuffer text(out);
    for (int i = 0; i < 60; ++i) {
      text.put_padded(short_piece);
      text.decimal(static_cast<std::uint64_t>(i) * 1000003);
      text.put_padded(long_piece);
      text.hex(static_cast<std::uint64_t>(i), 4);
      text.put(std::string_view());  // no bytes and no storage (checked under UBSan)
      text.put(';');
      expected += fmt::format("short{}{}{:04X};", i * 1000003, std::string(50, 'L'), i);
    }
  }
  EXPECT_EQ(out, expected);
}

}  // namespace
}  // namespace mctpkit
