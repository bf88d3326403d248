#pragma once
// Turning the wall-clock times of a tcpdump text dump into UTC instants, with the IANA time
// zone database of the system (Howard Hinnant's date/tz, kept out of every other file).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mctpkit/capture/open.hpp"

namespace date {
class time_zone;
}

namespace mctpkit::capture::detail {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;
};

/// Exactly "YYYY-MM-DD" naming a real calendar day.
std::optional<CivilDate> parse_civil_date(std::string_view text);

class TextClock {
 public:
  /// The clock for `options`, or the error line for a bad zone or date.
  static std::optional<std::string> create(const TextTimeOptions& options, TextClock& clock);

  struct Instant {
    std::int64_t utc_ns = 0;
    /// The local time fell in a gap (clocks moved forward); it was read with the offset in
    /// force before the gap, which lands as far after the gap as it was into it.
    bool nonexistent = false;
  };

  /// `time_of_day_ns` after midnight of `day` (default: the configured date), local time.
  /// nullopt when the instant does not fit in int64 nanoseconds.
  std::optional<Instant> to_utc(std::optional<CivilDate> day, std::int64_t time_of_day_ns) const;

  std::string_view zone_name() const;

 private:
  const date::time_zone* zone_ = nullptr;
  CivilDate default_day_;
  bool dst_ = true;
};

}  // namespace mctpkit::capture::detail
