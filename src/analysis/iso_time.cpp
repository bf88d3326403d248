#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

#include "mctpkit/analysis/analyzer.hpp"

namespace mctpkit::analysis {

std::string iso_time(std::int64_t utc_ns) { return iso_time(utc_ns, 0); }

std::string iso_time(std::int64_t utc_ns, std::int32_t offset_seconds) {
  using namespace std::chrono;
  const sys_time<nanoseconds> t{nanoseconds(utc_ns) + seconds(offset_seconds)};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<nanoseconds> hms{t - day};
  const auto micros = duration_cast<microseconds>(hms.subseconds()).count();
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(ymd.year()),
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                hms.hours().count(), hms.minutes().count(), hms.seconds().count());
  if (micros != 0) out += fmt::format(".{:06}", micros);
  const int minutes = std::abs(offset_seconds) / 60;
  return out + fmt::format("{}{:02}:{:02}", offset_seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

}  // namespace mctpkit::analysis
