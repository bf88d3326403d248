// Every packet of pymctp-vdm.tsv, at library level: bare MCTP lines whole, SMBus lines from the
// MCTP packet on (the SMBus layer belongs to the binding module, not linked here).

#include "vdm_test_support.hpp"

namespace mctpkit::vdm {
namespace {

TEST(PymctpVdmVectors, SummariesMatchAndBuildBack) {
  Registry r = testing::make_registry();
  auto vectors = testing::load_vectors("pymctp-vdm.tsv");
  ASSERT_EQ(vectors.size(), 50u);
  for (const auto& v : vectors) {
    Bytes packet = v.data;
    std::string expected = v.expected;
    if (v.link == "smbus") {
      // dst, 0x0F, count, src ... PEC
      packet = Bytes(v.data.begin() + 4, v.data.end() - 1);
      expected = expected.substr(expected.find(" / ") + 3);
    } else {
      ASSERT_EQ(v.link, "mctp") << v.line;
    }
    Frame f = decode(packet, "mctp", r);
    EXPECT_EQ(testing::summary_of(f), expected) << "line " << v.line;
    EXPECT_FALSE(f.has_errors()) << "line " << v.line;
    EXPECT_EQ(f.build(r), packet) << "line " << v.line;
  }
}

}  // namespace
}  // namespace mctpkit::vdm
