// Wall-clock times of text dumps to UTC: zones, dates, daylight-saving edges, bad options.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "capture_test_support.hpp"

namespace mctpkit::capture::test {
namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

OpenOptions at(const std::string& zone, std::optional<std::string> date, bool dst = true) {
  OpenOptions options;
  options.text_time.timezone = zone;
  options.text_time.date = std::move(date);
  options.text_time.dst = dst;
  return options;
}

std::optional<std::int64_t> first_time(const std::string& text, const OpenOptions& options,
                                       std::unique_ptr<CaptureReader>* keep = nullptr) {
  auto reader = open_memory_ok(text, options);
  if (!reader) return std::nullopt;
  auto record = reader->next();
  EXPECT_TRUE(record.has_value());
  if (keep != nullptr) *keep = std::move(reader);
  return record ? record->time_ns : std::nullopt;
}

std::string one_packet(const std::string& time) { return time + " \n\t0x0000:  0100 08c8 0080 0100 09\n"; }

TEST(TextTime, NewYorkOnAChosenDate) {
  // 22:13:20 EDT (UTC-4) on 2024-03-20 is 2024-03-21T02:13:20Z. From the epoch: 54 years with
  // 13 leap days to 2024-01-01 = 19723 days, + 31 + 29 + 20 = 19803 days = 1710979200 s,
  // + 2:13:20 (8000 s) = 1710987200 s.
  auto reader = open_ok(capture_path("tcpdump-text/tcpdump-sll-x.txt"), at("America/New_York", "2024-03-20"));
  ASSERT_TRUE(reader);
  auto record = reader->next();
  ASSERT_TRUE(record);
  EXPECT_EQ(record->time_ns, 1'710'987'200 * kSecond);
  // The second packet is 1.001 s later on the same clock.
  record = reader->next();
  ASSERT_TRUE(record);
  EXPECT_EQ(record->time_ns, 1'710'987'201 * kSecond + 1'000'000);
}

TEST(TextTime, UtcZone) {
  // 2024-03-20 is day 19802: 1710892800 s, + 22:13:20 (80000 s).
  EXPECT_EQ(first_time(one_packet("22:13:20.000000"), at("UTC", "2024-03-20")), 1'710'972'800 * kSecond);
}

TEST(TextTime, AmbiguousTimePicksTheSideAskedFor) {
  // 01:30 happens twice in New York on 2024-11-03: EDT (05:30Z) first, then EST (06:30Z).
  std::string text = one_packet("01:30:00.000000");
  std::optional<std::int64_t> daylight = first_time(text, at("America/New_York", "2024-11-03", true));
  std::optional<std::int64_t> standard = first_time(text, at("America/New_York", "2024-11-03", false));
  ASSERT_TRUE(daylight && standard);
  EXPECT_EQ(*daylight, 1'730'611'800 * kSecond);
  EXPECT_EQ(*standard, 1'730'615'400 * kSecond);
  EXPECT_EQ(*standard - *daylight, 3600 * kSecond);
}

TEST(TextTime, OneReaderAcrossAYearsChangesGivesEachTimeWhatItGetsAlone) {
  // Packets every 20 minutes over the days around New York's two changes of 2024 and a day in
  // between, in one dump: the reader's clock remembers the zone's period from packet to packet,
  // and every time must still read as it does in a dump of its own (gap, overlap and all).
  std::vector<std::string> stamps;
  for (const char* day : {"2024-03-09", "2024-03-10", "2024-03-11", "2024-07-01", "2024-11-02", "2024-11-03", "2024-11-04"}) {
    for (int minute = 0; minute < 24 * 60; minute += 20) {
      char stamp[32];
      std::snprintf(stamp, sizeof stamp, "%s %02d:%02d:00.000000", day, minute / 60, minute % 60);
      stamps.emplace_back(stamp);
    }
  }
  std::string text;
  for (const std::string& stamp : stamps) text += one_packet(stamp);
  for (bool dst : {true, false}) {
    SCOPED_TRACE(dst ? "daylight time where ambiguous" : "standard time where ambiguous");
    auto reader = open_memory_ok(text, at("America/New_York", std::nullopt, dst));
    ASSERT_TRUE(reader);
    for (const std::string& stamp : stamps) {
      auto record = reader->next();
      ASSERT_TRUE(record);
      EXPECT_EQ(record->time_ns, first_time(one_packet(stamp), at("America/New_York", std::nullopt, dst))) << stamp;
    }
  }
}

TEST(TextTime, NonexistentTimeIsReadAfterTheGapWithADiagnostic) {
  // 02:30 does not exist in New York on 2024-03-10; with the EST offset it is 07:30Z (03:30 EDT).
  std::unique_ptr<CaptureReader> reader;
  std::string text = "reading from file x.pcap, link-type LINUX_SLL (Linux cooked v1)\n" + one_packet("02:30:00.000000");
  EXPECT_EQ(first_time(text, at("America/New_York", "2024-03-10"), &reader), 1'710'055'800 * kSecond);
  ASSERT_EQ(reader->diagnostics().size(), 1u);
  EXPECT_EQ(reader->diagnostics()[0].line_or_record, 2u);
  EXPECT_EQ(reader->diagnostics()[0].message,
            "local time does not exist in America/New_York (the clocks were put forward); read with the offset "
            "before the change");
}

TEST(TextTime, DefaultDateIsTodayInTheZone) {
  auto days_now = [] {
    return std::chrono::duration_cast<std::chrono::hours>(std::chrono::system_clock::now().time_since_epoch()).count() /
           24;
  };
  std::int64_t before = days_now();
  std::optional<std::int64_t> time = first_time(one_packet("12:00:00.000000"), at("UTC", std::nullopt));
  std::int64_t after = days_now();
  ASSERT_TRUE(time);
  std::int64_t day = *time / (86400 * kSecond);
  EXPECT_TRUE(day == before || day == after);
  EXPECT_EQ(*time % (86400 * kSecond), 12 * 3600 * kSecond);
}

TEST(TextTime, DefaultOptionsAreValid) {
  EXPECT_EQ(validate_text_time(TextTimeOptions{}), std::nullopt);
  EXPECT_EQ(TextTimeOptions{}.timezone, "US/Central");
}

TEST(TextTime, BadZoneAndBadDateGiveTheExactErrors) {
  TextTimeOptions zone;
  zone.timezone = "Mars/Olympus_Mons";
  EXPECT_EQ(validate_text_time(zone), "Unknown time zone 'Mars/Olympus_Mons'.");
  for (const char* date : {"2024-13-01", "2024-02-30", "20240320", "2024-3-20", "yesterday", ""}) {
    TextTimeOptions options;
    options.date = date;
    EXPECT_EQ(validate_text_time(options),
              "Invalid date format '" + std::string(date) + "'. Expected YYYY-MM-DD.");
  }
  TextTimeOptions leap;
  leap.date = "2024-02-29";
  EXPECT_EQ(validate_text_time(leap), std::nullopt);

  // open_capture refuses them too, whatever the file.
  EXPECT_EQ(open_capture(capture_path("mctp-sll.pcap"), at("Nowhere", std::nullopt)).error,
            "Unknown time zone 'Nowhere'.");
  EXPECT_EQ(open_capture(capture_path("tcpdump-text/tcpdump-sll-x.txt"), at("UTC", "2024/03/20")).error,
            "Invalid date format '2024/03/20'. Expected YYYY-MM-DD.");
}

}  // namespace
}  // namespace mctpkit::capture::test
