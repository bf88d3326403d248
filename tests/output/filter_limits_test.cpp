// Filters far larger than anyone writes: refused or parsed without reading the text twice, and
// a filter too deeply nested is refused before the rest of it is read.

#include <gtest/gtest.h>

#include "mctpkit/core/registry.hpp"
#include "mctpkit/output/filter.hpp"

namespace mctpkit::output::testing {
const Registry& registry();
Frame decode_hex(std::string_view hex);
}  // namespace mctpkit::output::testing

namespace mctpkit::output {
namespace {

std::string error_of(std::string_view text, const Registry* registry) {
  auto parsed = parse_filter(text, registry);
  const FilterError* e = std::get_if<FilterError>(&parsed);
  return e ? e->text() : "parsed";
}

TEST(FilterLimits, AMegabyteOfOpeningParenthesesIsRefusedAtTheLimit) {
  const std::string text(1'000'000, '(');
  EXPECT_EQ(error_of(text, nullptr), "filter nested too deeply at column 202");
  EXPECT_EQ(error_of(text, &testing::registry()), "filter nested too deeply at column 202");
}

TEST(FilterLimits, NestingIsRefusedBeforeLaterTextIsRead) {
  // The '$' would be "unexpected character" if the whole text were read first.
  EXPECT_EQ(error_of(std::string(300, '(') + " $", nullptr), "filter nested too deeply at column 202");
  // Below the limit the text is read on, up to its first fault.
  EXPECT_EQ(error_of(std::string(3, '(') + " $", nullptr), "unexpected character '$' at column 5");
}

TEST(FilterLimits, AHundredThousandTermsParseAndEvaluate) {
  std::string text;
  for (int i = 0; i < 100'000; ++i) text += "mctp.src == 0x0A or ";
  text += "mctp.src == 9";
  auto parsed = parse_filter(text, &testing::registry());
  ASSERT_TRUE(std::holds_alternative<Filter>(parsed)) << std::get<FilterError>(parsed).text();
  const Filter& filter = std::get<Filter>(parsed);
  EXPECT_TRUE(filter.matches(testing::decode_hex("01 08 09 C8 00 83 01 00 0A")));   // source 0x09
  EXPECT_FALSE(filter.matches(testing::decode_hex("01 09 08 C8 00 83 01 00 0A")));  // source 0x08
}

TEST(FilterLimits, AnErrorAfterManyTermsNamesItsColumn) {
  std::string text;
  for (int i = 0; i < 10'000; ++i) text += "mctp.src == 1 and ";
  const std::size_t column = text.size() + 1;
  text += "mctp.nope == 1";
  EXPECT_EQ(error_of(text, &testing::registry()).substr(0, 38 + std::to_string(column).size()),
            "unknown field 'mctp.nope' at column " + std::to_string(column) + " (");
}

}  // namespace
}  // namespace mctpkit::output
