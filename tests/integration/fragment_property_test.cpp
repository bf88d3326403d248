// Crafting, splitting and reassembling agree, on every well-formed golden vector that is a whole
// MCTP message: the vector crafted with every value a build works out left unset (lengths,
// counts, checksums, and the defaults that follow the stack, such as TO) and split at several
// transmission units gives packets that carry the whole message's addresses, TO and tag, SOM on
// the first, EOM on the last and counting sequence numbers, each decoding without an error, and
// the reassembler puts them back together into the message as one packet.

#include <gtest/gtest.h>

#include "field_compare.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "vectors.hpp"

namespace mctpkit {
namespace {

// The vector crafted with every value a build settles left unset, but for a TO (or IC) its stack
// would not give (PyMCTP's vectors set TO at random): that stays given.
Frame crafted_from(const Frame& decoded, const Bytes& data, bool& stack_settles) {
  Frame crafted = decoded;
  for (Layer& layer : crafted.layers) testing::unset_derived(layer, true);
  stack_settles = crafted.build() == data;
  if (stack_settles) return crafted;
  crafted = decoded;
  for (Layer& layer : crafted.layers) testing::unset_derived(layer);
  return crafted;
}

class FragmentProperty : public ::testing::TestWithParam<const char*> {};

TEST_P(FragmentProperty, SplitPacketsReassembleIntoTheMessage) {
  std::size_t checked = 0;
  std::size_t settled_by_stack = 0;  // of those, vectors whose TO the build works out
  std::size_t split = 0;
  for (const testing::Vector& v : testing::load_vectors(GetParam())) {
    const Frame decoded = decode(v.data, v.link);
    bool well_formed = true;
    for (const Diagnostic& d : decoded.diagnostics) well_formed &= d.severity == Severity::Info;
    const std::size_t m = mctp::transport_index(decoded);
    // A packet of a message split in a capture is no whole message to split again.
    if (!well_formed || m == decoded.layers.size() || decoded.layers[m].num("som") != 1 ||
        decoded.layers[m].num("eom") != 1) {
      continue;
    }
    bool stack_settles = false;
    const Frame crafted = crafted_from(decoded, v.data, stack_settles);
    ASSERT_EQ(to_hex(crafted.build()), to_hex(v.data)) << v.source;
    if (stack_settles) ++settled_by_stack;
    ++checked;

    Frame whole_message;
    whole_message.layers.assign(decoded.layers.begin() + static_cast<std::ptrdiff_t>(m), decoded.layers.end());
    const Bytes whole = whole_message.build();
    const Bytes body = mctp::message_body(crafted);
    ASSERT_EQ(Bytes(whole.begin() + 4, whole.end()), body) << v.source;
    const Layer& header = decoded.layers[m];

    for (std::size_t unit : {1u, 2u, 3u, 5u, 8u, 64u}) {
      const std::string where = v.source + " at " + std::to_string(unit) + " bytes a packet";
      const std::vector<Bytes> packets = mctp::fragment_bytes(crafted, unit);
      ASSERT_EQ(packets.size(), (body.size() + unit - 1) / unit) << where;
      if (packets.size() > 1) ++split;
      mctp::Reassembler reassembler;
      std::vector<mctp::Event> events;
      for (std::size_t n = 0; n < packets.size(); ++n) {
        const Frame packet = decode(packets[n], v.link);
        for (const Diagnostic& d : packet.diagnostics) {
          EXPECT_NE(d.severity, Severity::Error) << where << ", packet " << n << ": " << d.text;
        }
        const std::size_t t = mctp::transport_index(packet);
        ASSERT_LT(t, packet.layers.size()) << where;
        const Layer& transport = packet.layers[t];
        for (std::string_view name : {"dst", "src", "to", "tag"}) {
          EXPECT_EQ(transport.num(name), header.num(name)) << where << ", packet " << n << ": " << name;
        }
        EXPECT_EQ(transport.num("som"), n == 0 ? 1u : 0u) << where << ", packet " << n;
        EXPECT_EQ(transport.num("eom"), n + 1 == packets.size() ? 1u : 0u) << where << ", packet " << n;
        EXPECT_EQ(transport.num("pkt_seq"), (header.num("pkt_seq") + n) % 4) << where << ", packet " << n;
        for (mctp::Event& e : reassembler.push(packet, std::nullopt, n + 1)) events.push_back(std::move(e));
      }
      ASSERT_EQ(events.size(), 1u) << where << ": " << (events.empty() ? "" : events.front().text);
      EXPECT_EQ(events.front().kind, mctp::EventKind::Message) << where << ": " << events.front().text;
      EXPECT_EQ(to_hex(events.front().packet), to_hex(whole)) << where;
    }
  }
  // Every file has whole messages of several sizes, most long enough to be split, and messages
  // whose TO the build works out.
  EXPECT_GE(checked, 3u) << GetParam();
  EXPECT_GE(settled_by_stack, 3u) << GetParam();
  EXPECT_GT(split, 2 * checked) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(GoldenFiles, FragmentProperty,
                         ::testing::Values("seed-examples.tsv", "pymctp-control.tsv", "pymctp-pldm.tsv",
                                           "pymctp-vdm.tsv", "pymctp-ipmi.tsv"));

}  // namespace
}  // namespace mctpkit
