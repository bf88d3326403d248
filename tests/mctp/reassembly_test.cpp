// Reassembly: each diagnostic kind from hand-written packets, limits, timeouts and binding keys.

#include "mctpkit/mctp/reassembly.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/derive.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::mctp {
namespace {

std::uint64_t bus_pec(const DeriveContext& ctx) { return crc::crc8_smbus(ctx.covered); }
constexpr FieldDef kBusFields[] = {
    bits("dst", 7).hex(), bits("dst_rw", 1),       u8("command").hex().expect(0x0F),
    u8("byte_count").length_after(), bits("src", 7).hex(), bits("src_rw", 1).expect(1),
    payload().length_from("byte_count", -1),       u8("pec").checksum(bus_pec).optional(),
};
constexpr LayerDef kBus{.id = "testbus", .abbrev = "smbus", .fields = kBusFields, .next = {.table = "testbus.payload"}};

const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
    register_transport(reg);
    register_control(reg);
    reg.add_link({"mctp", "bare MCTP", &kTransport});
    reg.declare(kBus);
    reg.bind("testbus.payload", Key{}, kTransport);
    reg.add_link({"testbus", "SMBus-like test binding", &kBus});
    return reg;
  }();
  return r;
}

Frame packet(std::string_view text, std::string_view link = "mctp") {
  auto bytes = parse_hex(text);
  EXPECT_TRUE(bytes.has_value()) << text;
  return decode(bytes.value_or(Bytes{}), link, registry());
}

std::vector<EventKind> kinds(const std::vector<Event>& events) {
  std::vector<EventKind> out;
  for (const Event& e : events) out.push_back(e.kind);
  return out;
}

using Packets = std::vector<std::size_t>;
using Kinds = std::vector<EventKind>;

// A three-packet PLDM message 0x09 -> 0x08, TO=0, tag 2, TU 4 (sequence 1, 2, 3):
// body 01 02 03 04 | 05 06 07 08 | 09 0A.
constexpr std::string_view kSom = "01 08 09 92 01 02 03 04";
constexpr std::string_view kMid = "01 08 09 22 05 06 07 08";
constexpr std::string_view kEom = "01 08 09 72 09 0A";

TEST(Reassembly, SinglePacketMessagePassesThrough) {
  Reassembler r(registry());
  auto events = r.push(packet("01 09 08 C9 00 81 02"));  // Get Endpoint ID request
  ASSERT_EQ(kinds(events), Kinds{EventKind::Message});
  EXPECT_EQ(to_hex(events[0].packet), "01 09 08 C9 00 81 02");
  EXPECT_EQ(to_hex(events[0].body()), "00 81 02");
  EXPECT_EQ(events[0].packets, Packets{0});
  EXPECT_EQ(events[0].message.layers.size(), 3u);
  EXPECT_EQ(events[0].message.layers[2].def().id, "get_endpoint_id_req");
  EXPECT_EQ(events[0].message.link, "mctp");
  EXPECT_EQ(r.open_assemblies(), 0u);
}

TEST(Reassembly, ThreePacketsMakeOneMessage) {
  Reassembler r(registry());
  EXPECT_TRUE(r.push(packet(kSom)).empty());
  EXPECT_EQ(r.open_assemblies(), 1u);
  EXPECT_EQ(r.buffered_bytes(), 4u);
  EXPECT_TRUE(r.push(packet(kMid)).empty());
  auto events = r.push(packet(kEom));
  ASSERT_EQ(kinds(events), Kinds{EventKind::Message});
  // Synthetic packet: first packet's header with SOM and EOM, sequence 1, TO 0, tag 2.
  EXPECT_EQ(to_hex(events[0].packet), "01 08 09 D2 01 02 03 04 05 06 07 08 09 0A");
  EXPECT_EQ(events[0].packets, (Packets{0, 1, 2}));
  EXPECT_EQ(events[0].key, (AssemblyKey{0x09, 0x08, 0, 2, ""}));
  EXPECT_EQ(r.open_assemblies(), 0u);
  EXPECT_EQ(r.buffered_bytes(), 0u);
}

