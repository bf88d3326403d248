// Capture analysis over the shared sample captures: PyMCTP-compatible lines, the same packets
// from every container and text style, time handling, filters, fields, JSON, statistics, pcap
// writing and damaged input.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "analyze_run.hpp"
#include "mctpkit/analysis/analyzer.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/core/bytes.hpp"

namespace mctpkit::analysis {
namespace {

const std::string kCaptures = std::string(MCTPKIT_SHARED_DIR) + "/captures/";

using test_support::Output;
using test_support::run;

// The MCTP part of a packet line: no time, no SLL length layer, no SMBus layer.
std::string mctp_summary(std::string line) {
  static const std::regex time(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00: )");
  line = std::regex_replace(line, time, "");
  static const std::regex link(R"(^(\[ *\d+\] / |SMBUS \([^)]*\) / ))");
  return std::regex_replace(line, link, "");
}

// check-summaries.py's rule: layers equal, except that a bare word matches anything there.
bool matches(const std::string& expected, const std::string& actual) {
  auto split = [](const std::string& s) {
    std::vector<std::string> v;
    std::size_t start = 0, pos;
    while ((pos = s.find(" / ", start)) != std::string::npos) {
      v.push_back(s.substr(start, pos - start));
      start = pos + 3;
    }
    v.push_back(s.substr(start));
    for (auto& x : v) {
      while (!x.empty() && x.back() == ' ') x.pop_back();
    }
    return v;
  };
  static const std::regex bare(R"(^[A-Za-z][A-Za-z0-9_-]*$)");
  auto e = split(expected), a = split(actual);
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (i >= a.size()) return false;
    if (std::regex_match(e[i], bare)) {
      if (i == e.size() - 1) return true;
      continue;
    }
    if (e[i] != a[i]) return false;
  }
  return a.size() == e.size();
}

std::vector<std::string> expected_summaries() {
  std::vector<std::string> v;
  std::ifstream in(kCaptures + "expected-summaries.tsv");
  for (std::string l; std::getline(in, l);) {
    if (l.empty() || l[0] == '#') continue;
    v.push_back(l.substr(l.rfind('\t') + 1));
  }
  return v;
}

std::vector<std::string> all_sources() {
  std::vector<std::string> v = {kCaptures + "mctp-sll.pcap", kCaptures + "mctp-sll2.pcap",
                                kCaptures + "mctp-sll.pcapng", kCaptures + "mctp-smbus-i2c.pcap"};
  for (const auto& entry : std::filesystem::directory_iterator(kCaptures + "tcpdump-text")) {
    if (entry.path().filename().string().find("libmctp") == std::string::npos) v.push_back(entry.path().string());
  }
  std::sort(v.begin() + 4, v.end());
  return v;
}

TEST(Analyze, EverySampleGivesTheExpectedSummariesInOrder) {
  const auto expected = expected_summaries();
  ASSERT_EQ(expected.size(), 35u);
  AnalyzeOptions options;
  options.reassemble = false;
  std::vector<std::string> reference;
  for (const std::string& path : all_sources()) {
    SCOPED_TRACE(path);
    Output o = run({path}, options);
    EXPECT_FALSE(o.result.input_damaged) << o.err;
    auto lines = o.lines();
    ASSERT_EQ(lines.size(), 2 + expected.size());
    EXPECT_EQ(lines[1], "Total packets: 35");
    std::vector<std::string> summaries;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      std::string s = mctp_summary(lines[2 + i]);
      EXPECT_TRUE(matches(expected[i], s)) << "frame " << i + 1 << "\n  expected: " << expected[i] << "\n  actual:   " << s;
      summaries.push_back(s);
    }
    if (reference.empty()) reference = summaries;
    EXPECT_EQ(summaries, reference) << "differs from " << all_sources().front();
  }
}

TEST(Analyze, HeaderLinesAndPcapTimes) {
  Output o = run({kCaptures + "mctp-sll.pcap"});
  auto lines = o.lines();
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "Analyzing " + kCaptures + "mctp-sll.pcap (pcap)");
  EXPECT_EQ(lines[2],
            "2023-11-14T22:13:20+00:00: [  9] / MCTP 0:0 (00 <-- 08) (S:E:TO) CTRL / CONTROL REQ (instance_id: 0, "
            "cmd_code=1) / SetEndpointIDPacket (eid: 0x09, op: set)");
  EXPECT_EQ(lines[3].substr(0, 34), "2023-11-14T22:13:21.001000+00:00: ");
}

