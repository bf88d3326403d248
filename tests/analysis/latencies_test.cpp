// Response times by command under a bounded budget of kept times: exact figures while everything
// fits, a uniform sample past the budget, and shares that shrink as commands are added.

#include <gtest/gtest.h>

#include "mctpkit/analysis/latencies.hpp"

namespace mctpkit::analysis {
namespace {

// A command whose `pairs` times ran from 1 to `max`, of which a sample was kept: its extremes
// are exact and its median lies strictly between `low` and `high`.
void expect_sampled(const std::optional<Latencies::Summary>& s, std::uint64_t pairs, std::int64_t max,
                    std::int64_t low, std::int64_t high) {
  ASSERT_TRUE(s);
  EXPECT_EQ(s->pairs, pairs);
  EXPECT_EQ(s->min_ns, 1);
  EXPECT_EQ(s->max_ns, max);
  EXPECT_TRUE(s->sampled);
  EXPECT_GT(s->median_ns, low);
  EXPECT_LT(s->median_ns, high);
}

TEST(Latencies, FiguresAreExactWhileEveryTimeIsKept) {
  Latencies l(16);
  for (std::int64_t ns : {50, 10, 30}) l.add(2, ns);
  for (std::int64_t ns : {7, 1, 5, 3}) l.add(0, ns);
  EXPECT_EQ(l.commands(), 3u);
  EXPECT_FALSE(l.summary(1));  // no pair
  EXPECT_FALSE(l.summary(9));
  const auto odd = l.summary(2), even = l.summary(0);
  ASSERT_TRUE(odd && even);
  EXPECT_EQ(odd->pairs, 3u);
  EXPECT_EQ(odd->min_ns, 10);
  EXPECT_EQ(odd->median_ns, 30);
  EXPECT_EQ(odd->max_ns, 50);
  EXPECT_FALSE(odd->sampled);
  EXPECT_EQ(even->median_ns, 4);  // between 3 and 5
  EXPECT_EQ(l.kept(), 7u);
}

TEST(Latencies, PastTheBudgetTheMedianIsOfAUniformSampleAndTheExtremesStayExact) {
  Latencies l(100);
  for (std::int64_t ns = 1; ns <= 10000; ++ns) l.add(0, ns);
  EXPECT_EQ(l.kept(), 100u);
  // The first hundred times alone would give 50; a uniform sample of 100 lands near 5,000
  // (its standard deviation is about 500).
  expect_sampled(l.summary(0), 10000, 10000, 3500, 6500);
}

TEST(Latencies, EachNewCommandTakesItsShareFromThoseThatHoldMore) {
  Latencies l(400);
  for (std::int64_t ns = 1; ns <= 1000; ++ns) l.add(0, ns);
  l.add(1, 5);
  EXPECT_EQ(l.kept(), 201u);  // command 0 keeps half the budget
  for (Latencies::CommandId c = 2; c < 4; ++c) l.add(c, 5);
  EXPECT_EQ(l.kept(), 103u);  // a quarter each: 100, 1, 1, 1
  // Command 0's sample still stands for all its pairs: a second thousand of slower times moves
  // its median to the middle of the two (a sample of 100 puts it within about 100 of 1,000).
  for (std::int64_t ns = 1001; ns <= 2000; ++ns) l.add(0, ns);
  EXPECT_EQ(l.kept(), 103u);
  expect_sampled(l.summary(0), 2000, 2000, 700, 1300);
}

TEST(Latencies, EveryCommandKeepsOneTimeHoweverSmallTheBudget) {
  Latencies l(2);
  for (Latencies::CommandId c = 0; c < 5; ++c) {
    l.add(c, 10 + c);
    l.add(c, 20 + c);
  }
  EXPECT_EQ(l.kept(), 5u);
  for (Latencies::CommandId c = 0; c < 5; ++c) {
    const auto s = l.summary(c);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->pairs, 2u);
    EXPECT_EQ(s->min_ns, 10 + c);
    EXPECT_EQ(s->max_ns, 20 + c);
    EXPECT_TRUE(s->median_ns == 10 + c || s->median_ns == 20 + c);
    EXPECT_TRUE(s->sampled);
  }
}

}  // namespace
}  // namespace mctpkit::analysis
