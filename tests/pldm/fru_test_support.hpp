#pragma once
// Shared checks for the FRU, firmware update and other PLDM type tests: every vector is an MCTP
// packet (transport header 01 09 08 C8, message type 01) around a PLDM message written by hand.

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm::test {

inline const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
    mctp::register_transport(reg);
    reg.add_link({"mctp", "bare MCTP", &mctp::kTransport});
    register_pldm(reg);
    return reg;
  }();
  return r;
}

inline constexpr std::size_t kMctpBytes = 5;  // transport header and message type

inline Bytes packet(std::string_view pldm_hex) {
  auto body = parse_hex(pldm_hex);
  EXPECT_TRUE(body.has_value()) << pldm_hex;
  Bytes out = {0x01, 0x09, 0x08, 0xC8, 0x01};
  if (body) out.insert(out.end(), body->begin(), body->end());
  return out;
}

inline std::string summary(const Layer& layer) {
  std::string out;
  render_summary(layer, out);
  return out;
}

inline std::string diagnostics(const Frame& f) {
  std::string out;
  for (const Diagnostic& d : f.diagnostics) out += describe(d) + "; ";
  return out;
}

inline bool has_kind(const Frame& f, DiagKind kind) {
  for (const Diagnostic& d : f.diagnostics) {
    if (d.kind == kind) return true;
  }
  return false;
}

inline bool has_problem(const Frame& f) {
  for (const Diagnostic& d : f.diagnostics) {
    if (d.severity != Severity::Info) return true;
  }
  return false;
}

/// The request header (rq=1, iid=5) and the response header (rq=0, iid=5, cc=0); type and
/// command come from the body layer's binding.
inline Layer request_header() { return Layer(kHeader, {{"iid", 5}}); }
inline Layer response_header() { return Layer(kHeader, {{"iid", 5}, {"cc", 0}}); }

inline Frame crafted(Layer header, Layer body) {
  Layer transport(mctp::kTransport, {{"dst", 0x09}, {"src", 0x08}, {"to", 1}, {"tag", 0}});
  return std::move(transport) / std::move(header) / std::move(body);
}

/// Every field set in `want` has that value (number, bytes, list elements) in `got`.
inline void expect_fields(const Fields& want, const Fields& got, const std::string& where) {
  ASSERT_EQ(want.size(), got.size()) << where;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const FieldValue& w = want.value(i);
    if (!w.is_set()) continue;
    std::string field = where + "." + std::string(want.defs()[i].name);
    const FieldValue& g = got.value(i);
    EXPECT_TRUE(g.is_set()) << field;
    EXPECT_EQ(w.number, g.number) << field;
    EXPECT_EQ(w.bytes, g.bytes) << field;
    ASSERT_EQ(w.items.size(), g.items.size()) << field;
    for (std::size_t k = 0; k < w.items.size(); ++k) expect_fields(w.items[k], g.items[k], field);
  }
}

struct Vector {
  std::string_view name;
  std::string_view pldm_hex;         // PLDM header and body, written from the reference layout
  std::vector<std::string_view> ids;  // layer ids after the PLDM header
  std::string_view summary;          // summary of the last layer
  // Body bytes (after the PLDM header) from which a shorter body is still a whole message: a
  // trailing byte string. npos: every shorter packet must be Truncated.
  std::size_t open_from = std::string_view::npos;
  std::function<Frame()> craft;      // the same message from Layer objects
  bool table_crc = false;            // prefixes may end in a CRC that does not match instead
};

/// Decode, summary, build, craft, every prefix and every bit flip of one vector.
inline void check(const Vector& v) {
  SCOPED_TRACE(std::string(v.name));
  Bytes data = packet(v.pldm_hex);
  Frame f = decode(data, "mctp", registry());
  EXPECT_EQ(diagnostics(f), "");
  // A message that ends after its PLDM header shows no body layer (as PyMCTP shows none).
  std::size_t shown = v.ids.size();
  const bool request_bit = (data[kMctpBytes] & 0x80) != 0;
  const LayerDef* last = registry().layer(v.ids.back());
  bool hidden = last && last->fields.empty() && data.size() == kMctpBytes + (request_bit ? 3u : 4u);
  if (hidden) --shown;
  ASSERT_EQ(f.layers.size(), 2 + shown);
  for (std::size_t i = 0; i < shown; ++i) EXPECT_EQ(f.layers[2 + i].def().id, v.ids[i]);
  if (!hidden) {
    EXPECT_EQ(summary(f.layers.back()), v.summary);
  }
  EXPECT_EQ(to_hex(f.build(registry())), to_hex(data)) << "decode -> build";

  if (v.craft) {
    Frame c = v.craft();
    EXPECT_EQ(to_hex(c.build(registry())), to_hex(data)) << "craft -> build";
    ASSERT_EQ(c.layers.size(), f.layers.size() + (hidden ? 1 : 0));
    for (std::size_t i = 2; i < f.layers.size(); ++i) expect_fields(c.layers[i], f.layers[i], "craft -> decode");
  }

  const bool request = (data[kMctpBytes] & 0x80) != 0;
  const std::size_t header = kMctpBytes + (request ? 3 : 4);
  for (std::size_t n = 1; n < data.size(); ++n) {
    Frame t = decode(ByteView(data).first(n), "mctp", registry());
    bool must_truncate = v.open_from == std::string_view::npos || n < header + v.open_from;
    if (must_truncate) {
      bool ok = has_kind(t, DiagKind::Truncated) || (v.table_crc && n > header && has_kind(t, DiagKind::BadChecksum));
      EXPECT_TRUE(ok) << "prefix " << n << ": " << diagnostics(t);
    } else {
      EXPECT_FALSE(has_problem(t)) << "prefix " << n << ": " << diagnostics(t);
    }
  }

  for (std::size_t bit = 0; bit < data.size() * 8; ++bit) {
    Bytes flipped = data;
    flipped[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    Frame t = decode(flipped, "mctp", registry());
    ASSERT_FALSE(t.layers.empty());
    for (const Layer& l : t.layers) (void)summary(l);
  }
}

}  // namespace mctpkit::pldm::test
