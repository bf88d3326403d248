// Each thread's own objects (detail::per_thread): one per thread and type, kept from call to
// call, and freed, last made first, when the thread ends.

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/detail/per_thread.hpp"

namespace mctpkit {
namespace {

std::vector<std::string>& freed() {
  static std::vector<std::string> names;
  return names;
}

struct First {
  int uses = 0;
  ~First() { freed().push_back("first"); }
};
struct Second {
  int uses = 0;
  ~Second() { freed().push_back("second"); }
};

TEST(PerThread, TheSameObjectFromCallToCall) {
  First& a = detail::per_thread<First>();
  ++a.uses;
  First& b = detail::per_thread<First>();
  EXPECT_EQ(&a, &b);
  EXPECT_EQ(b.uses, 1);
  EXPECT_NE(static_cast<void*>(&detail::per_thread<Second>()), static_cast<void*>(&a));
}

TEST(PerThread, EachThreadHasItsOwnAndFreesItWhenItEnds) {
  const First* mine = &detail::per_thread<First>();
  const First* theirs = nullptr;
  const Second* their_second = nullptr;
  freed().clear();
  std::thread([&] {
    theirs = &detail::per_thread<First>();
    their_second = &detail::per_thread<Second>();
    EXPECT_EQ(theirs->uses, 0);  // a new one, not this thread's
    EXPECT_EQ(&detail::per_thread<First>(), theirs);
  }).join();
  EXPECT_NE(theirs, mine);
  EXPECT_NE(their_second, nullptr);
  // Both of the thread's objects were freed as it ended, the one made last first; this
  // thread's are still here.
  EXPECT_EQ(freed(), (std::vector<std::string>{"second", "first"}));
  EXPECT_EQ(&detail::per_thread<First>(), mine);
}

TEST(PerThread, AThreadThatEndsAndAnotherThatStartsDoNotShare) {
  // The second thread may be given the first one's thread-local block: it must still make its
  // own object rather than find the first thread's, freed, one.
  for (int round = 0; round < 3; ++round) {
    std::thread([] {
      Second& s = detail::per_thread<Second>();
      EXPECT_EQ(s.uses, 0);
      s.uses = 7;
    }).join();
  }
}

}  // namespace
}  // namespace mctpkit