TEST(Reassembly, CallerNumbersPackets) {
  Reassembler r(registry());
  r.push(packet(kSom), std::nullopt, 25);
  r.push(packet(kMid), std::nullopt, 28);
  auto events = r.push(packet(kEom), std::nullopt, 29);
  ASSERT_EQ(kinds(events), Kinds{EventKind::Message});
  EXPECT_EQ(events[0].packets, (Packets{25, 28, 29}));
  // Without a number the count goes on from the last one.
  EXPECT_EQ(r.push(packet("01 09 08 C9 00 81 02"))[0].packets, Packets{30});
}

TEST(Reassembly, MissingPacketDropsTheMessageOnce) {
  Reassembler r(registry());
  r.push(packet(kSom));
  auto events = r.push(packet(kEom));
  ASSERT_EQ(kinds(events), Kinds{EventKind::MissingPacket});
  EXPECT_EQ(events[0].packets, (Packets{0, 1}));
  EXPECT_EQ(events[0].text, "packet seq 2 expected, seq 3 received (1 missing): dropped a message of 4 bytes in 1 packet");
  EXPECT_EQ(r.open_assemblies(), 0u);
}

TEST(Reassembly, PacketsAfterAGapAreAbsorbed) {
  // Five packets, sequence 0..3,0; the second is lost: one event, then silence to the EOM.
  Reassembler r(registry());
  r.push(packet("01 08 09 82 01 AA"));
  EXPECT_EQ(kinds(r.push(packet("01 08 09 22 BB"))), Kinds{EventKind::MissingPacket});
  EXPECT_TRUE(r.push(packet("01 08 09 32 CC")).empty());
  EXPECT_TRUE(r.push(packet("01 08 09 42 DD")).empty());
  EXPECT_EQ(r.open_assemblies(), 0u);
  EXPECT_TRUE(r.flush().empty());
}

TEST(Reassembly, DuplicatesAreReportedAndSkipped) {
  Reassembler r(registry());
  r.push(packet(kSom));
  EXPECT_EQ(kinds(r.push(packet(kSom))), Kinds{EventKind::DuplicatePacket});
  r.push(packet(kMid));
  EXPECT_EQ(kinds(r.push(packet(kMid))), Kinds{EventKind::DuplicatePacket});
  EXPECT_EQ(kinds(r.push(packet(kSom))), Kinds{EventKind::DuplicatePacket});  // still recent
  auto events = r.push(packet(kEom));
  ASSERT_EQ(kinds(events), Kinds{EventKind::Message});
  EXPECT_EQ(events[0].packets, (Packets{0, 2, 5}));
  EXPECT_EQ(to_hex(events[0].body()), "01 02 03 04 05 06 07 08 09 0A");
  // A repeated end packet after the message ended.
  EXPECT_EQ(kinds(r.push(packet(kEom))), Kinds{EventKind::DuplicatePacket});
}

TEST(Reassembly, SwappedPacketsAreAGapThenALatePacket) {
  // Sequence 0, 2, 1, 3: the message is lost; the late packet is named out-of-order.
  Reassembler r(registry());
  r.push(packet("01 08 09 82 01 AA"));
  EXPECT_EQ(kinds(r.push(packet("01 08 09 22 CC"))), Kinds{EventKind::MissingPacket});
  EXPECT_EQ(kinds(r.push(packet("01 08 09 12 BB"))), Kinds{EventKind::OutOfOrder});
  EXPECT_TRUE(r.push(packet("01 08 09 72 DD")).empty());
}

TEST(Reassembly, LatePacketAfterTheEnd) {
  // Sequence 0, 2(EOM), 1.
  Reassembler r(registry());
  r.push(packet("01 08 09 82 01 AA"));
  EXPECT_EQ(kinds(r.push(packet("01 08 09 62 CC"))), Kinds{EventKind::MissingPacket});
  EXPECT_EQ(kinds(r.push(packet("01 08 09 12 BB"))), Kinds{EventKind::OutOfOrder});
  EXPECT_EQ(kinds(r.push(packet("01 08 09 12 BB"))), Kinds{EventKind::OrphanPacket});
}

