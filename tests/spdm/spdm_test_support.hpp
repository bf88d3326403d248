#pragma once
// Shared helpers of the SPDM tests: a registry with MCTP and SPDM, hex vectors, summaries.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "mctpkit/core/bytes.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/spdm/spdm.hpp"

namespace mctpkit::spdm::test {

inline const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
    mctp::register_transport(reg);
    reg.add_link({"mctp", "bare MCTP", &mctp::kTransport});
    register_spdm(reg);
    return reg;
  }();
  return r;
}

inline Bytes hex(std::string_view text) {
  auto b = parse_hex(text);
  if (!b) ADD_FAILURE() << "bad hex in test: " << text;
  return b.value_or(Bytes{});
}

// MCTP header used by every vector: version 1, dst 0x09, src 0x08, SOM EOM TO tag 0.
inline constexpr std::string_view kMctpSpdm = "01 09 08 C8 05 ";
inline constexpr std::string_view kMctpSecured = "01 09 08 C8 06 ";

inline Frame decode_mctp(const Bytes& data) { return decode(data, "mctp", registry()); }

inline std::string summary(const Frame& f) {
  std::string out;
  for (std::size_t i = 0; i < f.layers.size(); ++i) {
    if (i != 0) out += " / ";
    render_summary(f.layers[i], out);
  }
  return out;
}

// Summary of the layers after the MCTP transport header.
inline std::string spdm_summary(const Frame& f) {
  std::string full = summary(f);
  std::size_t cut = full.find(" / ");
  return cut == std::string::npos ? std::string() : full.substr(cut + 3);
}

inline std::vector<DiagKind> kinds(const Frame& f) {
  std::vector<DiagKind> out;
  for (const Diagnostic& d : f.diagnostics) out.push_back(d.kind);
  return out;
}

inline bool has_kind(const Frame& f, DiagKind k) {
  auto all = kinds(f);
  return std::find(all.begin(), all.end(), k) != all.end();
}

inline std::string describe_all(const Frame& f) {
  std::string out;
  for (const Diagnostic& d : f.diagnostics) out += describe(d) + "; ";
  return out;
}

inline const LayerDef& layer_def(std::string_view id) {
  const LayerDef* def = registry().layer(id);
  if (def == nullptr) {
    ADD_FAILURE() << "no layer " << id;
    return kRawLayer;
  }
  return *def;
}

}  // namespace mctpkit::spdm::test
