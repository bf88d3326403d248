// Lookups by handle and by name give the same answers whatever tables they were used on before:
// what a handle or the lookup memory remembers is only ever a shortcut.

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <thread>
#include <vector>

#include "mctpkit/core/field.hpp"
#include "mctpkit/core/fields.hpp"

namespace mctpkit {
namespace {

constexpr std::array kFirst{u8("a"), u8("b").also("bee"), u8("c")};
constexpr std::array kSecond{u8("c"), u8("a"), u16("x")};
// A table that is part of another: a declaration found in one is at another index in the other.
constexpr std::array kWhole{u8("p"), u8("q"), u8("r"), u8("s")};
constexpr std::span<const FieldDef> kTail = std::span<const FieldDef>(kWhole).subspan(2);

TEST(FieldHandle, FindsTheFieldInEveryTableItIsUsedOn) {
  static const FieldHandle kA{"a"}, kC{"c"};
  Fields first(kFirst, "first"), second(kSecond, "second");
  first.set("a", 1).set("c", 3);
  second.set("a", 11).set("c", 13);
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(first.index_of(kA), 0u);
    EXPECT_EQ(second.index_of(kA), 1u);
    EXPECT_EQ(first.num(kC), 3u);
    EXPECT_EQ(second.num(kC), 13u);
    EXPECT_EQ(second.num(kA), 11u);
    EXPECT_EQ(first.num(kA), 1u);
  }
}

TEST(FieldHandle, AnswersLikeTheNameForMissingUnsetAndAliasedFields) {
  static const FieldHandle kX{"x"}, kBee{"bee"}, kNone{"none"};
  Fields first(kFirst, "first"), second(kSecond, "second");
  second.set("x", 0x1234);
  first.set("b", 7);
  EXPECT_EQ(first.index_of(kX), Fields::npos);
  EXPECT_EQ(first.num(kX), 0u);
  EXPECT_FALSE(first.get(kX).has_value());
  EXPECT_FALSE(first.has(kX));
  EXPECT_EQ(second.num(kX), 0x1234u);
  EXPECT_TRUE(second.has(kX));
  EXPECT_EQ(first.num(kBee), 7u);
  EXPECT_EQ(first.index_of(kBee), first.index_of("bee"));
  EXPECT_EQ(second.index_of(kNone), Fields::npos);
  EXPECT_FALSE(second.get(kNone).has_value());
}

TEST(FieldHandle, ATableInsideAnotherGetsItsOwnIndex) {
  static const FieldHandle kR{"r"};
  Fields whole(kWhole, "whole"), tail(kTail, "tail");
  whole.set("r", 5);
  tail.set("r", 6);
  EXPECT_EQ(whole.index_of(kR), 2u);
  EXPECT_EQ(tail.index_of(kR), 0u);
  EXPECT_EQ(whole.num(kR), 5u);
  EXPECT_EQ(tail.num(kR), 6u);
}

// A table's own functions read its values by a place the compiler worked out.
static_assert(field_index(kFirst, "a") == 0 && field_index(kFirst, "c") == 2);
static_assert(field_index(kSecond, "a") == 1 && field_index(kSecond, "x") == 2);
static_assert(field_index(kTail, "s") == 1);

TEST(FieldIndex, ReadsByPlaceWhatTheNameReads) {
  constexpr std::size_t kB = field_index(kFirst, "b"), kC = field_index(kFirst, "c");
  Fields first(kFirst, "first");
  EXPECT_EQ(first.num_at(kB), first.num("b"));
  EXPECT_EQ(first.get_at(kB), std::nullopt);
  first.set("b", 7).set("c", 0);
  EXPECT_EQ(first.num_at(kB), 7u);
  EXPECT_EQ(first.get_at(kB), std::optional<std::uint64_t>(7));
  EXPECT_EQ(first.get_at(kC), std::optional<std::uint64_t>(0));
  EXPECT_EQ(first.num_at(Fields::npos), 0u);
  EXPECT_EQ(first.get_at(Fields::npos), std::nullopt);
}

TEST(FieldLookupByName, RepeatedLookupsInManyTablesStayExact) {
  Fields first(kFirst, "first"), second(kSecond, "second"), whole(kWhole, "whole"), tail(kTail, "tail");
  const std::string names[] = {"a", "b", "bee", "c", "x", "p", "r", "s", "q", "zz", ""};
  auto expected = [](std::span<const FieldDef> defs, const std::string& name) {
    for (std::size_t i = 0; i < defs.size(); ++i) {
      if (defs[i].name == name || (!defs[i].alias.empty() && defs[i].alias == name)) return i;
    }
    return Fields::npos;
  };
  for (int round = 0; round < 4; ++round) {
    for (const std::string& name : names) {
      // A new string each time too: the memory is keyed by where the name lies.
      const std::string copy = name;
      EXPECT_EQ(first.index_of(name), expected(kFirst, name)) << name;
      EXPECT_EQ(second.index_of(copy), expected(kSecond, name)) << name;
      EXPECT_EQ(whole.index_of(name), expected(kWhole, name)) << name;
      EXPECT_EQ(tail.index_of(copy), expected(kTail, name)) << name;
    }
  }
  // Names that are the declarations' own characters (as merged string literals are), whole or
  // cut short: the same place as by a copy of the text.
  for (const FieldDef& def : kFirst) {
    for (const std::string_view text : {def.name, def.alias}) {
      for (std::size_t size = 0; size <= text.size(); ++size) {
        const std::string_view own(text.data(), size);
        EXPECT_EQ(first.index_of(own), expected(kFirst, std::string(own))) << own;
      }
    }
  }
}

TEST(FieldHandle, ThreadsSharingHandlesAndTablesAgree) {
  static const FieldHandle kA{"a"}, kC{"c"};
  Fields first(kFirst, "first"), second(kSecond, "second");
  first.set("a", 1).set("c", 3);
  second.set("a", 11).set("c", 13);
  std::vector<std::thread> threads;
  std::array<int, 4> wrong{};
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20000; ++i) {
        const Fields& f = (i + t) % 2 ? first : second;
        const std::uint64_t a = f.num(kA), c = f.num(kC), by_name = f.num("c");
        if (a != (&f == &first ? 1u : 11u) || c != (&f == &first ? 3u : 13u) || by_name != c) ++wrong[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong, (std::array<int, 4>{}));
}

}  // namespace
}  // namespace mctpkit