TEST(Reassembly, OrphanMiddleAndEndPackets) {
  Reassembler r(registry());
  auto events = r.push(packet(kMid));
  ASSERT_EQ(kinds(events), Kinds{EventKind::OrphanPacket});
  EXPECT_EQ(events[0].text, "middle packet (seq 2) with no message in progress: dropped");
  EXPECT_TRUE(r.push(packet(kEom)).empty());  // the rest of the same lost message
  EXPECT_EQ(kinds(r.push(packet(kEom))), Kinds{EventKind::DuplicatePacket});
  Reassembler fresh(registry());
  EXPECT_EQ(kinds(fresh.push(packet(kEom))), Kinds{EventKind::OrphanPacket});
  EXPECT_EQ(fresh.open_assemblies(), 0u);
}

TEST(Reassembly, NewSomRestartsTheAssembly) {
  Reassembler r(registry());
  r.push(packet(kSom));
  r.push(packet(kMid));
  auto events = r.push(packet("01 08 09 82 01 FF"));
  ASSERT_EQ(kinds(events), Kinds{EventKind::Restarted});
  EXPECT_EQ(events[0].packets, (Packets{0, 1, 2}));
  events = r.push(packet("01 08 09 52 EE"));
  ASSERT_EQ(kinds(events), Kinds{EventKind::Message});
  EXPECT_EQ(to_hex(events[0].body()), "01 FF EE");
  // A single-packet message on a terminus in progress ends it too.
  r.push(packet(kSom));
  EXPECT_EQ(kinds(r.push(packet("01 08 09 C2 01 77"))), (Kinds{EventKind::Restarted, EventKind::Message}));
}

TEST(Reassembly, InterleavedTagsAreSeparateMessages) {
  Reassembler r(registry());
  r.push(packet("01 08 09 82 01 AA"));  // tag 2
  r.push(packet("01 08 09 83 01 BB"));  // tag 3
  r.push(packet("01 08 09 8A 01 CC"));  // tag 2, TO=1
  EXPECT_EQ(r.open_assemblies(), 3u);
  auto a = r.push(packet("01 08 09 53 B2"));
  auto b = r.push(packet("01 08 09 5A C2"));
  auto c = r.push(packet("01 08 09 52 A2"));
  ASSERT_EQ(kinds(a), Kinds{EventKind::Message});
  ASSERT_EQ(kinds(b), Kinds{EventKind::Message});
  ASSERT_EQ(kinds(c), Kinds{EventKind::Message});
  EXPECT_EQ(to_hex(a[0].body()), "01 BB B2");
  EXPECT_EQ(to_hex(b[0].body()), "01 CC C2");
  EXPECT_EQ(to_hex(c[0].body()), "01 AA A2");
}

TEST(Reassembly, SameEidsFromDifferentSourceEidsOrDestinationsAreSeparate) {
  Reassembler r(registry());
  r.push(packet("01 08 09 82 01 AA"));
  r.push(packet("01 08 0A 82 01 BB"));  // other source EID
  r.push(packet("01 07 09 82 01 CC"));  // other destination EID
  EXPECT_EQ(r.open_assemblies(), 3u);
}

TEST(Reassembly, UnexpectedPacketSizesAreReportedButKept) {
  Reassembler r(registry());
  r.push(packet("01 08 09 92 01 02 03 04"));
  EXPECT_EQ(kinds(r.push(packet("01 08 09 22 05 06"))), Kinds{EventKind::UnexpectedSize});
  EXPECT_EQ(kinds(r.push(packet("01 08 09 72 07"))), Kinds{EventKind::Message});
  r.push(packet("01 08 09 92 01 02"));
  auto events = r.push(packet("01 08 09 62 03 04 05"));
  EXPECT_EQ(kinds(events), (Kinds{EventKind::UnexpectedSize, EventKind::Message}));
  EXPECT_EQ(events[0].text, "end packet carries 3 bytes but the first carried 2");
}

