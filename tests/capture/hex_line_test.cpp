// The hex dump lines of tcpdump's text: parse_hex_line() against a reading of the same grammar
// written plainly here, on tcpdump's own lines, on lines that break each rule, and on many lines
// made by changing characters of real ones. Kind, offset, bytes and the problem text must agree.

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include "capture/text_line.hpp"

namespace mctpkit::capture::detail {
namespace {

// The grammar, one rule at a time: blanks; "0x" or "0X" and a hex digit, or the line is no hex
// line; up to 8 offset digits, ':', at least one blank, then blanks; groups of 2 or 4 digits
// (a group of 2 ends the bytes) each followed by one blank; the bytes end at the line's end, a
// tab, a last lone blank or a second blank.
HexLine read_plainly(std::string_view line) {
  HexLine r;
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  const auto digit = [](char c) -> int {
    const std::string_view digits = "0123456789abcdef";
    const char lower = (c >= 'A' && c <= 'F') ? static_cast<char>(c - 'A' + 'a') : c;
    const std::size_t at = digits.find(lower);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
  };
  std::size_t i = 0;
  while (i < line.size() && blank(line[i])) ++i;
  if (line.size() - i < 3 || line[i] != '0' || (line[i + 1] != 'x' && line[i + 1] != 'X') || digit(line[i + 2]) < 0) {
    return r;
  }
  r.kind = HexLine::Kind::Malformed;
  i += 2;
  const std::size_t offset_start = i;
  std::size_t offset = 0;
  while (i < line.size() && digit(line[i]) >= 0) offset = offset * 16 + static_cast<std::size_t>(digit(line[i++]));
  if (i - offset_start > 8) {
    r.problem = "offset has more than 8 hex digits";
    return r;
  }
  if (i == line.size() || line[i] != ':') {
    r.problem = "no ':' after the offset";
    return r;
  }
  r.offset = offset;
  ++i;
  if (i == line.size() || !blank(line[i])) {
    r.problem = "no blank after the offset";
    return r;
  }
  while (i < line.size() && blank(line[i])) ++i;
  bool short_seen = false;
  while (i < line.size()) {
    std::size_t end = i;
    while (end < line.size() && !blank(line[end])) ++end;
    const std::string_view group = line.substr(i, end - i);
    bool good = !short_seen && (group.size() == 2 || group.size() == 4);
    for (char c : group) good = good && digit(c) >= 0;
    if (!good) {
      r.bytes.clear();
      r.problem = "bad hex group '" + std::string(group) + "'";
      return r;
    }
    for (std::size_t k = 0; k < group.size(); k += 2) {
      r.bytes.push_back(static_cast<std::uint8_t>(digit(group[k]) * 16 + digit(group[k + 1])));
    }
    short_seen = group.size() == 2;
    i = end;
    if (i == line.size() || line[i] == '\t' || i + 1 == line.size() || blank(line[i + 1])) break;
    ++i;
  }
  if (r.bytes.empty()) {
    r.problem = "no bytes after the offset";
    return r;
  }
  r.kind = HexLine::Kind::Hex;
  return r;
}

void expect_reads_as_plainly(std::string_view line) {
  SCOPED_TRACE("line '" + std::string(line) + "'");
  HexLine got;
  got.bytes = {1, 2, 3};  // storage kept from an earlier line is overwritten
  got.problem = "earlier";
  parse_hex_line(line, got);
  const HexLine want = read_plainly(line);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.offset, want.offset);
  EXPECT_EQ(got.problem, want.problem);
  if (want.kind == HexLine::Kind::Hex) {
    EXPECT_EQ(got.bytes, want.bytes);
  }
}

TEST(HexLine, TcpdumpLinesGiveTheirBytes) {
  HexLine line;
  parse_hex_line("\t0x0010:  0100 08c8 0080 0100 09", line);
  EXPECT_EQ(line.kind, HexLine::Kind::Hex);
  EXPECT_EQ(line.offset, 0x10u);
  EXPECT_EQ(line.bytes, (Bytes{0x01, 0x00, 0x08, 0xC8, 0x00, 0x80, 0x01, 0x00, 0x09}));
  // -X: the ASCII column after two blanks is not read, however much it looks like hex.
  parse_hex_line("\t0x0000:  4500 0054 ABcd ef01 0203 0405 0607 0809  E..T....ab 12",
                 line);
  EXPECT_EQ(line.kind, HexLine::Kind::Hex);
  EXPECT_EQ(line.bytes, (Bytes{0x45, 0x00, 0x00, 0x54, 0xAB, 0xCD, 0xEF, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06,
                               0x07, 0x08, 0x09}));
  parse_hex_line("0X1F:\tbeef", line);
  EXPECT_EQ(line.kind, HexLine::Kind::Hex);
  EXPECT_EQ(line.offset, 0x1Fu);
  EXPECT_EQ(line.bytes, (Bytes{0xBE, 0xEF}));
}

TEST(HexLine, EachRuleBrokenGivesItsProblem) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"\t0x000000010:  0100", "offset has more than 8 hex digits"},
      {"\t0x0010  0100", "no ':' after the offset"},
      {"\t0x0010:0100", "no blank after the offset"},
      {"\t0x0010:  01g0 0203", "bad hex group '01g0'"},
      {"\t0x0010:  010 0203", "bad hex group '010'"},
      {"\t0x0010:  01 0203", "bad hex group '0203'"},
      {"\t0x0010:  0102 030405", "bad hex group '030405'"},
      {"\t0x0010:  ", "no bytes after the offset"},
  };
  for (const auto& [text, problem] : cases) {
    SCOPED_TRACE(std::string(text));
    HexLine line;
    parse_hex_line(text, line);
    EXPECT_EQ(line.kind, HexLine::Kind::Malformed);
    EXPECT_EQ(line.problem, problem);
    expect_reads_as_plainly(text);
  }
  for (std::string_view text : {"", "  ", "0x", "0xg0: 01", "22:13:20.000100 ", "0y0010: 0102"}) {
    HexLine line;
    parse_hex_line(text, line);
    EXPECT_EQ(line.kind, HexLine::Kind::NotHex) << text;
  }
}

