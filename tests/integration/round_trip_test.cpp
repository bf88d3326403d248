// Every well-formed golden vector: decode -> build gives the same bytes, and rebuilding with the
// derived fields (lengths, counts, checksums, message types) left unset gives them again and
// decodes to the same fields.

#include <gtest/gtest.h>

#include "field_compare.hpp"
#include "mctpkit/core/decode.hpp"
#include "vectors.hpp"

namespace mctpkit {
namespace {

class RoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(RoundTrip, DecodeBuildAndReDecode) {
  auto vectors = testing::load_vectors(GetParam());
  ASSERT_FALSE(vectors.empty());
  int checked = 0;
  for (const auto& v : vectors) {
    Frame decoded = decode(v.data, v.link);
    bool well_formed = true;
    for (const Diagnostic& d : decoded.diagnostics) well_formed &= d.severity == Severity::Info;
    if (!well_formed) continue;
    ++checked;
    EXPECT_EQ(to_hex(decoded.build()), to_hex(v.data)) << v.source << " (decode -> build)";

    Frame crafted = decoded;
    for (Layer& l : crafted.layers) testing::unset_derived(l);
    Bytes rebuilt = crafted.build();
    EXPECT_EQ(to_hex(rebuilt), to_hex(v.data)) << v.source << " (derived fields recomputed)";
    testing::expect_same_frames(decode(rebuilt, v.link), decoded, v.source);
  }
  EXPECT_GT(checked, static_cast<int>(vectors.size()) / 2) << "too few well-formed vectors in " << GetParam();
}

INSTANTIATE_TEST_SUITE_P(GoldenFiles, RoundTrip,
                         ::testing::Values("seed-examples.tsv", "pymctp-control.tsv", "pymctp-pldm.tsv",
                                           "pymctp-vdm.tsv", "pymctp-ipmi.tsv"));

}  // namespace
}  // namespace mctpkit
