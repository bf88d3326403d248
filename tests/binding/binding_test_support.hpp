#pragma once
// Shared helpers for the binding tests. The binding module does not depend on mctp, so the
// MCTP packet under a binding is decoded by a stand-in layer: the 4-byte transport header as
// plain fields and the rest as bytes. That is enough to see where a binding puts the packet.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "mctpkit/binding/bindings.hpp"
#include "mctpkit/binding/payload.hpp"
#include "mctpkit/core/bytes.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::binding::testing {

inline constexpr FieldDef kPacketFields[] = {
    bits("reserved", 4).reserved(),
    bits("version", 4).expect(1),
    u8("dst").hex(),
    u8("src").hex(),
    u8("flags").hex(),
    bytes("body"),
};

inline const LayerDef kPacket{
    .id = "test_packet",
    .abbrev = "pkt",
    .fields = kPacketFields,
    .summary = "PKT",
};

inline Registry make_registry() {
  Registry r;
  register_other_bindings(r);
  r.declare(kPacket);
  r.bind(kPayloadTable, Key{}, kPacket);
  return r;
}

inline const Registry& registry() {
  static const Registry r = make_registry();
  return r;
}

inline Bytes hex(std::string_view text) {
  auto b = parse_hex(text);
  EXPECT_TRUE(b.has_value()) << text;
  return b.value_or(Bytes{});
}

/// The stand-in packet layer for `packet` (a whole MCTP packet: 4 header bytes, then body).
inline Layer packet_layer(ByteView packet) {
  Layer l(kPacket);
  l.set("version", packet[0] & 0x0F);
  l.set("dst", packet[1]);
  l.set("src", packet[2]);
  l.set("flags", packet[3]);
  l.set("body", Bytes(packet.begin() + 4, packet.end()));
  return l;
}

/// Summaries of every layer joined by " / ", as the output module prints them.
inline std::string summary(const Frame& f) {
  std::string out;
  for (const Layer& l : f.layers) {
    if (!out.empty()) out += " / ";
    render_summary(l, out);
  }
  return out;
}

inline std::vector<DiagKind> kinds(const Frame& f) {
  std::vector<DiagKind> out;
  for (const Diagnostic& d : f.diagnostics) out.push_back(d.kind);
  return out;
}

inline bool has_kind(const Frame& f, DiagKind kind) {
  for (const Diagnostic& d : f.diagnostics) {
    if (d.kind == kind) return true;
  }
  return false;
}

inline std::string described(const Frame& f) {
  std::string out;
  for (const Diagnostic& d : f.diagnostics) out += describe(d) + "\n";
  return out;
}

/// The MCTP packet a decoded frame holds, rebuilt from the stand-in layer (empty if none).
inline Bytes decoded_packet(const Frame& f) {
  const Layer* p = f.find(kPacket);
  if (p == nullptr) return {};
  Bytes out = {static_cast<std::uint8_t>(p->num("reserved") << 4 | p->num("version")),
               static_cast<std::uint8_t>(p->num("dst")), static_cast<std::uint8_t>(p->num("src")),
               static_cast<std::uint8_t>(p->num("flags"))};
  const Bytes& body = p->bytes("body");
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

/// Every proper prefix of `wire` decodes without throwing and reports Truncated.
inline void expect_truncated_prefixes(const Bytes& wire, std::string_view link) {
  for (std::size_t n = 0; n < wire.size(); ++n) {
    Frame f = decode(ByteView(wire).first(n), link, registry());
    EXPECT_TRUE(has_kind(f, DiagKind::Truncated)) << link << " prefix of " << n << " bytes:\n" << described(f);
  }
}

enum class Flips { Detected, Undetectable };

/// Every single bit flip of `wire` decodes without throwing and, for a binding with a
/// checksum, is reported (a warning or error).
inline void expect_bit_flips(const Bytes& wire, std::string_view link, Flips flips) {
  for (std::size_t bit = 0; bit < wire.size() * 8; ++bit) {
    Bytes damaged = wire;
    damaged[bit / 8] = static_cast<std::uint8_t>(damaged[bit / 8] ^ (1u << (bit % 8)));
    Frame f = decode(damaged, link, registry());
    EXPECT_FALSE(f.layers.empty()) << link << " bit " << bit;
    if (flips == Flips::Detected) {
      bool reported = false;
      for (const Diagnostic& d : f.diagnostics) reported = reported || d.severity != Severity::Info;
      EXPECT_TRUE(reported) << link << " bit " << bit << " flipped: " << to_hex(damaged);
    }
  }
}

}  // namespace mctpkit::binding::testing