TEST(Analyze, ReassembledMessageIsItsOwnLine) {
  Output o = run({kCaptures + "mctp-sll.pcap"});
  auto lines = o.lines();
  auto it = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.find("message from") != std::string::npos; });
  ASSERT_NE(it, lines.end());
  EXPECT_EQ(it->substr(0, 82),
            "2023-11-14T22:13:48.028000+00:00: message from frames 25, 28, 29 (154 bytes): MCTP");
  EXPECT_NE(it->find("serial_number: \"SN-ABCDEFG-00042\""), std::string::npos) << *it;
  EXPECT_EQ(lines.size(), 2u + 35u + 1u);
}

std::string first_time(const std::string& text_dump, const std::string& zone, const std::string& date, bool dst = true) {
  AnalyzeOptions options;
  options.open.text_time.timezone = zone;
  options.open.text_time.date = date;
  options.open.text_time.dst = dst;
  options.format = OutputFormat::Fields;
  options.fields = {"frame.time"};
  options.count = 1;
  Output o = run({text_dump}, options);
  EXPECT_TRUE(o.err.empty()) << o.err;
  return o.lines().empty() ? "" : o.lines()[0];
}

TEST(Analyze, TextDumpTimesFollowZoneAndDate) {
  const std::string dump = kCaptures + "tcpdump-text/tcpdump-sll-x.txt";
  // 22:13:20 EDT on 2024-03-20 is 02:13:20 UTC the next day.
  EXPECT_EQ(first_time(dump, "America/New_York", "2024-03-20"), "2024-03-21T02:13:20+00:00");
  EXPECT_EQ(first_time(dump, "UTC", "2024-03-20"), "2024-03-20T22:13:20+00:00");
}

TEST(Analyze, AmbiguousTimeTakesTheSideDstSays) {
  std::string path = testing::TempDir() + "ambiguous.txt";
  std::ofstream(path) << "01:30:00.000000 \n\t0x0000:  0100 08c8 0080 0100 09\n";
  // 01:30 happens twice in New York on 2024-11-03: 05:30 UTC (EDT) and 06:30 UTC (EST).
  EXPECT_EQ(first_time(path, "America/New_York", "2024-11-03", true), "2024-11-03T05:30:00+00:00");
  EXPECT_EQ(first_time(path, "America/New_York", "2024-11-03", false), "2024-11-03T06:30:00+00:00");
}

TEST(Analyze, BadZoneAndBadDateAreClearErrors) {
  AnalyzeOptions bad_date;
  bad_date.open.text_time.date = "2024-13-45";
  Output d = run({kCaptures + "mctp-sll.pcap"}, bad_date);
  EXPECT_TRUE(d.result.usage_error);
  EXPECT_EQ(d.err, "error: Invalid date format '2024-13-45'. Expected YYYY-MM-DD.\n");
  EXPECT_EQ(d.out, "");
  AnalyzeOptions bad_zone;
  bad_zone.open.text_time.timezone = "Mars/Olympus";
  Output z = run({kCaptures + "mctp-sll.pcap"}, bad_zone);
  EXPECT_TRUE(z.result.usage_error);
  EXPECT_EQ(z.err, "error: Unknown time zone 'Mars/Olympus'.\n");
}

TEST(Analyze, FilterSelectsPackets) {
  AnalyzeOptions options;
  options.filter = "mctp.src == 0x08 and mctpc.command == 1";
  Output o = run({kCaptures + "mctp-sll.pcap"}, options);
  auto lines = o.lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[2].find("SetEndpointIDPacket (eid: 0x09, op: set)"), std::string::npos);
}

TEST(Analyze, BadFilterPointsAtTheColumn) {
  AnalyzeOptions options;
  options.filter = "mctp.srcc == 8";
  Output o = run({kCaptures + "mctp-sll.pcap"}, options);
  EXPECT_TRUE(o.result.usage_error);
  EXPECT_EQ(o.err.substr(0, 86),
            "error: bad filter: unknown field 'mctp.srcc' at column 1 (did you mean mctp.src?)\n    ");
}

TEST(Analyze, FieldsAreTabSeparated) {
  AnalyzeOptions options;
  options.format = OutputFormat::Fields;
  options.fields = {"frame.number", "mctp.src", "mctp.dst", "mctpc.command"};
  options.count = 3;
  Output o = run({kCaptures + "mctp-sll.pcap"}, options);
  EXPECT_EQ(o.out, "1\t0x08\t0x00\t0x01\n2\t0x09\t0x08\t0x01\n3\t0x08\t0x09\t0x02\n");
}

TEST(Analyze, JsonHasFrameTimeAndFields) {
  AnalyzeOptions options;
  options.format = OutputFormat::Json;
  options.count = 1;
  Output o = run({kCaptures + "mctp-sll.pcap"}, options);
  EXPECT_EQ(o.out.substr(0, 80),
            "{\"frame\":1,\"time\":\"2023-11-14T22:13:20+00:00\",\"link\":\"mctp\",\"length\":9,\"summary\"");
  EXPECT_NE(o.out.find("\"mctpc.set_eid.eid\":9"), std::string::npos);
}

