#include "analysis/progress.hpp"

#include <fmt/format.h>

#include <string>

namespace mctpkit::analysis {

void Progress::tick(std::uint64_t done) {
  if (!total_ || *total_ < 100000) return;  // short captures finish before a bar helps
  unsigned percent = static_cast<unsigned>(done * 100 / *total_);
  if (percent == shown_percent_) return;
  shown_percent_ = percent;
  constexpr unsigned kWidth = 40;
  unsigned filled = percent * kWidth / 100;
  err_ << fmt::format("\r[{}{}] {:3}% {}/{} packets", std::string(filled, '#'), std::string(kWidth - filled, ' '),
                      percent, done, *total_)
       << std::flush;
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_) err_ << "\r" << std::string(80, ' ') << "\r" << std::flush;
  drawn_ = false;
}

}  // namespace mctpkit::analysis
