// tcpdump text dumps: damaged lines, log prefixes, dumps without times or banners, odd styles.

#include <gtest/gtest.h>

#include <limits>
#include <sstream>

#include "capture_test_support.hpp"

namespace mctpkit::capture::test {
namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines, const std::string& end = "\n") {
  std::string text;
  for (const std::string& line : lines) text += line + end;
  return text;
}

std::string dump(const std::string& name) { return read_text(capture_path("tcpdump-text/" + name)); }

OpenOptions utc() {
  OpenOptions options;
  options.text_time.timezone = "UTC";
  options.text_time.date = "2023-11-14";
  return options;
}

std::vector<CaptureRecord> read_text_records(const std::string& text, std::unique_ptr<CaptureReader>* keep = nullptr,
                                             const OpenOptions& options = utc()) {
  auto reader = open_memory_ok(text, options);
  if (!reader) return {};
  EXPECT_EQ(reader->format_name(), "tcpdump text");
  std::vector<CaptureRecord> records = read_all(*reader);
  if (keep != nullptr) *keep = std::move(reader);
  return records;
}

void expect_same_records(const std::vector<CaptureRecord>& actual, const std::vector<CaptureRecord>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    SCOPED_TRACE("record " + std::to_string(i + 1));
    EXPECT_EQ(actual[i].number, expected[i].number);
    EXPECT_EQ(actual[i].link, expected[i].link);
    EXPECT_EQ(actual[i].data, expected[i].data);
    EXPECT_EQ(actual[i].time_ns, expected[i].time_ns);
  }
}

TEST(TextDamage, MalformedHexLineIsReportedWithItsLineNumber) {
  std::vector<std::string> lines = split_lines(dump("tcpdump-sll-X.txt"));
  ASSERT_EQ(lines[13], "\t0x0010:  0123 4567 89ab cdef                      .#Eg....");
  lines[13] = "\t0x0010:  0123 45zz 89ab cdef                      .#Eg....";
  std::unique_ptr<CaptureReader> reader;
  std::vector<CaptureRecord> records = read_text_records(join_lines(lines), &reader);
  ASSERT_EQ(records.size(), 35u);
  ASSERT_EQ(reader->diagnostics().size(), 1u);
  EXPECT_EQ(reader->diagnostics()[0].line_or_record, 14u);
  EXPECT_EQ(reader->diagnostics()[0].message, "malformed hex dump line (bad hex group '45zz'); line skipped");
  EXPECT_FALSE(reader->diagnostics()[0].fatal);
  EXPECT_FALSE(reader->failed());
  std::vector<Sample> samples = load_samples();
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i == 5) continue;
    EXPECT_EQ(records[i].link, "mctp");
    EXPECT_EQ(records[i].data, samples[i].mctp);
  }
  EXPECT_EQ(records[5].link, "");
  EXPECT_EQ(records[5].skip_reason, "hex dump damaged at line 14");
  EXPECT_EQ(reader->records_skipped(), 1u);
}

TEST(TextDamage, OffsetJumpIsReportedWithItsLineNumber) {
  std::vector<std::string> lines = split_lines(dump("tcpdump-sll-x.txt"));
  ASSERT_EQ(lines[18], "\t0x0010:  00");
  lines[18] = "\t0x0020:  00";
  std::unique_ptr<CaptureReader> reader;
  std::vector<CaptureRecord> records = read_text_records(join_lines(lines), &reader);
  ASSERT_EQ(records.size(), 35u);
  ASSERT_EQ(reader->diagnostics().size(), 1u);
  EXPECT_EQ(reader->diagnostics()[0].line_or_record, 19u);
  EXPECT_EQ(reader->diagnostics()[0].message,
            "hex dump offset 0x0020 does not follow the previous line (expected 0x0010); line skipped");
  EXPECT_EQ(records[7].skip_reason, "hex dump damaged at line 19");
  EXPECT_EQ(records[8].data, load_samples()[8].mctp);
}

