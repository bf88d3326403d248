#pragma once
// Shared helpers for the NVMe-MI tests: a registry with the MCTP transport and this module, hex
// input, the summary line and diagnostic checks.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "mctpkit/core/bytes.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/nvme_mi/nvme_mi.hpp"

namespace mctpkit::nvme_mi::test {

inline const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
    mctp::register_transport(reg);
    reg.add_link({"mctp", "bare MCTP", &mctp::kTransport});
    register_nvme_mi(reg);
    return reg;
  }();
  return r;
}

inline Bytes hex(std::string_view text) {
  auto b = parse_hex(text);
  EXPECT_TRUE(b.has_value()) << text;
  return b.value_or(Bytes{});
}

inline Frame decode_mctp(std::string_view text) { return decode(hex(text), "mctp", registry()); }

inline std::string summary(const Frame& f) {
  std::string out;
  for (std::size_t i = 0; i < f.layers.size(); ++i) {
    if (i) out += " / ";
    render_summary(f.layers[i], out);
  }
  return out;
}

inline std::vector<DiagKind> kinds(const Frame& f) {
  std::vector<DiagKind> out;
  for (const Diagnostic& d : f.diagnostics) out.push_back(d.kind);
  return out;
}

inline bool has(const Frame& f, DiagKind k) {
  return std::any_of(f.diagnostics.begin(), f.diagnostics.end(), [k](const Diagnostic& d) { return d.kind == k; });
}

inline std::string describe_all(const Frame& f) {
  std::string out;
  for (const Diagnostic& d : f.diagnostics) out += describe(d) + "\n";
  return out;
}

inline std::vector<std::string> layer_ids(const Frame& f) {
  std::vector<std::string> out;
  for (const Layer& l : f.layers) out.emplace_back(l.def().id);
  return out;
}

}  // namespace mctpkit::nvme_mi::test
