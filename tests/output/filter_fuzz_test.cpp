// Random filter-like text never crashes the parser or the evaluator (CI runs this under
// ASan+UBSan), and every error points inside the text or just past its end.

#include <random>

#include <gtest/gtest.h>

#include "mctpkit/core/registry.hpp"
#include "mctpkit/output/filter.hpp"

namespace mctpkit::output::testing {
const Registry& registry();
Frame decode_hex(std::string_view hex);
}  // namespace mctpkit::output::testing

namespace mctpkit::output {
namespace {

const char* const kPieces[] = {
    "mctp", "mctp.src", "mctpc.cmd", "mctpc.cc", "mctpc.routing_table.entries.start_eid", "raw.data", "pldm",
    "pldm.name.text", "mctpc.uuid.uuid", "vendor_x", "x.y.z", "==", "!=", "~=", "<", "<=", ">", ">=", "=", "!",
    "&", "|", "~", "and", "or", "not", "&&", "||", "in", "contains", "eq", "any_ne", "(", ")", "{", "}", ",",
    "0", "9", "0x", "0x0A", "0b101", "0b2", "01:02", "01:", ":", "-", ".", "..", "set_endpoint_id", "true",
    "\"", "\"HELLO\"", "\"\\x4", "\"\\", "\\", "18446744073709551616", "00112233-4455-6677-8899-aabbccddeeff",
    " ", "\t", "\n", "$", "\x01", "\xFF", "\xC3\xA9", "@", "[", "]"};

TEST(FilterFuzz, RandomTokenSoupNeverCrashes) {
  std::mt19937 rng(20240611);
  const std::vector<Frame> frames = {
      testing::decode_hex("01 08 09 C8 00 83 01 00 0A"),
      testing::decode_hex("01 09 08 C0 00 03 0A 00 FF 02 01 0A 22 01 1D 03 10 C5 02 20 21"),
      testing::decode_hex("01 08 09 50 AA BB"),
      testing::decode_hex("01 08 09 C8 01 01 00 99 06 48 45 4C 4C 4F 00 DE AD"),
      testing::decode_hex("01 09 08 C0 00 03 0A 05"),
      Frame{},
  };
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> count(0, 12), coin(0, 3), byte(0, 255);
  int parsed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int n = count(rng); n > 0; --n) {
      if (coin(rng) == 0) {
        text.push_back(static_cast<char>(byte(rng)));
      } else {
        text += kPieces[piece(rng)];
        if (coin(rng) != 0) text.push_back(' ');
      }
    }
    for (const Registry* reg : {static_cast<const Registry*>(nullptr), &testing::registry()}) {
      auto result = parse_filter(text, reg);
      if (auto* e = std::get_if<FilterError>(&result)) {
        ASSERT_GE(e->column, 1u) << text;
        ASSERT_LE(e->column, text.size() + 1) << text;
        ASSERT_LE(e->column + e->length, text.size() + 2) << text;
        ASSERT_FALSE(format_filter_error(*e).empty());
        continue;
      }
      ++parsed;
      for (const Frame& f : frames) (void)std::get<Filter>(result).matches(f);
    }
  }
  // The soup is not all errors: evaluation gets exercised too.
  EXPECT_GT(parsed, 500);
}

}  // namespace
}  // namespace mctpkit::output