TEST(TextDamage, OtherBadShapesAndStrayLines) {
  std::string text =
      "\t0x0010:  0100 08c8\n"          // 1: continuation without a packet
      "22:13:20.000000 \n"              // 2
      "\t0x0000  0100 08c8\n"           // 3: no colon
      "random words in the middle\n"    // 4: ignored
      "22:13:21.000000 \n"              // 5
      "\t0x0000:  0100 08c8 0080 0100 09\n"
      "\t0x0000:0100\n"                 // 7: no blank after the colon (a second dump: restarts)
      "25:13:21.000000 \n"              // 8: impossible time
      "\t0x0000:  0109 08c9 0081 02\n"
      "\t0x0000:  123 4\n";             // 10: three-digit group
  std::unique_ptr<CaptureReader> reader;
  std::vector<CaptureRecord> records = read_text_records(text, &reader);
  std::vector<CaptureDiagnostic> diagnostics = reader->take_diagnostics();
  ASSERT_EQ(diagnostics.size(), 5u);
  EXPECT_EQ(diagnostics[0].line_or_record, 1u);
  EXPECT_EQ(diagnostics[0].message, "hex dump line at offset 0x0010 outside any packet; line skipped");
  EXPECT_EQ(diagnostics[1].line_or_record, 3u);
  EXPECT_EQ(diagnostics[1].message, "malformed hex dump line (no ':' after the offset); line skipped");
  EXPECT_EQ(diagnostics[2].line_or_record, 7u);
  EXPECT_EQ(diagnostics[2].message, "malformed hex dump line (no blank after the offset); line skipped");
  EXPECT_EQ(diagnostics[3].line_or_record, 8u);
  EXPECT_EQ(diagnostics[3].message, "invalid time of day '25:13:21.000000'; the packet has no time");
  EXPECT_EQ(diagnostics[4].line_or_record, 10u);
  EXPECT_EQ(diagnostics[4].message, "malformed hex dump line (bad hex group '123'); line skipped");
  EXPECT_TRUE(reader->diagnostics().empty());  // taken

  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].skip_reason, "hex dump damaged at line 3");
  EXPECT_EQ(records[1].skip_reason, "hex dump damaged at line 7");
  EXPECT_EQ(records[2].skip_reason, "hex dump damaged at line 10");
  EXPECT_FALSE(records[2].time_ns.has_value());
}

TEST(TextDamage, DiagnosticsAreCappedAndCounted) {
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "\t0x0000:  zz\n";
  std::unique_ptr<CaptureReader> reader;
  EXPECT_TRUE(read_text_records(text, &reader).empty());
  EXPECT_EQ(reader->diagnostics().size(), CaptureReader::kMaxDiagnostics);
  EXPECT_EQ(reader->diagnostics_dropped(), 501u);  // 500 lines and the final "no packets"
  EXPECT_EQ(reader->diagnostics()[999].line_or_record, 1000u);
}

// journald copies of every dump, in three prefix styles, read like the originals; a stamp's
// digits are skipped however many there are (more than 64 bits hold, too).
TEST(TextPrefixes, JournaldPrefixedCopiesReadTheSame) {
  const std::vector<std::string> prefixes = {
      "2026-01-01T00:00:00.000000Z unit[1]: ",
      "Jan 01 00:00:00 host unit[1]: ",
      "2026-01-01T00:00:00+0100 host tcpdump[4242]: ",
      "[   12.345678] host unit: ",
      "[33333333333333333333333.33333333333333333333333] host unit: ",
      "2026-01-01T00:00:00.99999999999999999999999999Z unit[1]: ",
      "Jan 01 00:00:00.99999999999999999999999999 host unit[1]: ",
  };
  for (const char* name : {"tcpdump-sll-e-XX-tttt.txt", "tcpdump-i2c-xx.txt", "tcpdump-sll2-e-XX.txt",
                           "tcpdump-sll-X.txt", "tcpdump-libmctp-demux-e-xx.txt"}) {
    std::string original = dump(name);
    std::vector<CaptureRecord> expected = read_text_records(original);
    ASSERT_FALSE(expected.empty());
    for (const std::string& prefix : prefixes) {
      SCOPED_TRACE(std::string(name) + " with '" + prefix + "'");
      std::vector<std::string> lines = split_lines(original);
      for (std::string& line : lines) line = prefix + line;
      std::unique_ptr<CaptureReader> reader;
      expect_same_records(read_text_records(join_lines(lines), &reader), expected);
      EXPECT_TRUE(reader->diagnostics().empty());
    }
  }
}

