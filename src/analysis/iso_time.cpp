#include <fmt/format.h>

#include <chrono>

#include "mctpkit/analysis/analyzer.hpp"

namespace mctpkit::analysis {

namespace {

// Packets of a capture come many to the second: the date and time of day are formatted once per
// second (per thread), and each time only adds its microseconds.
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

std::string iso_time(std::int64_t utc_ns) {
  thread_local SecondText cache;
  // Floor division, so that times before 1970 keep their second and a positive fraction.
  std::int64_t second = utc_ns / 1'000'000'000;
  std::int64_t fraction_ns = utc_ns % 1'000'000'000;
  if (fraction_ns < 0) {
    fraction_ns += 1'000'000'000;
    --second;
  }
  if (!cache.valid || cache.second != second) format_second(cache, second);
  std::string out(cache.text, cache.size);
  const std::int64_t micros = fraction_ns / 1000;
  if (micros != 0) {
    char digits[8] = {'.', '0', '0', '0', '0', '0', '0', '\0'};
    std::int64_t rest = micros;
    for (int i = 6; i >= 1; --i, rest /= 10) digits[i] = static_cast<char>('0' + rest % 10);
    out.append(digits, 7);
  }
  out += "+00:00";
  return out;
}

}  // namespace mctpkit::analysis
