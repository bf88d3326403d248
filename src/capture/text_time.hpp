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
  /// nullopt when the instant does not fit in int64 nanoseconds. Not const: the clock remembers
  /// the zone's period of the last time it converted (each reader has a clock of its own).
  std::optional<Instant> to_utc(std::optional<CivilDate> day, std::int64_t time_of_day_ns);

  std::string_view zone_name() const;

 private:
  // Local times (seconds since the local epoch) that lie well inside one period of the zone's
  // rules, a day or two away from its changes, so that each maps with that period's offset alone:
  // packet after packet falls in the same period, and asking the zone database each time cost
  // more than the rest of reading the packet's time.
  struct Period {
    std::int64_t first_local = 0;
    std::int64_t end_local = 0;  // past the last
    std::int64_t offset = 0;     // seconds east of UTC
  };

  const date::time_zone* zone_ = nullptr;
  CivilDate default_day_;
  bool dst_ = true;
  std::optional<Period> recent_;
};

}  // namespace mctpkit::capture::detail
