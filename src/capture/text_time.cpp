#include "text_time.hpp"

#include <date/tz.h>

#include "mctpkit/capture/time_zone.hpp"

#include <chrono>
#include <limits>

namespace mctpkit::capture::detail {

namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

unsigned to_number(std::string_view digits) {
  unsigned value = 0;
  for (char c : digits) value = value * 10 + static_cast<unsigned>(c - '0');
  return value;
}

date::local_days to_local_days(const CivilDate& day) {
  return date::local_days{date::year{day.year} / date::month{day.month} / date::day{day.day}};
}

}  // namespace

std::optional<CivilDate> parse_civil_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::string_view year = text.substr(0, 4);
  std::string_view month = text.substr(5, 2);
  std::string_view day = text.substr(8, 2);
  if (!all_digits(year) || !all_digits(month) || !all_digits(day)) return std::nullopt;
  CivilDate result{static_cast<int>(to_number(year)), to_number(month), to_number(day)};
  date::year_month_day check{date::year{result.year}, date::month{result.month}, date::day{result.day}};
  if (!check.ok()) return std::nullopt;
  return result;
}

std::optional<std::string> TextClock::create(const TextTimeOptions& options, TextClock& clock) {
  std::optional<CivilDate> day;
  if (options.date) {
    day = parse_civil_date(*options.date);
    if (!day) return "Invalid date format '" + *options.date + "'. Expected YYYY-MM-DD.";
  }
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(options.timezone);
  } catch (...) {
    // date/tz reports an unknown name (or a missing database) by throwing; neither may escape.
    zone = nullptr;
  }
  if (zone == nullptr) return "Unknown time zone '" + options.timezone + "'.";

  if (!day) {
    auto now = zone->to_local(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    date::year_month_day today{date::floor<date::days>(now)};
    day = CivilDate{static_cast<int>(today.year()), static_cast<unsigned>(today.month()),
                    static_cast<unsigned>(today.day())};
  }
  clock.zone_ = zone;
  clock.default_day_ = *day;
  clock.dst_ = options.dst;
  return std::nullopt;
}

std::optional<TextClock::Instant> TextClock::to_utc(std::optional<CivilDate> day, std::int64_t time_of_day_ns) {
  using std::chrono::seconds;
  std::int64_t whole = time_of_day_ns / kNanosPerSecond;
  std::int64_t fraction = time_of_day_ns % kNanosPerSecond;
  date::local_seconds local = to_local_days(day.value_or(default_day_)) + seconds{whole};
  const std::int64_t local_count = local.time_since_epoch().count();
  Instant instant;
  seconds offset{0};
  if (recent_ && local_count >= recent_->first_local && local_count < recent_->end_local) {
    offset = seconds{recent_->offset};
  } else {
    date::local_info info = zone_->get_info(local);
    offset = info.first.offset;
    if (info.result == date::local_info::ambiguous && !dst_) offset = info.second.offset;
    // For a nonexistent time `first` is the period before the gap: its offset maps the time
    // past the gap by the time it was into it, keeping packet order and spacing.
    if (info.result == date::local_info::nonexistent) instant.nonexistent = true;
    if (info.result == date::local_info::unique) {
      // Two days in from either end: no two offsets differ by as much, so every local time in
      // between belongs to this period alone (a change's gap or overlap lies within a day of it).
      constexpr std::int64_t kMargin = 2 * 86400;
      const std::int64_t first = info.first.begin.time_since_epoch().count() + info.first.offset.count() + kMargin;
      const std::int64_t end = info.first.end.time_since_epoch().count() + info.first.offset.count() - kMargin;
      if (first < end) {
        recent_ = Period{first, end, info.first.offset.count()};
      } else {
        recent_.reset();
      }
    }
  }
  std::int64_t utc_seconds = (local.time_since_epoch() - offset).count();
  std::int64_t scaled = 0;
  if (__builtin_mul_overflow(utc_seconds, kNanosPerSecond, &scaled) ||
      __builtin_add_overflow(scaled, fraction, &instant.utc_ns)) {
    return std::nullopt;
  }
  return instant;
}

std::string_view TextClock::zone_name() const { return zone_ != nullptr ? zone_->name() : std::string_view(); }

}  // namespace mctpkit::capture::detail

namespace mctpkit::capture {

std::optional<TimeZone> TimeZone::locate(const std::string& name) {
  try {
    return TimeZone(date::locate_zone(name));
  } catch (...) {
    // An unknown name (or a missing database) is reported by throwing; it may not escape.
    return std::nullopt;
  }
}

std::int32_t TimeZone::offset_seconds(std::int64_t utc_ns) const {
  const date::sys_seconds at{std::chrono::seconds(utc_ns / 1'000'000'000 - (utc_ns % 1'000'000'000 < 0 ? 1 : 0))};
  return static_cast<std::int32_t>(zone_->get_info(at).offset.count());
}

}  // namespace mctpkit::capture