TEST(Analyze, StatisticsReport) {
  AnalyzeOptions options;
  options.quiet = true;
  options.stats = true;
  Output o = run({kCaptures + "mctp-sll.pcap"}, options);
  const std::string& r = o.out;
  EXPECT_NE(r.find("Packets: 35\n"), std::string::npos) << r;
  EXPECT_NE(r.find("Messages: 33\n"), std::string::npos) << r;
  EXPECT_NE(r.find("Request/response pairs matched: 15\n"), std::string::npos) << r;
  EXPECT_NE(r.find("  control get_endpoint_id                             2     1001.000     1001.000     1001.000\n"),
            std::string::npos)
      << r;
  EXPECT_NE(r.find("Requests never answered: 3\n  frame 17: control endpoint_discovery\n"), std::string::npos) << r;
  // A request and its response count under one name; records inside a message are not commands.
  EXPECT_NE(r.find("  pldm base get_pldm_version                                       2\n"), std::string::npos) << r;
  EXPECT_NE(r.find("  pldm fru get_fru_record_table                       1     5005.000     5005.000     5005.000\n"),
            std::string::npos)
      << r;
  EXPECT_EQ(r.find("version_data"), std::string::npos) << r;
  EXPECT_NE(r.find("Responses without a request: 0\n"), std::string::npos) << r;
  EXPECT_NE(r.find("Reassembly problems: none\n"), std::string::npos) << r;
}

