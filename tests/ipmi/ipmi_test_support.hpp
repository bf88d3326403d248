#pragma once
// Helpers shared by the IPMI tests: a registry with what a Master Write-Read can carry here
// (SMBus without destination, MCTP, control messages), summaries, vectors.

#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "mctpkit/binding/payload.hpp"
#include "mctpkit/binding/smbus.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/ipmi/ipmi.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::ipmi::testing {

inline Registry make_registry() {
  Registry r;
  mctp::register_transport(r);
  mctp::register_control(r);
  binding::register_smbus(r);
  r.bind(binding::kPayloadTable, Key{}, mctp::kTransport);
  register_ipmi(r);
  return r;
}

inline Bytes hex(std::string_view text) {
  auto b = parse_hex(text);
  if (!b) throw std::invalid_argument("bad hex in test");
  return *b;
}

inline const LayerDef& control_command(std::string_view id) {
  for (const LayerDef* d : mctp::control_command_layers()) {
    if (d->id == id) return *d;
  }
  throw std::invalid_argument("no such control command layer");
}

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
  Bytes data;
  std::string expected;
  int line;
};

inline std::vector<Vector> load_ipmi_vectors() {
  std::vector<Vector> out;
  std::ifstream in(std::string(MCTPKIT_SHARED_DIR) + "/vectors/pymctp-ipmi.tsv");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    auto tab = line.find('\t');
    if (tab == std::string::npos || line.rfind("ipmi: ", 0) != 0) continue;
    out.push_back({hex(line.substr(6, tab - 6)), line.substr(tab + 1), number});
  }
  return out;
}

}  // namespace mctpkit::ipmi::testing