TEST(Reassembly, TooLargeMessagesAreDropped) {
  Reassembler r(registry(), Limits{.max_message_size = 6});
  r.push(packet(kSom));
  auto events = r.push(packet(kMid));
  ASSERT_EQ(kinds(events), Kinds{EventKind::TooLarge});
  EXPECT_EQ(events[0].packets, (Packets{0, 1}));
  EXPECT_EQ(r.buffered_bytes(), 0u);
  EXPECT_TRUE(r.push(packet(kEom)).empty());
  EXPECT_EQ(r.open_assemblies(), 0u);
  // A single packet over the limit too; one at the limit is fine.
  EXPECT_EQ(kinds(r.push(packet("01 08 09 C2 01 02 03 04 05 06 07"))), Kinds{EventKind::TooLarge});
  EXPECT_EQ(kinds(r.push(packet("01 08 09 C2 01 02 03 04 05 06"))), Kinds{EventKind::Message});
}

TEST(Reassembly, OldestAssemblyIsEvicted) {
  Reassembler r(registry(), Limits{.max_open_assemblies = 2});
  r.push(packet("01 08 09 82 01 AA"));  // tag 2
  r.push(packet("01 08 09 83 01 BB"));  // tag 3
  r.push(packet("01 08 09 12 A1"));     // tag 2 is now the most recently active
  auto events = r.push(packet("01 08 09 84 01 CC"));
  ASSERT_EQ(kinds(events), Kinds{EventKind::Evicted});
  EXPECT_EQ(events[0].key.tag, 3);
  EXPECT_EQ(events[0].packets, Packets{1});
  EXPECT_EQ(r.open_assemblies(), 2u);
  EXPECT_EQ(kinds(r.push(packet("01 08 09 53 B1"))), Kinds{EventKind::OrphanPacket});
}

// A million SOM packets; a tenth under AddressSanitizer, where each push costs fifty times more.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kFloodCount = 100'000;
#else
constexpr std::size_t kFloodCount = 1'000'000;
#endif

TEST(Reassembly, SomFloodStaysBounded) {
  // SOM packets that never end, each on its own terminus.
  // One decoded frame is rewritten in place (bytes and fields alike) to keep the test quick
  // under the sanitizers; decoding a million frames would cost four times the reassembly.
  Limits limits;
  Reassembler r(registry(), limits);
  Frame f = decode(Bytes{0x01, 0x00, 0x00, 0x80, 0x01, 0xAB, 0xCD}, kTransport, registry());
  ASSERT_EQ(f.layers.at(0).num("som"), 1u);
  Layer& header = f.layers[0];
  const std::size_t dst = header.index_of("dst"), src = header.index_of("src"), to = header.index_of("to"),
                    tag = header.index_of("tag");
  std::size_t evicted = 0, other = 0;
  for (std::size_t i = 0; i < kFloodCount; ++i) {
    f.data[1] = static_cast<std::uint8_t>(i);
    f.data[2] = static_cast<std::uint8_t>(i >> 8);
    f.data[3] = static_cast<std::uint8_t>(0x80 | ((i >> 16) & 0x0F));  // TO and tag
    header.set_number(dst, f.data[1]);
    header.set_number(src, f.data[2]);
    header.set_number(to, (i >> 19) & 1);
    header.set_number(tag, (i >> 16) & 7);
    for (const Event& e : r.push(f)) {
      (e.kind == EventKind::Evicted ? evicted : other)++;
    }
    ASSERT_LE(r.open_assemblies(), limits.max_open_assemblies);
    ASSERT_LE(r.buffered_bytes(), limits.max_open_assemblies * 3);
  }
  EXPECT_EQ(r.open_assemblies(), limits.max_open_assemblies);
  EXPECT_EQ(evicted, kFloodCount - limits.max_open_assemblies);
  EXPECT_EQ(other, 0u);
  EXPECT_EQ(r.flush().size(), limits.max_open_assemblies);
  EXPECT_EQ(r.open_assemblies(), 0u);
}

