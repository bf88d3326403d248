#pragma once
// A progress line on standard error for long captures (the CLI enables it only when standard
// error is a terminal).

#include <cstdint>
#include <optional>
#include <ostream>

namespace mctpkit::analysis {

class Progress {
 public:
  Progress(std::ostream& err, std::optional<std::uint64_t> total) : err_(err), total_(total) {}
  void tick(std::uint64_t done);
  void finish();

 private:
  std::ostream& err_;
  std::optional<std::uint64_t> total_;
  unsigned shown_percent_ = 101;
  bool drawn_ = false;
};

}  // namespace mctpkit::analysis
