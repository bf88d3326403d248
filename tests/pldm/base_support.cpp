// Helpers shared by the PLDM base, platform and PDR tests.

#include "base_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm::test_support {

const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
    mctp::register_transport(reg);
    reg.add_link({"mctp", "bare MCTP", &mctp::kTransport});
    register_pldm(reg);
    return reg;
  }();
  return r;
}

Bytes hex(std::string_view text) { return *parse_hex(text); }

Frame decode_hex(std::string_view text) { return decode(hex(text), "mctp", registry()); }

std::string summary(const Frame& f) {
  std::string out;
  for (std::size_t i = 0; i < f.layers.size(); ++i) {
    if (i != 0) out += " / ";
    render_summary(f.layers[i], out);
  }
  return out;
}

// Diagnostics other than Info (an empty body after the header reports nothing decodes it).
std::vector<DiagKind> problems(const Frame& f) {
  std::vector<DiagKind> out;
  for (const Diagnostic& d : f.diagnostics) {
    if (d.severity != Severity::Info) out.push_back(d.kind);
  }
  return out;
}

const Layer& layer(const Frame& f, std::string_view id) {
  const LayerDef* def = registry().layer(id);
  EXPECT_NE(def, nullptr) << id;
  const Layer* l = def ? f.find(*def) : nullptr;
  EXPECT_NE(l, nullptr) << id << " not in " << summary(f);
  static const Layer kNone(kRawLayer);
  return l ? *l : kNone;
}

std::string text_of(const Fields& l, std::string_view field) {
  std::size_t i = l.index_of(field);
  return i == Fields::npos ? "?" : format_value(l.defs()[i], l.value(i));
}

// Every proper prefix decodes with a Truncated diagnostic, except the lengths listed in
// `complete_at` (complete shorter messages: no problem at all) and in `bad_checksum_at` (a
// shorter message whose checksum cannot match); every prefix rebuilds to its own bytes (no
// received byte is lost); every single-bit flip decodes, summarizes and rebuilds without crashing.
void check_damage(const Bytes& data, std::initializer_list<std::size_t> complete_at,
                  std::initializer_list<std::size_t> bad_checksum_at) {
  auto listed = [](std::initializer_list<std::size_t> list, std::size_t n) {
    return std::find(list.begin(), list.end(), n) != list.end();
  };
  for (std::size_t n = 0; n < data.size(); ++n) {
    Frame f = decode(ByteView(data.data(), n), "mctp", registry());
    std::string where = "prefix of " + std::to_string(n) + " bytes of " + to_hex(data) + ": " + summary(f);
    if (listed(complete_at, n)) {
      EXPECT_TRUE(problems(f).empty()) << where;
    } else if (listed(bad_checksum_at, n)) {
      EXPECT_EQ(problems(f), std::vector<DiagKind>{DiagKind::BadChecksum}) << where;
    } else {
      bool truncated = false;
      for (const Diagnostic& d : f.diagnostics) truncated |= d.kind == DiagKind::Truncated;
      EXPECT_TRUE(truncated) << where;
    }
    if (n > 0) {
      EXPECT_EQ(to_hex(f.build(registry())), to_hex(ByteView(data.data(), n))) << where;
    }
  }
  for (std::size_t bit = 0; bit < data.size() * 8; ++bit) {
    Bytes flipped = data;
    flipped[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    Frame f = decode(flipped, "mctp", registry());
    EXPECT_FALSE(summary(f).empty());
    try {
      (void)f.build(registry());
    } catch (const std::invalid_argument&) {
      // a decoded value the encoder refuses is fine; a crash is not
    }
  }
}

void expect_round_trip(std::string_view text) {
  Frame f = decode_hex(text);
  EXPECT_TRUE(problems(f).empty()) << text;
  EXPECT_EQ(to_hex(f.build(registry())), to_hex(hex(text))) << text;
}

constexpr std::string_view kReq = "01 0A 08 C8 01 ";  // MCTP 0A <-- 08, SOM EOM TO, PLDM
constexpr std::string_view kRsp = "01 08 0A C0 01 ";  // MCTP 08 <-- 0A, SOM EOM, PLDM
std::string req(std::string_view body) { return std::string(kReq) + std::string(body); }
std::string rsp(std::string_view body) { return std::string(kRsp) + std::string(body); }

Layer transport(bool request) {
  return Layer(mctp::kTransport, {{"dst", request ? 0x0A : 0x08}, {"src", request ? 0x08 : 0x0A}, {"to", request ? 1 : 0}});
}
Layer header(bool request, unsigned iid) { return Layer(kHeader, {{"rq", request ? 1 : 0}, {"iid", iid}}); }
Layer body(std::string_view id, std::initializer_list<FieldInit> init) {
  return Layer(*registry().layer(id), init);
}

}  // namespace mctpkit::pldm::test_support