TEST(TextPrefixes, CarriageReturnLineEnds) {
  std::string original = dump("tcpdump-sll-XX.txt");
  expect_same_records(read_text_records(join_lines(split_lines(original), "\r\n")), read_text_records(original));
}

// tcpdump prints the banner on stderr, so a piped dump has none: headers are recognised alone.
TEST(TextLinks, DumpsWithoutBannerReadTheSame) {
  for (const char* name : {"tcpdump-sll-xx.txt", "tcpdump-sll2-e-XX.txt", "tcpdump-i2c-xx.txt",
                           "tcpdump-sll-x.txt", "tcpdump-libmctp-demux-e-xx.txt"}) {
    SCOPED_TRACE(name);
    std::string original = dump(name);
    std::vector<std::string> lines = split_lines(original);
    lines.erase(lines.begin());
    expect_same_records(read_text_records(join_lines(lines)), read_text_records(original));
  }
}

TEST(TextLinks, NonMctpPacketsAreSkipped) {
  std::string text =
      "reading from file x.pcap, link-type LINUX_SLL (Linux cooked v1), snapshot length 65535\n"
      "22:13:20.000000 Out ethertype IPv4 (0x0800), length 36: IP 10.0.0.1 > 10.0.0.2: ICMP echo request\n"
      "\t0x0000:  0004 0001 0006 0200 0000 0001 0000 0800  ................\n"
      "\t0x0010:  4500 0014                                E...\n"
      "22:13:21.000000 Out ethertype IPv4 (0x0800), length 20: IP 10.0.0.1 > 10.0.0.2: ICMP echo request\n"
      "\t0x0000:  4500 0014                                E...\n"
      "reading from file y.pcap, link-type EN10MB (Ethernet), snapshot length 65535\n"
      "22:13:22.000000 IP 10.0.0.1 > 10.0.0.2: ICMP echo request\n"
      "\t0x0000:  4500 0014\n";
  std::vector<CaptureRecord> records = read_text_records(text);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].skip_reason, "LINUX_SLL protocol 0x0800 is not MCTP (0x00FA)");
  EXPECT_EQ(records[1].skip_reason, "ethertype 0x0800 is not MCTP (0x00FA)");
  EXPECT_EQ(records[2].skip_reason, "link type EN10MB (1) does not carry MCTP");
  EXPECT_EQ(to_hex(records[2].data), "45 00 00 14");
}

TEST(TextLinks, ForcedSmbusLink) {
  OpenOptions options = utc();
  options.force_link = "smbus";
  std::string text =
      "\t0x0000:  3a0f 0821 0109 08c9 0081 0233\n"
      "\t0x0000:  0100 0000 0020 0f0c 3b01 0809 c100 0102 0009 0000 ba\n";
  std::vector<CaptureRecord> records = read_text_records(text, nullptr, options);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].link, "smbus");
  EXPECT_EQ(to_hex(records[0].data), "3A 0F 08 21 01 09 08 C9 00 81 02 33");
  EXPECT_EQ(records[1].link, "smbus");
  EXPECT_EQ(to_hex(records[1].data, ""), "200F0C3B010809C100010200090000BA");
}

TEST(TextShapes, PacketsWithoutTime) {
  // Hex lines only; a repeated first line is the same packet printed again.
  std::string text =
      "\t0x0000:  0100 08c8 0080 0100 09\n"
      "\t0x0000:  0100 08c8 0080 0100 09\n"
      "\t0x0000:  0108 09c0 0000 0100 0009 00\n";
  std::vector<CaptureRecord> records = read_text_records(text);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[0].time_ns.has_value());
  EXPECT_EQ(to_hex(records[0].data, ""), "010008C80080010009");
  EXPECT_EQ(to_hex(records[1].data, ""), "010809C000000100000900");

  // tcpdump -t -e: header lines without a time separate the packets, even identical ones.
  std::string no_time =
      "Out ethertype Unknown (0x00fa), length 25: \n"
      "\t0x0000:  0100 08c8 0080 0100 09\n"
      "Out ethertype Unknown (0x00fa), length 25: \n"
      "\t0x0000:  0100 08c8 0080 0100 09\n"
      " In ethertype IPv4 (0x0800), length 20: \n"
      "\t0x0000:  4500 0014\n";
  records = read_text_records(no_time);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].link, "mctp");
  EXPECT_EQ(records[1].link, "mctp");
  EXPECT_EQ(records[1].data, records[0].data);
  EXPECT_FALSE(records[1].time_ns.has_value());
  EXPECT_EQ(records[2].skip_reason, "ethertype 0x0800 is not MCTP (0x00FA)");
}

