#include <gtest/gtest.h>

#include "mctpkit/core/hex_text.hpp"

namespace mctpkit {
namespace {

// The project page's first example, 17 bytes.
const Bytes kExample = {0x01, 0x0b, 0x0a, 0xc5, 0x00, 0x00, 0x0a, 0x00, 0xff,
                        0x01, 0x01, 0x0a, 0x02, 0x00, 0x04, 0x01, 0x00};

std::string hex_of(std::string_view text) {
  auto parsed = parse_hex_text(text);
  if (auto* e = std::get_if<HexTextError>(&parsed)) return "error " + e->text(true);
  return to_hex(std::get<Bytes>(parsed));
}

std::string error_of(std::string_view text) {
  auto parsed = parse_hex_text(text);
  if (auto* e = std::get_if<HexTextError>(&parsed)) return e->text(true);
  return "parsed " + to_hex(std::get<Bytes>(parsed));
}

TEST(HexText, PlainSpellings) {
  const std::string want = to_hex(kExample);
  EXPECT_EQ(hex_of("01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01 00"), want);
  EXPECT_EQ(hex_of("010b0ac500000a00ff01010a0200040100"), want);
  EXPECT_EQ(hex_of("01:0b:0a:c5:00:00:0a:00:ff:01:01:0a:02:00:04:01:00"), want);
  EXPECT_EQ(hex_of("01-0b-0a-c5-00-00-0a-00-ff-01-01-0a-02-00-04-01-00"), want);
  EXPECT_EQ(hex_of("0x01, 0x0b, 0x0a, 0xc5, 0x00, 0x00, 0x0a, 0x00, 0xff, 0x01, 0x01, 0x0a, 0x02, 0x00, 0x04, 0x01, 0x00"), want);
  EXPECT_EQ(hex_of("010b 0ac5\r\n0000 0a00\nff01 010a 0200 0401 00\n"), want);
}

TEST(HexText, HexDumps) {
  const std::string want = to_hex(kExample);
  // mctpkit's own and Scapy's hexdump: offset, bytes in two groups of eight, ASCII.
  EXPECT_EQ(hex_of("0000  01 0B 0A C5 00 00 0A 00  FF 01 01 0A 02 00 04 01  ................\n"
                   "0010  00                                                .\n"),
            want);
  EXPECT_EQ(hex_of("0000  01 0B 0A C5 00 00 0A 00 FF 01 01 0A 02 00 04 01  ................\n0010  00  ."), want);
  // xxd
  EXPECT_EQ(hex_of("00000000: 010b 0ac5 0000 0a00 ff01 010a 0200 0401  ................\n"
                   "00000010: 00                                       .\n"),
            want);
  // hexdump -C, with its closing offset line
  EXPECT_EQ(hex_of("00000000  01 0b 0a c5 00 00 0a 00  ff 01 01 0a 02 00 04 01  |................|\n"
                   "00000010  00                                                |.|\n"
                   "00000011\n"),
            want);
  // od -t x1 (octal offsets) and od -A x -t x1
  EXPECT_EQ(hex_of("0000000 01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01\n0000020 00\n0000021\n"), want);
  EXPECT_EQ(hex_of("000000 01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01\n000010 00\n000011\n"), want);
  // An ASCII gutter that looks like hex is still the gutter: as many characters as bytes.
  EXPECT_EQ(hex_of("0000  30 31 32 33  0123"), "30 31 32 33");
}

TEST(HexText, CodeAndLogs) {
  const std::string want = to_hex(kExample);
  EXPECT_EQ(hex_of("uint8_t pkt[] = {0x01, 0x0b, 0x0a, 0xc5, 0x00, 0x00, 0x0a, 0x00, 0xff,\n"
                   "                 0x01, 0x01, 0x0a, 0x02, 0x00, 0x04, 0x01, 0x00};"),
            want);
  EXPECT_EQ(hex_of("{1, 11, 10, 197, 0, 0, 10, 0, 255, 1, 1, 10, 2, 0, 4, 1, 0}"), want);
  EXPECT_EQ(hex_of("b'\\x01\\x0b\\n\\xc5\\x00\\x00\\n\\x00\\xff\\x01\\x01\\n\\x02\\x00\\x04\\x01\\x00'"), want);
  EXPECT_EQ(hex_of("b'AB' b\"\\x00\""), "41 42 00");
  EXPECT_EQ(hex_of("[  123.456789] mctp: 01 0b 0a c5 00 00 0a 00 ff\n[  123.456790] mctp: 01 01 0a 02 00 04 01 00"), want);
}

TEST(HexText, ErrorsSayWhatAndWhere) {
  EXPECT_EQ(error_of("01 0b f"), "line 1, column 7: odd number of hex digits in 'f' (give whole bytes, two digits each)");
  EXPECT_EQ(error_of("01 0b 123"), "line 1, column 7: odd number of hex digits in '123' (give whole bytes, two digits each)");
  EXPECT_EQ(error_of("01 0g"), "line 1, column 4: not hex: '0g'");
  EXPECT_EQ(error_of("01\n02 zz 03"), "line 2, column 4: not hex: 'zz 03'");
  EXPECT_EQ(error_of("{0x01, 0x100}"), "line 1, column 8: not a byte in the array: '0x100'");
  EXPECT_EQ(error_of("{1, 2"), "line 1, column 1: '{' without its '}'");
  EXPECT_EQ(error_of("b'\\x1'"), "line 1, column 3: '\\x' needs two hex digits");
  EXPECT_EQ(hex_of(""), "");
}

}  // namespace
}  // namespace mctpkit
