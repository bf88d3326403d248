#pragma once
// An analysis run for the tests: what it wrote to each stream, and its result.

#include <sstream>
#include <string>
#include <vector>

#include "mctpkit/analysis/analyzer.hpp"

namespace mctpkit::analysis::test_support {

struct Output {
  std::string out, err;
  AnalyzeResult result;
  std::vector<std::string> lines() const {
    std::vector<std::string> v;
    std::istringstream in(out);
    for (std::string l; std::getline(in, l);) v.push_back(l);
    return v;
  }
};

inline Output run(const std::vector<std::string>& paths, const AnalyzeOptions& options = {}) {
  std::ostringstream out, err;
  Output o;
  o.result = analyze(paths, options, out, err);
  o.out = out.str();
  o.err = err.str();
  return o;
}

}  // namespace mctpkit::analysis::test_support
