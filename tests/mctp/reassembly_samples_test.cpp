// Reassembly of samples.json: frames 25, 28 and 29 carry one PLDM GetFRURecordTable response,
// with a Get Endpoint ID exchange (frames 26, 27) between its packets.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/derive.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/reassembly.hpp"
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

struct Sample {
  std::size_t frame;
  std::string mctp;
  std::string smbus;
};

std::vector<Sample> samples() {
  std::ifstream in(MCTPKIT_SHARED_DIR "/captures/samples.json");
  nlohmann::json doc = nlohmann::json::parse(in);
  std::vector<Sample> out;
  for (const auto& e : doc) {
    out.push_back({e.at("frame").get<std::size_t>(), e.at("mctp").get<std::string>(), e.value("smbus", std::string())});
  }
  return out;
}

Bytes hex(std::string_view text) { return parse_hex(text).value_or(Bytes{}); }

// Capture times of samples.json: 1.001 s apart.
std::int64_t time_of(std::size_t frame) { return static_cast<std::int64_t>(frame - 1) * 1'001'000'000; }

std::vector<Event> feed(Reassembler& r, const std::vector<Sample>& s, std::size_t first, std::size_t last, bool smbus,
                        bool timed) {
  std::vector<Event> all;
  for (const Sample& sample : s) {
    if (sample.frame < first || sample.frame > last) continue;
    Frame f = decode(hex(smbus ? sample.smbus : sample.mctp), smbus ? "testbus" : "mctp", registry());
    auto t = timed ? std::optional<std::int64_t>(time_of(sample.frame)) : std::nullopt;
    for (Event& e : r.push(f, t, sample.frame)) all.push_back(std::move(e));
  }
  for (Event& e : r.flush()) all.push_back(std::move(e));
  return all;
}

// The body by hand: frame 25's packet after its 4-byte transport header (message type byte 01
// first), then frames 28 and 29 after theirs; 64 + 64 + 26 = 154 bytes.
std::string expected_fru_body(const std::vector<Sample>& s) {
  std::string hex_text = s[24].mctp.substr(8) + s[27].mctp.substr(8) + s[28].mctp.substr(8);
  return to_hex(hex(hex_text));
}

const Event* message_with(const std::vector<Event>& events, std::size_t first_packet) {
  for (const Event& e : events) {
    if (e.kind == EventKind::Message && e.packets.front() == first_packet) return &e;
  }
  return nullptr;
}

TEST(ReassemblySamples, FruRecordTableFromBareMctp) {
  std::vector<Sample> s = samples();
  ASSERT_EQ(s.size(), 35u);
  Reassembler r(registry());
  std::vector<Event> events = feed(r, s, 24, 29, false, true);
  ASSERT_EQ(events.size(), 4u);  // 24 (request), 26, 27 (interleaved), then 25+28+29
  for (const Event& e : events) EXPECT_EQ(e.kind, EventKind::Message) << e.text;
  EXPECT_EQ(events[0].packets, std::vector<std::size_t>{24});
  EXPECT_EQ(events[1].packets, std::vector<std::size_t>{26});
  EXPECT_EQ(events[2].packets, std::vector<std::size_t>{27});
  const Event& fru = events[3];
  EXPECT_EQ(fru.packets, (std::vector<std::size_t>{25, 28, 29}));
  EXPECT_EQ(fru.body().size(), 154u);
  EXPECT_EQ(to_hex(fru.body()), expected_fru_body(s));
  EXPECT_EQ(to_hex(ByteView(fru.packet).first(8)), "01 08 09 C5 01 04 04 02");
  EXPECT_EQ(to_hex(ByteView(fru.packet).last(6)), "72 64 8C 73 7B 11");
  EXPECT_EQ(fru.key, (AssemblyKey{0x09, 0x08, 0, 5, ""}));
  // Decoded as one packet: PLDM is not registered in this test, so it stays Raw after the header.
  ASSERT_EQ(fru.message.layers.size(), 2u);
  EXPECT_EQ(fru.message.layers[0].num("msg_type"), 1u);
  EXPECT_EQ(fru.message.layers[1].bytes("data").size(), 153u);
  // The interleaved control response decodes through the registry.
  EXPECT_EQ(events[2].message.layers.at(2).def().id, "get_endpoint_id_rsp");
}

TEST(ReassemblySamples, FruRecordTableFromSmbusFrames) {
  std::vector<Sample> s = samples();
  Reassembler r(registry());
  std::vector<Event> events = feed(r, s, 24, 29, true, true);
  ASSERT_EQ(events.size(), 4u);
  const Event* fru = message_with(events, 25);
  ASSERT_NE(fru, nullptr);
  EXPECT_EQ(to_hex(fru->body()), expected_fru_body(s));
  EXPECT_EQ(fru->key.physical, "smbus.dst=0x10 smbus.src=0x1D");
}

TEST(ReassemblySamples, WholeCaptureGivesOnlyMessages) {
  // 35 frames, 33 messages; no tag is reused, nothing is lost.
  std::vector<Sample> s = samples();
  for (bool smbus : {false, true}) {
    Reassembler r(registry());
    std::vector<Event> events = feed(r, s, 1, 35, smbus, true);
    ASSERT_EQ(events.size(), 33u) << (smbus ? "smbus" : "mctp");
    for (const Event& e : events) EXPECT_EQ(e.kind, EventKind::Message) << to_string(e.kind) << ": " << e.text;
  }
}

TEST(ReassemblySamples, ShortTimeoutLosesTheFruResponse) {
  // Frames 25 and 28 are 3.003 s apart (27 is 2.002 s after 25): with a 2.5 s timeout the
  // assembly times out when frame 28 arrives.
  std::vector<Sample> s = samples();
  Reassembler r(registry(), Limits{.timeout_ns = 2'500'000'000});
  std::vector<Event> events = feed(r, s, 25, 29, false, true);
  std::vector<EventKind> kinds;
  for (const Event& e : events) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<EventKind>{EventKind::Message, EventKind::Message, EventKind::Timeout,
                                           EventKind::OrphanPacket}));
  EXPECT_EQ(events[2].packets, std::vector<std::size_t>{25});
  EXPECT_EQ(events[3].packets, std::vector<std::size_t>{28});
}

TEST(ReassemblySamples, LostMiddleFragment) {
  std::vector<Sample> s = samples();
  Reassembler r(registry());
  std::vector<Event> events;
  for (std::size_t frame : {25, 26, 27, 29}) {
    for (Event& e : r.push(decode(hex(s[frame - 1].mctp), "mctp", registry()), std::nullopt, frame)) {
      events.push_back(std::move(e));
    }
  }
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[2].kind, EventKind::MissingPacket);
  EXPECT_EQ(events[2].packets, (std::vector<std::size_t>{25, 29}));
  EXPECT_EQ(events[2].text, "packet seq 1 expected, seq 2 received (1 missing): dropped a message of 64 bytes in 1 packet");
}

}  // namespace
}  // namespace mctpkit::mctp
