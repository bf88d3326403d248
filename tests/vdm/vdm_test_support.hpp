#pragma once
// Helpers shared by the VDM tests: a registry with MCTP and this module, summaries, vectors.

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/vdm/vdm.hpp"

namespace mctpkit::vdm::testing {

inline Registry make_registry() {
  Registry r;
  mctp::register_transport(r);
  r.add_link({"mctp", "bare MCTP", &mctp::kTransport});
  register_vdm(r);
  return r;
}

inline Bytes hex(std::string_view text) {
  auto b = parse_hex(text);
  if (!b) throw std::invalid_argument("bad hex in test");
  return *b;
}

/// Layer summaries joined as the output module does.
inline std::string summary_of(const Frame& frame) {
  std::string out;
  for (std::size_t i = 0; i < frame.layers.size(); ++i) {
    if (i != 0) out += " / ";
    render_summary(frame.layers[i], out);
  }
  return out;
}

inline std::vector<DiagKind> kinds_of(const Frame& frame) {
  std::vector<DiagKind> out;
  for (const Diagnostic& d : frame.diagnostics) out.push_back(d.kind);
  return out;
}

inline bool has_kind(const Frame& frame, DiagKind kind) {
  for (const Diagnostic& d : frame.diagnostics) {
    if (d.kind == kind) return true;
  }
  return false;
}

struct Vector {
  std::string link;
  Bytes data;
  std::string expected;
  int line;
};

/// "<link>: <hex>\t<summary>" lines of a golden vector file.
inline std::vector<Vector> load_vectors(const std::string& name) {
  std::vector<Vector> out;
  std::ifstream in(std::string(MCTPKIT_SHARED_DIR) + "/vectors/" + name);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    auto tab = line.find('\t');
    auto colon = line.find(": ");
    if (tab == std::string::npos || colon == std::string::npos || colon > tab) continue;
    out.push_back({line.substr(0, colon), hex(line.substr(colon + 2, tab - colon - 2)), line.substr(tab + 1), number});
  }
  return out;
}

}  // namespace mctpkit::vdm::testing
