#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "mctpkit/analysis/analyzer.hpp"
#include "mctpkit/core/text_append.hpp"
#include "core/detail/per_thread.hpp"

namespace mctpkit::analysis {

namespace {

// Packets of a capture come many to the second: the date and time of day are formatted once per
// second (per thread), and each time only adds its microseconds and its offset.
// The last decimal digit of `n`.
char digit(int n) { return static_cast<char>('0' + n % 10); }

struct SecondText {
  std::int64_t second = 0;
  bool valid = false;
  char text[24] = {};  // "YYYY-MM-DDTHH:MM:SS", years 0-9999
  std::size_t size = 0;
};

void format_second(SecondText& cache, std::int64_t second) {
  using namespace std::chrono;
  const sys_seconds t{seconds(second)};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> hms{t - day};
  auto end = fmt::format_to_n(cache.text, sizeof cache.text, "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                              static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                              static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(),
                              hms.seconds().count());
  cache.size = std::min(end.size, sizeof cache.text);
  cache.second = second;
  cache.valid = true;
}

}  // namespace

std::string iso_time(std::int64_t utc_ns) { return iso_time(utc_ns, 0); }

std::string iso_time(std::int64_t utc_ns, std::int32_t offset_seconds) {
  std::string out;
  append_iso_time(out, utc_ns, offset_seconds);
  return out;
}

void append_iso_time(std::string& out, std::int64_t utc_ns, std::int32_t offset_seconds) {
  SecondText& cache = detail::per_thread<SecondText>();
  // The local second by floor division, so that times before 1970 keep a positive fraction.
  std::int64_t second = utc_ns / 1'000'000'000 + offset_seconds;
  std::int64_t fraction_ns = utc_ns % 1'000'000'000;
  if (fraction_ns < 0) {
    fraction_ns += 1'000'000'000;
    --second;
  }
  if (!cache.valid || cache.second != second) format_second(cache, second);
  // The whole text is put together here and appended at once.
  char text[sizeof cache.text + 7 + 6];
  std::memcpy(text, cache.text, sizeof cache.text);
  std::size_t size = cache.size;
  if (const auto micros = static_cast<std::uint64_t>(fraction_ns / 1000); micros != 0) {
    text[size] = '.';
    size += 7;
    detail::digits_ending_at<10>(text + size, micros, 6);  // six digits, leading zeros kept
  }
  const int minutes = std::abs(offset_seconds) / 60;
  const char offset[6] = {offset_seconds < 0 ? '-' : '+', digit(minutes / 600), digit(minutes / 60), ':',
                          digit(minutes % 60 / 10), digit(minutes % 10)};
  std::memcpy(text + size, offset, sizeof offset);
  out.append(text, size + sizeof offset);
}

}  // namespace mctpkit::analysis