// Every group length and ending the fast path for four digits meets, at the end of the line
// and before each kind of separator.
TEST(HexLine, GroupsAtEveryPlaceReadAsTheGrammarSays) {
  const std::string_view groups[] = {"0102", "a1B2", "01", "0", "012", "01020", "zz11", "11zz", ""};
  const std::string_view separators[] = {"", " ", "  ", "\t", " \t", " x"};
  std::size_t compared = 0;
  for (std::string_view first : groups) {
    for (std::string_view between : separators) {
      for (std::string_view second : groups) {
        for (std::string_view after : separators) {
          expect_reads_as_plainly("\t0x0000:  " + std::string(first) + std::string(between) + std::string(second) +
                                  std::string(after));
          ++compared;
        }
      }
    }
  }
  EXPECT_EQ(compared, 9u * 6u * 9u * 6u);
}

// Real lines with characters replaced, inserted or removed: at random, from an alphabet that
// can make and break every rule.
TEST(HexLine, ChangedLinesReadAsTheGrammarSays) {
  const std::string_view seeds[] = {
      "\t0x0000:  0100 08c8 0080 0100 09",
      "\t0x0010:  4500 0054 abcd ef01 0203 0405 0607 0809  E..T........",
      "  0x0020:  01",
      "0x1:\tbeef cafe",
  };
  const std::string_view alphabet = "0123456789abcdefABCDEFxXgG: \t.";
  std::mt19937 random(20261208);
  std::size_t hex = 0, malformed = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line(seeds[static_cast<std::size_t>(n) % std::size(seeds)]);
    const int changes = 1 + static_cast<int>(random() % 4);
    for (int k = 0; k < changes && !line.empty(); ++k) {
      const std::size_t at = random() % line.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0: line[at] = c; break;
        case 1: line.insert(line.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: line.erase(at, 1); break;
      }
    }
    expect_reads_as_plainly(line);
    HexLine got;
    parse_hex_line(line, got);
    hex += got.kind == HexLine::Kind::Hex;
    malformed += got.kind == HexLine::Kind::Malformed;
  }
  // Both outcomes are common, so that both paths were compared often.
  EXPECT_GT(hex, 2000u);
  EXPECT_GT(malformed, 2000u) << hex;
}

}  // namespace
}  // namespace mctpkit::capture::detail
