// Registry::link: found by name or without regard to case, and never answered from what was
// found in another registry, even one built where a destroyed one was.

#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <optional>

#include "mctpkit/core/field.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {
namespace {

constexpr std::array kFirstFields{u8("a")};
constexpr LayerDef kFirst{.id = "first", .fields = kFirstFields};
constexpr LayerDef kSecond{.id = "second", .fields = kFirstFields};

TEST(RegistryLink, FoundByNameAndWithoutRegardToCase) {
  Registry r;
  r.add_link({"sample-link", "a link", &kFirst});
  ASSERT_NE(r.link("sample-link"), nullptr);
  EXPECT_EQ(r.link("sample-link")->first, &kFirst);
  EXPECT_EQ(r.link("SAMPLE-Link")->first, &kFirst);
  EXPECT_EQ(r.link("sample-link")->first, &kFirst);  // asked again after another name
  EXPECT_EQ(r.link("other"), nullptr);
}

TEST(RegistryLink, ALinkAddedLaterIsFound) {
  Registry r;
  EXPECT_EQ(r.link("later"), nullptr);
  r.add_link({"later", "a link", &kSecond});
  ASSERT_NE(r.link("later"), nullptr);
  EXPECT_EQ(r.link("later")->first, &kSecond);
}

TEST(RegistryLink, ALinkOfTheExactNameAddedLaterWinsOverOneFoundRegardlessOfCase) {
  Registry r;
  r.add_link({"mixed", "lower case", &kFirst});
  ASSERT_NE(r.link("MIXED"), nullptr);
  EXPECT_EQ(r.link("MIXED")->first, &kFirst);
  r.add_link({"MIXED", "upper case", &kSecond});
  EXPECT_EQ(r.link("MIXED")->first, &kSecond);
  EXPECT_EQ(r.link("mixed")->first, &kFirst);
  EXPECT_EQ(r.link("Mixed")->first, &kSecond);  // the first in name order: "MIXED" < "mixed"
}

TEST(RegistryLink, EachRegistryAnswersForItself) {
  Registry one, two;
  one.add_link({"shared-name", "one's", &kFirst});
  two.add_link({"shared-name", "two's", &kSecond});
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(one.link("shared-name")->first, &kFirst);
    EXPECT_EQ(two.link("shared-name")->first, &kSecond);
  }
  // Registries built one after another in the same storage: the second knows nothing of the
  // first's links, or has its own.
  std::optional<Registry> slot;
  slot.emplace();
  slot->add_link({"reused", "first", &kFirst});
  ASSERT_NE(slot->link("reused"), nullptr);
  slot.reset();
  slot.emplace();
  EXPECT_EQ(slot->link("reused"), nullptr);
  slot->add_link({"reused", "second", &kSecond});
  EXPECT_EQ(slot->link("reused")->first, &kSecond);
}

}  // namespace
}  // namespace mctpkit
