// Summary templates write the common number specs ("02X", "d", "08X") without a format string;
// every spec must still read exactly as the format library would write it.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <string>

#include "mctpkit/core/field.hpp"
#include "mctpkit/core/fields.hpp"
#include "mctpkit/core/format.hpp"

namespace mctpkit {
namespace {

constexpr std::array kDefs{u64("n")};

std::string rendered(std::string_view tmpl, std::uint64_t n) {
  Fields fields(kDefs, "test");
  fields.set("n", n);
  std::string out;
  render_template(fields, tmpl, out);
  return out;
}

TEST(SummarySpecs, EverySpecWritesWhatTheFormatLibraryWrites) {
  const std::uint64_t values[] = {0, 1, 9, 10, 15, 16, 255, 256, 4095, 65535, 0x12345678, 0xFFFFFFFFFFFFFFFFull};
  const char* specs[] = {"02X", "X", "04X", "08X", "016X", "d", "02", "04", "3", ">12", "<8", "04x", "x", "#X", "#06x", "5d", "020d"};
  for (std::uint64_t v : values) {
    for (const char* spec : specs) {
      std::string expected = "<" + fmt::format(fmt::runtime(std::string("{:") + spec + "}"), v) + ">";
      EXPECT_EQ(rendered(std::string("<{n:") + spec + "}>", v), expected) << "spec " << spec << " value " << v;
    }
  }
}

TEST(SummarySpecs, PlainFieldsAndLiteralText) {
  EXPECT_EQ(rendered("n={n}", 42), "n=42");
  EXPECT_EQ(rendered("({n:02X}) / {missing}", 10), "(0A) / ?");
  EXPECT_EQ(rendered("open {n:02X", 10), "open {n:02X");
}

// A template is read once per table it is rendered against; the same text over another table,
// or other text at the same address, is read again.
TEST(SummaryTemplates, EachTableAndEachTextIsReadForItself) {
  constexpr std::array kOther{u8("x"), u64("n")};
  Fields other(kOther, "other");
  other.set("x", 7);
  other.set("n", 99);
  constexpr std::string_view kTemplate = "n={n} x={x}";
  std::string out;
  render_template(other, kTemplate, out);
  EXPECT_EQ(out, "n=99 x=7");
  Fields one(kDefs, "test");
  one.set("n", 5);
  out.clear();
  render_template(one, kTemplate, out);
  EXPECT_EQ(out, "n=5 x=?");

  char text[] = "a={n:02X}";
  out.clear();
  render_template(one, text, out);
  text[0] = 'b';
  text[6] = '3';  // "b={n:03X}"
  render_template(one, text, out);
  EXPECT_EQ(out, "a=05b=005");
}

}  // namespace
}  // namespace mctpkit