TEST(Reassembly, OrphanFloodStaysBounded) {
  Reassembler r(registry(), Limits{.max_open_assemblies = 8, .max_history = 16});
  Bytes bytes = {0x01, 0x00, 0x00, 0x10, 0xAB};
  for (std::size_t i = 0; i < 10'000; ++i) {
    bytes[1] = static_cast<std::uint8_t>(i);
    bytes[2] = static_cast<std::uint8_t>(i >> 8);
    auto events = r.push(decode(bytes, kTransport, registry()));
    ASSERT_EQ(kinds(events), Kinds{EventKind::OrphanPacket});  // absorbers are evicted quietly
    ASSERT_LE(r.open_assemblies(), 8u);
  }
}

constexpr std::int64_t kSecond = 1'000'000'000;

TEST(Reassembly, TimeoutBetweenPackets) {
  Reassembler r(registry());
  EXPECT_EQ(r.limits().timeout_ns, 6 * kSecond);
  r.push(packet(kSom), 0);
  EXPECT_TRUE(r.push(packet(kMid), 6 * kSecond).empty());  // exactly the timeout: still on time
  auto events = r.push(packet(kEom), 12 * kSecond + 1);
  ASSERT_EQ(kinds(events), (Kinds{EventKind::Timeout, EventKind::OrphanPacket}));
  EXPECT_EQ(events[0].packets, (Packets{0, 1}));
  EXPECT_EQ(events[0].text, "no packet for 6000 ms (timeout 6000 ms): dropped a message of 8 bytes in 2 packets");
}

TEST(Reassembly, ExpireAndFlush) {
  Reassembler r(registry(), Limits{.timeout_ns = kSecond});
  r.push(packet(kSom), 10 * kSecond);
  r.push(packet("01 08 09 83 01 BB"));  // no time: never times out
  EXPECT_TRUE(r.expire(11 * kSecond).empty());
  auto events = r.expire(11 * kSecond + 1);
  ASSERT_EQ(kinds(events), Kinds{EventKind::Timeout});
  EXPECT_EQ(events[0].key.tag, 2);
  events = r.flush();
  ASSERT_EQ(kinds(events), Kinds{EventKind::Incomplete});
  EXPECT_EQ(events[0].key.tag, 3);
  EXPECT_EQ(events[0].text, "end of input with a message of 2 bytes in 1 packet in progress: dropped");
  EXPECT_TRUE(r.flush().empty());
}

TEST(Reassembly, TagReuseBeforeTheResponse) {
  Reassembler r(registry());
  const char* request = "01 09 08 CD 00 81 02";  // 0x08 -> 0x09, TO=1, tag 5
  const char* response = "01 08 09 C5 00 01 02 00 09 00 00";
  EXPECT_EQ(kinds(r.push(packet(request), 0)), Kinds{EventKind::Message});
  auto events = r.push(packet(request), kSecond);
  ASSERT_EQ(kinds(events), (Kinds{EventKind::TagReuse, EventKind::Message}));
  EXPECT_EQ(events[0].text, "request tag 5 reused while the request in packet 0 still awaits its response");
  EXPECT_EQ(kinds(r.push(packet(response), 2 * kSecond)), Kinds{EventKind::Message});
  EXPECT_EQ(kinds(r.push(packet(request), 3 * kSecond)), Kinds{EventKind::Message});
  // The tag is free again once the response time has run out.
  EXPECT_EQ(kinds(r.push(packet(request), 10 * kSecond)), Kinds{EventKind::Message});
  // Another tag, or the other direction, is not a reuse.
  EXPECT_EQ(kinds(r.push(packet("01 09 08 CE 00 81 02"), 10 * kSecond)), Kinds{EventKind::Message});
  EXPECT_EQ(kinds(r.push(packet("01 08 09 CD 00 81 02"), 10 * kSecond)), Kinds{EventKind::Message});
}

