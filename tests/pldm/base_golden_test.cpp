// The golden PyMCTP summaries of pymctp-pldm.tsv (bare MCTP lines; SMBus lines need the binding
// module, which this test program does not link: the CLI check covers them), with the matching
// rule of check-summaries.py: an expected bare word matches any layer text, and when it ends
// the line, further layers may follow.

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "mctpkit/core/decode.hpp"

namespace mctpkit::pldm {
namespace test_support {
const Registry& registry();
std::string summary(const Frame& f);
}  // namespace test_support

namespace {

std::vector<std::string> split_layers(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(" / ", start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 3;
  }
}

bool matches(const std::string& expected, const std::string& actual) {
  static const std::regex kBare("^[A-Za-z][A-Za-z0-9_-]*$");
  auto e = split_layers(expected), a = split_layers(actual);
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (i >= a.size()) return false;
    if (std::regex_match(e[i], kBare)) {
      if (i + 1 == e.size()) return true;
      continue;
    }
    if (e[i] != a[i]) return false;
  }
  return a.size() == e.size();
}

TEST(PldmGolden, BareMctpLinesMatchPyMctp) {
  std::ifstream in(std::string(MCTPKIT_SHARED_DIR) + "/vectors/pymctp-pldm.tsv");
  ASSERT_TRUE(in) << "vectors not found";
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.rfind("mctp: ", 0) != 0) continue;
    std::size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos);
    Bytes data = *parse_hex(line.substr(6, tab - 6));
    std::string expected = line.substr(tab + 1);
    Frame f = decode(data, "mctp", test_support::registry());
    std::string actual = test_support::summary(f);
    EXPECT_TRUE(matches(expected, actual)) << "\n  expected: " << expected << "\n  actual:   " << actual;
    ++checked;
  }
  EXPECT_GT(checked, 90);
}

}  // namespace
}  // namespace mctpkit::pldm
