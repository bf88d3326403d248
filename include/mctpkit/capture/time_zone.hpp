#pragma once
// A time zone of the system's IANA database, for showing UTC instants as local wall-clock
// times (the zone database itself stays inside the capture module).

#include <cstdint>
#include <optional>
#include <string>

namespace date {
class time_zone;
}

namespace mctpkit::capture {

class TimeZone {
 public:
  /// The zone named `name` ("America/New_York", "UTC"); nullopt when the database has none.
  static std::optional<TimeZone> locate(const std::string& name);

  /// Seconds to add to UTC for the wall-clock time in force at `utc_ns` (daylight saving
  /// included): -18000 for New York in winter.
  std::int32_t offset_seconds(std::int64_t utc_ns) const;

 private:
  explicit TimeZone(const date::time_zone* zone) : zone_(zone) {}
  const date::time_zone* zone_;
};

}  // namespace mctpkit::capture