TEST(Reassembly, BadPacketsAreDropped) {
  Reassembler r(registry());
  auto events = r.push(packet("02 08 09 C2 01 02"));  // header version 2
  ASSERT_EQ(kinds(events), Kinds{EventKind::BadPacket});
  EXPECT_EQ(events[0].packets, Packets{0});
  EXPECT_EQ(kinds(r.push(packet("01 08 09"))), Kinds{EventKind::BadPacket});     // truncated header
  EXPECT_EQ(kinds(r.push(packet("01 08 09 82"))), Kinds{EventKind::BadPacket});  // SOM without a type byte
  // A bad PEC on the binding.
  EXPECT_EQ(kinds(r.push(packet("20 0F 07 3B 01 08 09 C2 01 02 00", "testbus"))), Kinds{EventKind::BadPacket});
  EXPECT_EQ(r.open_assemblies(), 0u);
}

TEST(Reassembly, FramesWithoutTransportAreIgnored) {
  Reassembler r(registry());
  EXPECT_TRUE(r.push(Frame(Layer(kControlHeader))).empty());
  EXPECT_TRUE(r.push(Frame{}).empty());
}

TEST(Reassembly, BindingAddressesSeparateAssemblies) {
  // The same EIDs and tag behind two SMBus addresses: 0x1D -> 0x10 and 0x1E -> 0x10.
  const Frame som_a = Layer(kBus, {{"dst", 0x10}, {"src", 0x1D}}) /
                      Layer(kTransport, {{"dst", 8}, {"src", 9}, {"eom", 0}, {"tag", 2}, {"msg_type", 1}}) /
                      Layer(kRawLayer, {{"data", Bytes{0xAA}}});
  Frame som_b = som_a;
  som_b.layers[0].set("src", 0x1E);
  Frame eom_a = som_a;
  eom_a.layers[1].set("som", 0).set("eom", 1).set("pkt_seq", 1);
  Frame eom_b = eom_a;
  eom_b.layers[0].set("src", 0x1E);
  eom_b.layers[2].set("data", Bytes{0xBB});

  Reassembler r(registry());
  for (const Frame* f : std::vector<const Frame*>{&som_a, &som_b}) EXPECT_TRUE(r.push(decode(f->build(registry()), "testbus", registry())).empty());
  EXPECT_EQ(r.open_assemblies(), 2u);
  auto b = r.push(decode(eom_b.build(registry()), "testbus", registry()));
  auto a = r.push(eom_a);  // a crafted frame is accepted too
  ASSERT_EQ(kinds(a), Kinds{EventKind::Message});
  ASSERT_EQ(kinds(b), Kinds{EventKind::Message});
  EXPECT_EQ(to_hex(a[0].body()), "01 AA AA");
  EXPECT_EQ(to_hex(b[0].body()), "01 AA BB");
  EXPECT_EQ(a[0].key.physical, "smbus.dst=0x10 smbus.src=0x1D");
  EXPECT_EQ(describe(b[0].key), "EID 0x09 -> 0x08, TO=0, tag 2 (smbus.dst=0x10 smbus.src=0x1E)");
}

// The texts of a packet's addresses are kept for later packets between the same addresses: many
// pairs in turn, more than are kept, each still get their own key, and each response frees its
// request's tag (through the key seen from the other end), so that no request of a later round
// is reported reusing a tag.
TEST(Reassembly, EveryPairOfAddressesGetsItsOwnKeys) {
  Reassembler r(registry());
  const auto key_text = [](std::uint64_t dst, std::uint64_t src) {
    char text[64];
    std::snprintf(text, sizeof text, "smbus.dst=0x%02X smbus.src=0x%02X", static_cast<unsigned>(dst),
                  static_cast<unsigned>(src));
    return std::string(text);
  };
  for (int round = 0; round < 3; ++round) {
    for (std::uint64_t device = 0x10; device < 0x50; ++device) {
      const Frame request = Layer(kBus, {{"dst", device}, {"src", 0x1D}}) /
                            Layer(kTransport, {{"dst", 8}, {"src", 9}, {"to", 1}, {"tag", 2}, {"msg_type", 1}}) /
                            Layer(kRawLayer, {{"data", Bytes{0xAA}}});
      const Frame response = Layer(kBus, {{"dst", 0x1D}, {"src", device}}) /
                             Layer(kTransport, {{"dst", 9}, {"src", 8}, {"to", 0}, {"tag", 2}, {"msg_type", 1}}) /
                             Layer(kRawLayer, {{"data", Bytes{0xBB}}});
      // Twice: the second exchange finds the texts the first one made.
      for (int exchange = 0; exchange < 2; ++exchange) {
        const auto asked = r.push(decode(request.build(registry()), "testbus", registry()));
        ASSERT_EQ(kinds(asked), Kinds{EventKind::Message}) << round << " " << device;
        EXPECT_EQ(asked[0].key.physical, key_text(device, 0x1D));
        const auto answered = r.push(decode(response.build(registry()), "testbus", registry()));
        ASSERT_EQ(kinds(answered), Kinds{EventKind::Message}) << round << " " << device;
        EXPECT_EQ(answered[0].key.physical, key_text(0x1D, device));
      }
    }
  }
}

