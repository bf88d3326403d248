// The progress line of long analyses: drawn only for captures of 100,000 packets or more, redrawn
// only when the percentage changes, and wiped by finish().

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "analysis/progress.hpp"

namespace mctpkit::analysis {
namespace {

TEST(Progress, DrawsABarWhenThePercentageChanges) {
  std::ostringstream err;
  Progress progress(err, 200000);
  progress.tick(0);
  EXPECT_EQ(err.str(), "\r[" + std::string(40, ' ') + "]   0% 0/200000 packets");
  err.str("");
  progress.tick(1999);  // still 0 %
  EXPECT_EQ(err.str(), "");
  progress.tick(100000);
  EXPECT_EQ(err.str(), "\r[" + std::string(20, '#') + std::string(20, ' ') + "]  50% 100000/200000 packets");
  err.str("");
  progress.tick(200000);
  EXPECT_EQ(err.str(), "\r[" + std::string(40, '#') + "] 100% 200000/200000 packets");
  err.str("");
  progress.finish();
  EXPECT_EQ(err.str(), "\r" + std::string(80, ' ') + "\r");
  err.str("");
  progress.finish();  // the line is already wiped
  EXPECT_EQ(err.str(), "");
}

TEST(Progress, ShortOrUnsizedCapturesDrawNothing) {
  std::ostringstream err;
  Progress short_capture(err, 99999);
  short_capture.tick(50000);
  short_capture.finish();
  Progress unsized(err, std::nullopt);
  unsized.tick(500000);
  unsized.finish();
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace mctpkit::analysis
