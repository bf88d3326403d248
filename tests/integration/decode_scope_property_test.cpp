// A decoding within a scope is the start of the whole decoding, whatever the bytes: over the
// golden vectors and every damaged copy of them (bytes changed, cut short, grown), the layers a
// scoped decoding makes are the whole decoding's first layers, value for value (Raw layers
// aside, which a scope that does not read Raw leaves out), the MCTP packet inside is the same
// bytes, and a filter that the scope was made for matches alike. Never a crash: the suite also
// runs under ASan and UBSan.

#include <gtest/gtest.h>

#include <random>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/decode_scope.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/output/filter.hpp"
#include "field_compare.hpp"
#include "vectors.hpp"

namespace mctpkit::testing {
namespace {

// The whole frame's layers without its Raw layers: what a scope that does not read Raw can make.
std::vector<const Layer*> without_raw(const Frame& frame) {
  std::vector<const Layer*> out;
  for (const Layer& l : frame.layers) {
    if (!l.is(kRawLayer)) out.push_back(&l);
  }
  return out;
}

void expect_start_of(const Frame& scoped, const Frame& whole, const std::string& where) {
  const std::vector<const Layer*> layers = without_raw(whole);
  ASSERT_LE(scoped.layers.size(), layers.size()) << where;
  for (std::size_t i = 0; i < scoped.layers.size(); ++i) {
    const Layer& a = scoped.layers[i];
    const Layer& b = *layers[i];
    ASSERT_EQ(&a.def(), &b.def()) << where << " layer " << i;
    EXPECT_EQ(a.offset, b.offset) << where << " layer " << i;
    EXPECT_EQ(a.length, b.length) << where << " layer " << i;
    expect_same_fields(a, b, where + " " + std::string(a.def().id));
  }
  EXPECT_EQ(to_hex(mctp::packet_bytes(scoped)), to_hex(mctp::packet_bytes(whole))) << where;
}

output::Filter filter_of(const char* text) {
  auto parsed = output::parse_filter(text, &default_registry());
  EXPECT_TRUE(std::holds_alternative<output::Filter>(parsed)) << text;
  return std::get<output::Filter>(std::move(parsed));
}

TEST(DecodeScopeProperty, AScopedDecodingIsTheStartOfTheWholeOneForDamagedPacketsToo) {
  const char* filters[] = {"mctp.dst == 9", "mctpc.command == 2", "pldm.type == 2", "spdm", "smbus.pec"};
  std::vector<output::Filter> parsed;
  std::vector<DecodeScope> scopes;
  for (const char* text : filters) parsed.push_back(filter_of(text));
  for (const output::Filter& f : parsed) {
    scopes.emplace_back(default_registry(),
                        [&](const LayerDef& def) { return &def == &mctp::kTransport || f.reads_layer(def); });
  }
  std::mt19937 rng(20261207);
  std::size_t decoded = 0, shorter = 0, matched = 0;
  Frame scoped;
  for (const char* file : {"seed-examples.tsv", "pymctp-control.tsv", "pymctp-pldm.tsv", "pymctp-vdm.tsv",
                           "pymctp-ipmi.tsv"}) {
    for (const auto& v : load_vectors(file)) {
      for (int round = 0; round < 24; ++round) {
        Bytes data = v.data;
        // The vector itself first, then copies changed in a few bytes, cut short or grown.
        if (round > 0 && !data.empty()) {
          switch (round % 3) {
            case 0:
              for (int k = 0; k < 1 + round % 4; ++k) data[rng() % data.size()] = static_cast<std::uint8_t>(rng());
              break;
            case 1: data.resize(rng() % data.size()); break;
            case 2:
              for (int k = 0; k < 1 + round % 7; ++k) data.push_back(static_cast<std::uint8_t>(rng()));
              break;
          }
        }
        const Frame whole = decode(data, v.link);
        for (std::size_t s = 0; s < scopes.size(); ++s) {
          decode_into(scoped, data, v.link, default_registry(), &scopes[s]);
          const std::string where = v.source + " round " + std::to_string(round) + " scope '" + filters[s] + "'";
          expect_start_of(scoped, whole, where);
          EXPECT_EQ(parsed[s].matches(scoped), parsed[s].matches(whole)) << where;
          ++decoded;
          shorter += scoped.layers.size() < whole.layers.size() ? 1 : 0;
          matched += parsed[s].matches(whole) ? 1 : 0;
        }
      }
    }
  }
  // The comparisons mean something: many frames were decoded in part, many matched.
  EXPECT_GT(decoded, 10000u);
  EXPECT_GT(shorter, decoded / 2);
  EXPECT_GT(matched, 1000u);
}

}  // namespace
}  // namespace mctpkit::testing