TEST(Reassembly, TagReuseMatchesTheResponseThroughTheBinding) {
  // Request 0x10 -> 0x1D (EID 8 -> 9), response 0x1D -> 0x10: the response frees the tag.
  Reassembler r(registry());
  auto request = packet("3A 0F 08 21 01 09 08 CD 00 81 02 00", "testbus");
  auto response = packet("20 0F 0C 3B 01 08 09 C5 00 01 02 00 09 00 00 00", "testbus");
  request.diagnostics.clear();  // PEC 00 is wrong; the test is about keys, not PECs
  response.diagnostics.clear();
  EXPECT_EQ(kinds(r.push(request)), Kinds{EventKind::Message});
  EXPECT_EQ(kinds(r.push(response)), Kinds{EventKind::Message});
  EXPECT_EQ(kinds(r.push(request)), Kinds{EventKind::Message});
  EXPECT_EQ(kinds(r.push(request)), (Kinds{EventKind::TagReuse, EventKind::Message}));
}

TEST(Reassembly, FragmentsGoStraightBackIn) {
  Bytes data(300);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 7);
  Frame msg = Layer(kTransport, {{"dst", 0x20}, {"src", 0x21}, {"to", 1}, {"tag", 4}, {"pkt_seq", 3}, {"msg_type", 0x7E}}) /
              Layer(kRawLayer, {{"data", data}});
  Reassembler r(registry());
  std::vector<Event> all;
  for (const Frame& f : fragment(msg, 64, registry())) {
    for (Event& e : r.push(f)) all.push_back(std::move(e));
  }
  ASSERT_EQ(kinds(all), Kinds{EventKind::Message});
  EXPECT_EQ(all[0].packets, (Packets{0, 1, 2, 3, 4}));
  Bytes expected = {0x01, 0x20, 0x21, 0xFC, 0x7E};
  expected.insert(expected.end(), data.begin(), data.end());
  EXPECT_EQ(all[0].packet, expected);
}