TEST(Analyze, StatisticsCountProblems) {
  // A request sent twice with one tag before any answer (tag reuse), then one with a bad PEC.
  std::string path = testing::TempDir() + "problems.txt";
  std::ofstream(path) << "reading from file x.pcap, link-type I2C_LINUX\n"
                         "10:00:00.000000 \n\t0x0000:  0100 0000 003a 0f0a 2101 0008 c800 8001\n\t0x0010:  0009 ce\n"
                         "10:00:01.000000 \n\t0x0000:  0100 0000 003a 0f0a 2101 0008 c800 8001\n\t0x0010:  0009 ce\n"
                         "10:00:02.000000 \n\t0x0000:  0100 0000 003a 0f0a 2101 0008 c800 8001\n\t0x0010:  0009 cf\n";
  AnalyzeOptions options;
  options.quiet = true;
  options.stats = true;
  options.open.text_time.timezone = "UTC";
  options.open.text_time.date = "2024-01-01";
  Output o = run({path}, options);
  EXPECT_NE(o.out.find("Bad checksums (PEC, FCS, MIC) by layer:\n  smbus"), std::string::npos) << o.out << o.err;
  EXPECT_NE(o.out.find("Tag reuse while a request was outstanding: 1\n"), std::string::npos) << o.out;
  // The first request is lost to the reuse of its tag, the second is still waiting: both unanswered.
  EXPECT_NE(o.out.find("Requests never answered: 2\n  frame 2: control set_endpoint_id\n"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("Packets: 3\nMessages: 2\n"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("Reassembly problems:\n  bad-packet"), std::string::npos) << o.out;
}

// An NVMe-MI request of three packets whose CRC-32C MIC is wrong, then one of a single packet
// with the same fault. A packet that carries a piece of a message checks no MIC: the first is
// found only in the reassembled message, and counted there; the second is the packet's own.
TEST(Analyze, StatisticsCountWhatOnlyTheReassembledMessageShows) {
  const std::string path = testing::TempDir() + "bad-mic.pcap";
  {
    auto opened = capture::PcapWriter::open(path);
    ASSERT_TRUE(opened.writer) << opened.error;
    std::int64_t time_ns = 1'700'000'000'000'000'000;
    for (std::string_view packet : {"01 09 08 88 84 08 00 00 00 00 00 00", "01 09 08 18 00 00 00 00 00 00 00 00",
                                    "01 09 08 68 E2 00 06 F8",  // the MIC is E2 00 06 07
                                    "01 09 08 C9 84 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 E2 00 06 F8"}) {
      ASSERT_TRUE(opened.writer->write(parse_hex(packet).value(), time_ns += 1000, false));
    }
    ASSERT_TRUE(opened.writer->close()) << opened.writer->error();
  }
  AnalyzeOptions options;
  options.quiet = true;
  options.stats = true;
  Output o = run({path}, options);
  const std::string tail =
      "Bad checksums (PEC, FCS, MIC) by layer:\n"
      "  nvme_mi                                                          2\n"
      "Decode diagnostics by kind:\n"
      "  bad-checksum                                                     1\n"
      "  bad-checksum in frame 4\n"
      "Diagnostics of messages of several packets, by kind:\n"
      "  bad-checksum                                                     1\n"
      "  bad-checksum in frame 3\n";
  EXPECT_TRUE(o.out.ends_with(tail)) << o.out << o.err;
  EXPECT_NE(o.out.find("Packets: 4\nMessages: 2\n"), std::string::npos) << o.out;
  EXPECT_EQ(o.err, "");

  // Messages whose packets show everything add no table lines.
  Output clean = run({kCaptures + "mctp-sll.pcap"}, options);
  EXPECT_TRUE(clean.out.ends_with("  unknown-type in frames 34, 35\n"
                                  "Diagnostics of messages of several packets, by kind: none\n"))
      << clean.out;
}

TEST(Analyze, WrittenPcapReadsBackTheSame) {
  std::string written = testing::TempDir() + "written.pcap";
  AnalyzeOptions options;
  options.write_path = written;
  options.quiet = true;
  Output w = run({kCaptures + "mctp-smbus-i2c.pcap"}, options);
  EXPECT_TRUE(w.err.empty()) << w.err;
  AnalyzeOptions plain;
  plain.reassemble = false;
  auto original = run({kCaptures + "mctp-sll.pcap"}, plain).lines();
  auto again = run({written}, plain).lines();
  ASSERT_EQ(again.size(), original.size());
  for (std::size_t i = 2; i < again.size(); ++i) EXPECT_EQ(mctp_summary(again[i]), mctp_summary(original[i]));
}

TEST(Analyze, TruncatedPcapPrintsEverythingBeforeTheDamage) {
  std::ifstream in(kCaptures + "mctp-sll.pcap", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  std::string path = testing::TempDir() + "cut.pcap";
  std::ofstream(path, std::ios::binary) << bytes.substr(0, bytes.size() - 3);
  AnalyzeOptions options;
  options.reassemble = false;
  Output o = run({path}, options);
  EXPECT_TRUE(o.result.input_damaged);
  EXPECT_EQ(o.lines().size(), 2u + 34u);
  EXPECT_NE(o.err.find("error: "), std::string::npos) << o.err;
}

TEST(Analyze, MissingAndEmptyFiles) {
  Output missing = run({"/nonexistent.pcap"});
  EXPECT_TRUE(missing.result.cannot_open);
  EXPECT_EQ(missing.err, "error: cannot open '/nonexistent.pcap': No such file or directory\n");
  std::string empty = testing::TempDir() + "empty.pcap";
  std::ofstream(empty).close();
  Output e = run({empty});
  EXPECT_TRUE(e.result.cannot_open || e.result.input_damaged);
  EXPECT_EQ(e.err.rfind("error: ", 0), 0u) << e.err;
}

TEST(IsoTime, LeavesOutAZeroFraction) {
  EXPECT_EQ(iso_time(1710987200'000000000), "2024-03-21T02:13:20+00:00");
  EXPECT_EQ(iso_time(1710987200'123456789), "2024-03-21T02:13:20.123456+00:00");
}

// The date and time of day are kept per second: times within a second, across a second, across
// midnight and before 1970 must each get their own text.
TEST(IsoTime, EachTimeGetsItsOwnSecondAndFraction) {
  EXPECT_EQ(iso_time(1710987200'000001000), "2024-03-21T02:13:20.000001+00:00");
  EXPECT_EQ(iso_time(1710987200'999999999), "2024-03-21T02:13:20.999999+00:00");
  EXPECT_EQ(iso_time(1710987201'000000999), "2024-03-21T02:13:21+00:00");
  EXPECT_EQ(iso_time(1711065599'500000000), "2024-03-21T23:59:59.500000+00:00");
  EXPECT_EQ(iso_time(1711065600'000000000), "2024-03-22T00:00:00+00:00");
  EXPECT_EQ(iso_time(0), "1970-01-01T00:00:00+00:00");
  EXPECT_EQ(iso_time(-1), "1969-12-31T23:59:59.999999+00:00");
  EXPECT_EQ(iso_time(-1'000'000'000), "1969-12-31T23:59:59+00:00");
  EXPECT_EQ(iso_time(1710987200'123456789), "2024-03-21T02:13:20.123456+00:00");
}

// Local times: the offset moves the date and time of day and follows the fraction.
TEST(IsoTime, AnOffsetFollowsTheFraction) {
  EXPECT_EQ(iso_time(1710987200'123456789, 19800), "2024-03-21T07:43:20.123456+05:30");
  EXPECT_EQ(iso_time(1710987200'000000000, -28800), "2024-03-20T18:13:20-08:00");
  EXPECT_EQ(iso_time(1710987200'000001000, -28800), "2024-03-20T18:13:20.000001-08:00");
  EXPECT_EQ(iso_time(-1, 3600), "1970-01-01T00:59:59.999999+01:00");
}

}  // namespace
}  // namespace mctpkit::analysis