TEST(TextShapes, AsciiColumnIsIgnoredEvenWhenItLooksLikeHex) {
  std::string text =
      "22:13:20.000000 \n"
      "\t0x0000:  0100 08c8 0080 0100 09                   dead beef 0001\n"
      "22:13:21.000000 \n"
      "\t0x0000:  0108 09c0 0000 0100 0009 0000 0000 0000  cafe cafe babe 00\n"
      "\t0x0010:  ab                                       ab\n";
  std::unique_ptr<CaptureReader> reader;
  std::vector<CaptureRecord> records = read_text_records(text, &reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(to_hex(records[0].data, ""), "010008C80080010009");
  EXPECT_EQ(to_hex(records[1].data, ""), "010809C0000001000009000000000000AB");
  EXPECT_TRUE(reader->diagnostics().empty());
}

TEST(TextShapes, EpochAndNanosecondTimes) {
  std::string text =
      "1700000000.123456 Out ethertype Unknown (0x00fa), length 25: \n"
      "\t0x0000:  0100 08c8 0080 0100 09\n"
      "22:13:20.123456789 \n"
      "\t0x0000:  0100 08c8 0080 0100 09\n";
  std::vector<CaptureRecord> records = read_text_records(text);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].time_ns, 1'700'000'000'123'456'000);
  EXPECT_EQ(records[1].time_ns, 1'700'000'000'123'456'789);
}

// Nanoseconds since 1970 in 64 bits end at 2262-04-11T23:47:16.854775807: that instant is read,
// the next one and any later epoch time (eleven digits reach the year 5138) are out of range.
TEST(TextShapes, EpochTimesPastWhatNanosecondsHoldAreOutOfRange) {
  std::string text =
      "9223372036.854775807 \n"
      "\t0x0000:  0100 08c8 0080 0100 09\n"
      "9223372036.854775808 \n"
      "\t0x0000:  0100 08c8 0080 0100 09\n"
      "66666666666.000000 \n"
      "\t0x0000:  0100 08c8 0080 0100 09\n";
  std::unique_ptr<CaptureReader> reader;
  std::vector<CaptureRecord> records = read_text_records(text, &reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].time_ns, std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(records[1].time_ns.has_value());
  EXPECT_FALSE(records[2].time_ns.has_value());
  std::vector<CaptureDiagnostic> diagnostics = reader->take_diagnostics();
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].line_or_record, 3u);
  EXPECT_EQ(diagnostics[0].message, "time out of range; the packet has no time");
  EXPECT_EQ(diagnostics[1].line_or_record, 5u);
  EXPECT_EQ(diagnostics[1].message, "time out of range; the packet has no time");
}

TEST(TextShapes, HeaderLinesWithoutDumpsAndPlainText) {
  std::unique_ptr<CaptureReader> reader;
  EXPECT_TRUE(read_text_records("22:13:20.000000 Out ethertype Unknown (0x00fa), length 25: \n"
                                "22:13:21.000000 Out ethertype Unknown (0x00fa), length 25: \n",
                                &reader)
                  .empty());
  ASSERT_EQ(reader->diagnostics().size(), 1u);
  EXPECT_EQ(reader->diagnostics()[0].message,
            "2 packet header line(s) without a hex dump (tcpdump prints the bytes with -x, -xx, -X or -XX)");

  EXPECT_TRUE(read_text_records("just some notes\nabout nothing\n", &reader).empty());
  ASSERT_EQ(reader->diagnostics().size(), 1u);
  EXPECT_EQ(reader->diagnostics()[0].message, "no packets: no tcpdump hex dump lines found");
  EXPECT_FALSE(reader->failed());
}

}  // namespace
}  // namespace mctpkit::capture::test