TEST(Reassembly, DamagedPacketsNeverBreakIt) {
  // Every truncation and every single-bit flip of a three-packet message on the test binding,
  // each fed between the intact packets: no crash, and the state stays bounded.
  Frame msg = Layer(kBus, {{"dst", 0x10}, {"src", 0x1D}}) / Layer(kTransport, {{"dst", 8}, {"src", 9}, {"msg_type", 1}}) /
              Layer(kRawLayer, {{"data", Bytes(150, 0x5A)}});
  std::vector<Bytes> packets = fragment_bytes(msg, 64, registry());
  ASSERT_EQ(packets.size(), 3u);
  Reassembler r(registry(), Limits{.max_open_assemblies = 4, .max_history = 4});
  std::size_t messages = 0;
  auto feed = [&](const Bytes& bytes) {
    for (const Event& e : r.push(decode(bytes, "testbus", registry()))) messages += e.kind == EventKind::Message;
    ASSERT_LE(r.open_assemblies(), 4u);
  };
  std::size_t variants = 0;
  for (const Bytes& p : packets) {
    for (std::size_t n = 0; n < p.size(); ++n) {
      for (const Bytes& q : packets) feed(q);
      feed(Bytes(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(n)));
      ++variants;
    }
    for (std::size_t bit = 0; bit < p.size() * 8; ++bit) {
      Bytes flipped = p;
      flipped[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      feed(flipped);
      for (const Bytes& q : packets) feed(q);
      ++variants;
    }
  }
  // Every intact run completes; each damaged packet is caught by the PEC or changes nothing.
  EXPECT_EQ(messages, variants);
  EXPECT_LE(r.buffered_bytes(), 4u * 150u);
}

// A two-packet Set Endpoint ID request 0x09 -> 0x08, TO=1, tag 0 (sequence 1, 2):
// body 00 81 01 00 | 0A.
constexpr std::string_view kSetEidSom = "01 08 09 98 00 81 01 00";
constexpr std::string_view kSetEidEom = "01 08 09 68 0A";

TEST(Reassembly, MessagesAreDecodedWithinTheScopeGiven) {
  const DecodeScope transport_only(registry(), [](const LayerDef& def) { return &def == &kTransport; });
  for (const DecodeScope* scope : {static_cast<const DecodeScope*>(nullptr), &transport_only}) {
    Reassembler r(registry());
    r.decode_within(scope);
    Frame som, eom;
    decode_into(som, *parse_hex(kSetEidSom), "mctp", registry(), scope);
    decode_into(eom, *parse_hex(kSetEidEom), "mctp", registry(), scope);
    EXPECT_TRUE(r.push(som).empty());
    auto events = r.push(eom);
    ASSERT_EQ(kinds(events), Kinds{EventKind::Message});
    EXPECT_EQ(to_hex(events[0].packet), "01 08 09 D8 00 81 01 00 0A");
    ASSERT_EQ(events[0].message.layers.size(), scope != nullptr ? 1u : 3u);
    EXPECT_EQ(events[0].message.layers[0].num("dst"), 8u);
    EXPECT_EQ(events[0].message.layers[0].num("src"), 9u);
    if (scope == nullptr) {
      EXPECT_EQ(events[0].message.layers[2].def().id, "set_endpoint_id_req");
    }
  }
}

TEST(Reassembly, APacketsBytesAreTheSameWhetherItsMessageWasDecodedOrNot) {
  // Without the binding's header and PEC, from a whole decoding and from one that stops after the
  // transport header alike.
  const Frame crafted = Layer(kBus, {{"dst", 0x10}, {"src", 0x1D}}) /
                        Layer(kTransport, {{"dst", 8}, {"src", 9}, {"tag", 2}, {"to", 1}}) /
                        Layer(kControlHeader, {{"rq", 1}, {"iid", 3}, {"command", 2}});
  const Bytes wire = crafted.build(registry());
  const DecodeScope transport_only(registry(), [](const LayerDef& def) { return &def == &kTransport; });
  const Frame whole = decode(wire, "testbus", registry());
  Frame within;
  decode_into(within, wire, "testbus", registry(), &transport_only);
  ASSERT_EQ(whole.layers.size(), 4u);
  ASSERT_EQ(within.layers.size(), 2u);
  EXPECT_EQ(to_hex(packet_bytes(whole)), "01 08 09 CA 00 83 02");
  EXPECT_EQ(to_hex(packet_bytes(within)), "01 08 09 CA 00 83 02");
  // A packet cut inside its message: the bytes there are, the same both ways.
  const Bytes cut(wire.begin(), wire.end() - 3);
  const Frame cut_whole = decode(cut, "testbus", registry());
  decode_into(within, cut, "testbus", registry(), &transport_only);
  EXPECT_EQ(to_hex(packet_bytes(within)), to_hex(packet_bytes(cut_whole)));
  EXPECT_EQ(to_hex(packet_bytes(within)), "01 08 09 CA 00");
}

TEST(Reassembly, EventNames) {
  EXPECT_EQ(to_string(EventKind::Message), "message");
  EXPECT_EQ(to_string(EventKind::MissingPacket), "missing-packet");
  EXPECT_EQ(to_string(EventKind::DuplicatePacket), "duplicate-packet");
  EXPECT_EQ(to_string(EventKind::OrphanPacket), "orphan-packet");
  EXPECT_EQ(to_string(EventKind::TagReuse), "tag-reuse");
}

}  // namespace
}  // namespace mctpkit::mctp
