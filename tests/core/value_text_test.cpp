// Summaries gather a value's text in a TextBuffer (detail::put_value); it must be exactly what
// append_value() appends to a string, for every kind of field and display, set or not.

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "core/detail/value_text.hpp"
#include "mctpkit/core/field.hpp"
#include "mctpkit/core/fields.hpp"
#include "mctpkit/core/format.hpp"

namespace mctpkit {
namespace {

constexpr std::array kColors{EnumEntry{1, "red"}, EnumEntry{2, "green"}};
constexpr std::array kBits{EnumEntry{1, "ready"}, EnumEntry{4, "busy"}};
constexpr std::array kItemFields{u8("id")};
constexpr StructDef kItem{.name = "item", .fields = kItemFields};
constexpr std::array kFields{
    u8("plain"),
    u16("hex").hex(),
    bits("nibble", 4).hex(),
    u8("color").names(kColors),
    u8("state").flags(kBits),
    u32("version").show(Display::Version32),
    u16("signed").as_signed(),
    u32("real").as_real32(),
    u8("defaulted").fallback(7),
    bytes("blob"),
    uuid("id"),
    bytes("odd_id").show(Display::Uuid),
    bytes("text").show(Display::Ascii),
    list("items", kItem),
};

TEST(ValueText, ABufferGetsWhatAStringGets) {
  Fields fields(kFields, "values");
  fields.set("plain", 200).set("hex", 0xBEEF).set("nibble", 0xA).set("color", 2).set("state", 0x0D);
  fields.set("version", 0xF1F0F000).set("signed", -2).set("real", 0x3FC00000);
  fields.set("blob", Bytes{0x01, 0xAB, 0x00}).set("odd_id", Bytes{0x12, 0x34});
  Bytes id;
  for (int i = 0; i < 16; ++i) id.push_back(static_cast<std::uint8_t>(i * 17));
  fields.set("id", id).set("text", Bytes{'o', 'k', 0, 0x7F});
  fields.set("items", std::vector<Fields>{Fields(kItem, {{"id", 1}}), Fields(kItem, {{"id", 2}})});
  Fields unset(kFields, "values");  // defaults, empty byte strings, an unknown enum value
  unset.set("color", 9);
  // Long enough text before the values that some of them meet the buffer's end.
  const std::string lead(500, '.');
  for (const Fields* table : {&fields, &unset}) {
    for (std::size_t i = 0; i < table->size(); ++i) {
      std::string expected = lead, got = lead;
      append_value(table->defs()[i], table->value(i), expected);
      {
        TextBuffer text(got);
        for (int k = 0; k < 3; ++k) text.put(std::string_view(lead).substr(0, 170));
        detail::put_value(table->defs()[i], table->value(i), text);
      }
      EXPECT_EQ(got.substr(lead.size() + 510), expected.substr(lead.size())) << table->defs()[i].name;
      if (table == &fields) {
        EXPECT_GT(expected.size(), lead.size()) << table->defs()[i].name;
      }
    }
  }
}

// Text shown as ASCII: printable runs as they are, NUL as \0, every other byte (the backslash
// too, so that the text reads back unambiguously) as \xHH.
TEST(ValueText, AsciiTextEscapesWhatIsNotPrintable) {
  Fields fields(kFields, "values");
  const std::size_t text = fields.index_of("text");
  fields.set("text", Bytes{'o', 'k', 0, 0x7F, '\\', 'A', 0x1F, 0xC3, ' ', 'z'});
  EXPECT_EQ(format_value(fields.defs()[text], fields.value(text)), R"("ok\0\x7F\x5CA\x1F\xC3 z")");
  fields.set("text", Bytes{});
  EXPECT_EQ(format_value(fields.defs()[text], fields.value(text)), R"("")");
  fields.set("text", Bytes{0});
  EXPECT_EQ(format_value(fields.defs()[text], fields.value(text)), R"("\0")");
}

}  // namespace
}  // namespace mctpkit
