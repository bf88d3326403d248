// field_abbrev: a field's full abbreviation is the layer's abbreviation, or its id when it has
// none, then the field's name.

#include <gtest/gtest.h>

#include "mctpkit/output/output.hpp"

namespace mctpkit::output {
namespace {

constexpr FieldDef kFields[] = {u8("level"), u16("count")};
constexpr LayerDef kAbbreviated{.id = "gauge_report", .abbrev = "gauge", .fields = kFields};
constexpr LayerDef kUnabbreviated{.id = "gauge_report_v2", .fields = kFields};

TEST(FieldAbbrev, LayerAbbreviationThenFieldName) {
  Layer layer(kAbbreviated);
  EXPECT_EQ(field_abbrev(layer, kFields[0]), "gauge.level");
  EXPECT_EQ(field_abbrev(layer, kFields[1]), "gauge.count");
}

TEST(FieldAbbrev, TheIdStandsInForAMissingAbbreviation) {
  EXPECT_EQ(field_abbrev(Layer(kUnabbreviated), kFields[1]), "gauge_report_v2.count");
}

}  // namespace
}  // namespace mctpkit::output
