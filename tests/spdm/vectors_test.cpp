// Every hand-written vector: decodes to the expected layers and summary without diagnostics,
// rebuilds to the same bytes, survives every truncation and every single-bit flip.

#include "spdm_test_support.hpp"
#include "vectors.hpp"

namespace mctpkit::spdm::test {
namespace {

class VectorTest : public ::testing::TestWithParam<Vector> {};

TEST_P(VectorTest, DecodesToExpectedLayersAndSummary) {
  const Vector& v = GetParam();
  Frame f = decode_mctp(hex(v.hex));
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  ASSERT_EQ(f.layers.size(), v.layers.size() + 1);
  for (std::size_t i = 0; i < v.layers.size(); ++i) EXPECT_EQ(f.layers[i + 1].def().id, v.layers[i]) << i;
  for (const Layer& l : f.layers) EXPECT_TRUE(l.complete) << l.def().id;
  EXPECT_EQ(spdm_summary(f), v.summary);
}

TEST_P(VectorTest, DecodeThenBuildGivesTheSameBytes) {
  const Vector& v = GetParam();
  Bytes data = hex(v.hex);
  Frame f = decode_mctp(data);
  EXPECT_EQ(to_hex(f.build(registry())), to_hex(data));
}

TEST_P(VectorTest, EveryTruncationIsReported) {
  const Vector& v = GetParam();
  Bytes data = hex(v.hex);
  const std::size_t rest = v.rest_from < 0 ? data.size() - static_cast<std::size_t>(-v.rest_from)
                           : v.rest_from > 0 ? static_cast<std::size_t>(v.rest_from)
                                             : data.size();
  for (std::size_t len = 0; len < data.size(); ++len) {
    Bytes prefix(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(len));
    Frame f = decode_mctp(prefix);
    if (len >= rest) {
      EXPECT_TRUE(f.diagnostics.empty()) << "prefix " << len << ": " << describe_all(f);
    } else {
      EXPECT_TRUE(has_kind(f, DiagKind::Truncated)) << "prefix " << len << ": " << describe_all(f);
    }
  }
}

TEST_P(VectorTest, EveryBitFlipDecodesAndCleanDecodesRebuild) {
  const Vector& v = GetParam();
  const Bytes data = hex(v.hex);
  for (std::size_t bit = 0; bit < data.size() * 8; ++bit) {
    Bytes flipped = data;
    flipped[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    Frame f = decode_mctp(flipped);
    ASSERT_FALSE(f.layers.empty());
    for (const Diagnostic& d : f.diagnostics) {
      EXPECT_LE(d.layer, f.layers.size()) << bit;
      EXPECT_LE(d.offset, flipped.size()) << bit;
    }
    // A flip that still reads as a valid message must be that message exactly.
    if (f.diagnostics.empty()) { EXPECT_EQ(to_hex(f.build(registry())), to_hex(flipped)) << "bit " << bit; }
  }
}

INSTANTIATE_TEST_SUITE_P(Spdm, VectorTest, ::testing::ValuesIn(vectors()),
                         [](const ::testing::TestParamInfo<Vector>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace mctpkit::spdm::test
