// Fragmentation: exact packet bytes written by hand from DSP0236 packetization rules, the
// SMBus frames of a real capture (samples.json frames 25, 28, 29), and a message integrity check
// computed over the whole message.

#include "mctpkit/mctp/fragment.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/derive.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::mctp {
namespace {

// A binding shaped like SMBus (DSP0237), declared here because tests/mctp links no binding module.
std::uint64_t bus_pec(const DeriveContext& ctx) { return crc::crc8_smbus(ctx.covered); }
constexpr FieldDef kBusFields[] = {
    bits("dst", 7).hex(), bits("dst_rw", 1),       u8("command").hex().expect(0x0F),
    u8("byte_count").length_after(), bits("src", 7).hex(), bits("src_rw", 1).expect(1),
    payload().length_from("byte_count", -1),       u8("pec").checksum(bus_pec).optional(),
};
constexpr LayerDef kBus{.id = "testbus", .abbrev = "smbus", .fields = kBusFields, .next = {.table = "testbus.payload"}};

// A message type with an integrity check at the end of the body (like NVMe-MI's CRC-32C MIC).
std::uint64_t message_mic(const DeriveContext& ctx) { return crc::crc32c(ctx.covered); }
constexpr FieldDef kMicFields[] = {bytes("data"), u32le("mic").checksum(message_mic)};
constexpr LayerDef kMicMessage{.id = "mic_message", .abbrev = "micmsg", .fields = kMicFields,
                               .bind = {kMessageTypeTable, Key{0x04}}};

const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
    register_transport(reg);
    register_control(reg);
    reg.add_link({"mctp", "bare MCTP", &kTransport});
    reg.declare(kBus);
    reg.bind("testbus.payload", Key{}, kTransport);
    reg.add_link({"testbus", "SMBus-like test binding", &kBus});
    reg.declare(kMicMessage);
    return reg;
  }();
  return r;
}

Bytes hex(std::string_view text) {
  auto b = parse_hex(text);
  EXPECT_TRUE(b.has_value()) << text;
  return b.value_or(Bytes{});
}

std::vector<std::string> hex_all(const std::vector<Bytes>& packets) {
  std::vector<std::string> out;
  for (const Bytes& p : packets) out.push_back(to_hex(p));
  return out;
}

const LayerDef& layer(std::string_view id) {
  const LayerDef* def = registry().layer(id);
  EXPECT_NE(def, nullptr) << id;
  return def ? *def : kRawLayer;
}

// Get Endpoint UUID response, EID 0x0A -> 0x08, TO=0, tag 3, first packet sequence 2.
// Body (20 bytes): 00 | 02 (rq=0 iid=2) | 03 | 00 (cc) | UUID 00 11 .. FF.
Frame uuid_response() {
  Bytes id = hex("00112233445566778899AABBCCDDEEFF");
  return Layer(kTransport, {{"dst", 0x08}, {"src", 0x0A}, {"to", 0}, {"tag", 3}, {"pkt_seq", 2}}) /
         Layer(kControlHeader, {{"rq", 0}, {"iid", 2}}) / Layer(layer("get_endpoint_uuid_rsp"), {{"uuid", id}});
}

TEST(Fragment, SplitsAtTheTransmissionUnitWithSomEomAndSequence) {
  // TU 8: 8 + 8 + 4 body bytes; sequence 2, 3, 0; SOM only first, EOM only last.
  EXPECT_EQ(hex_all(fragment_bytes(uuid_response(), 8, registry())),
            (std::vector<std::string>{"01 08 0A A3 00 02 03 00 00 11 22 33", "01 08 0A 33 44 55 66 77 88 99 AA BB",
                                      "01 08 0A 43 CC DD EE FF"}));
}

TEST(Fragment, LastPacketMayBeFull) {
  // 20 bytes at TU 10: two full packets, tag owner and tag kept on both.
  Frame msg = uuid_response();
  msg.layers[0].set("to", 1).set("tag", 6).set("pkt_seq", 0);
  EXPECT_EQ(hex_all(fragment_bytes(msg, 10, registry())),
            (std::vector<std::string>{"01 08 0A 8E 00 02 03 00 00 11 22 33 44 55",
                                      "01 08 0A 5E 66 77 88 99 AA BB CC DD EE FF"}));
}

TEST(Fragment, FramesCarryTheMessageHeaderByteInTheTransportLayer) {
  std::vector<Frame> packets = fragment(uuid_response(), 8, registry());
  ASSERT_EQ(packets.size(), 3u);
  const Layer& first = packets[0].layers[0];
  EXPECT_EQ(first.num("som"), 1u);
  EXPECT_EQ(first.num("eom"), 0u);
  EXPECT_EQ(first.num("msg_type"), 0u);
  EXPECT_EQ(to_hex(packets[0].layers[1].bytes("data")), "02 03 00 00 11 22 33");
  EXPECT_EQ(packets[1].layers[0].num("pkt_seq"), 3u);
  EXPECT_EQ(to_hex(packets[2].layers[1].bytes("data")), "CC DD EE FF");
  for (const Frame& p : packets) EXPECT_TRUE(p.layers[1].is(kRawLayer));
}

TEST(Fragment, MessageThatFitsIsOnePacket) {
  // 20 bytes at the baseline TU: the message as one SOM+EOM packet, layers kept.
  Frame msg = uuid_response();
  msg.layers[0].set("som", 0).set("eom", 0);  // whatever the caller had, a whole message has both
  std::vector<Frame> packets = fragment(msg, kBaselineTransmissionUnit, registry());
  ASSERT_EQ(packets.size(), 1u);
  EXPECT_EQ(to_hex(packets[0].build(registry())),
            "01 08 0A E3 00 02 03 00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF");
  EXPECT_EQ(packets[0].layers.size(), 3u);
  // Exactly one TU is still one packet.
  EXPECT_EQ(fragment(msg, 20, registry()).size(), 1u);
  EXPECT_EQ(fragment(msg, 19, registry()).size(), 2u);
}

TEST(Fragment, TransmissionUnitOfOneByte) {
  Frame msg = Layer(kTransport, {{"dst", 0x09}, {"src", 0x08}, {"to", 1}, {"tag", 1}, {"pkt_seq", 3}}) /
              Layer(kControlHeader, {{"iid", 1}}) / Layer(layer("get_endpoint_id_req"));
  EXPECT_EQ(hex_all(fragment_bytes(msg, 1, registry())),
            (std::vector<std::string>{"01 09 08 B9 00", "01 09 08 09 81", "01 09 08 59 02"}));
}

// TO left unset follows the message: set for a request, clear for a response. Every packet
// carries what the whole message builds to, though the later ones hold only Raw pieces of the
// body, which have no request bit to follow.
TEST(Fragment, TagOwnerLeftUnsetFollowsTheMessageOnEveryPacket) {
  const Frame request = Layer(kTransport, {{"dst", 0x09}, {"src", 0x08}, {"tag", 1}, {"pkt_seq", 3}}) /
                        Layer(kControlHeader, {{"iid", 1}}) / Layer(layer("get_endpoint_id_req"));
  EXPECT_EQ(to_hex(request.build(registry())), "01 09 08 F9 00 81 02");
  EXPECT_EQ(hex_all(fragment_bytes(request, 1, registry())),
            (std::vector<std::string>{"01 09 08 B9 00", "01 09 08 09 81", "01 09 08 59 02"}));

  const Frame response = Layer(kTransport, {{"dst", 0x08}, {"src", 0x0A}, {"tag", 3}, {"pkt_seq", 2}}) /
                         Layer(kControlHeader, {{"rq", 0}, {"iid", 2}}) /
                         Layer(layer("get_endpoint_uuid_rsp"), {{"uuid", hex("00112233445566778899AABBCCDDEEFF")}});
  EXPECT_EQ(hex_all(fragment_bytes(response, 8, registry())),
            (std::vector<std::string>{"01 08 0A A3 00 02 03 00 00 11 22 33", "01 08 0A 33 44 55 66 77 88 99 AA BB",
                                      "01 08 0A 43 CC DD EE FF"}));

  // A value given is kept, even one the message would not have chosen.
  Frame odd = request;
  odd.layers[0].set("to", 0);
  EXPECT_EQ(hex_all(fragment_bytes(odd, 1, registry())),
            (std::vector<std::string>{"01 09 08 B1 00", "01 09 08 01 81", "01 09 08 51 02"}));
  // The frames handed back hold the settled value; the message given is left as it was.
  for (const Frame& packet : fragment(request, 1, registry())) EXPECT_EQ(packet.layers[0].get("to"), 1u);
  EXPECT_EQ(request.layers[0].value(request.layers[0].index_of("to")).state, FieldValue::State::Unset);
}

TEST(Fragment, RejectsFramesWithoutTransportAndZeroUnit) {
  Frame no_mctp(Layer(kControlHeader, {{"iid", 1}}));
  EXPECT_THROW(fragment(no_mctp, 64, registry()), FragmentError);
  EXPECT_THROW(message_body(no_mctp, registry()), FragmentError);
  EXPECT_THROW(fragment(uuid_response(), 0, registry()), FragmentError);
  EXPECT_THROW(fragment(Frame{}, 64, registry()), FragmentError);
}

TEST(Fragment, MessageBodyStartsWithTheMessageHeaderByte) {
  EXPECT_EQ(to_hex(message_body(uuid_response(), registry())),
            "00 02 03 00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF");
}

TEST(Fragment, IntegrityCheckCoversTheWholeMessage) {
  Bytes data(40);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(0xA0 + i);
  Frame msg = Layer(kTransport, {{"dst", 0x09}, {"src", 0x08}, {"to", 1}, {"tag", 2}, {"ic", 1}}) /
              Layer(kMicMessage, {{"data", data}});
  std::vector<Bytes> packets = fragment_bytes(msg, 16, registry());
  // Body: 84 (IC + type 4), 40 data bytes, 4 MIC bytes = 45 bytes: 16 + 16 + 13.
  ASSERT_EQ(packets.size(), 3u);
  EXPECT_EQ(packets[0].size(), 4u + 16u);
  EXPECT_EQ(packets[1].size(), 4u + 16u);
  ASSERT_EQ(packets[2].size(), 4u + 13u);
  EXPECT_EQ(packets[0][4], 0x84);
  const std::uint32_t whole = crc::crc32c(data);
  Bytes mic(packets[2].end() - 4, packets[2].end());
  EXPECT_EQ(mic, (Bytes{static_cast<std::uint8_t>(whole), static_cast<std::uint8_t>(whole >> 8),
                        static_cast<std::uint8_t>(whole >> 16), static_cast<std::uint8_t>(whole >> 24)}));
  // Not a per-packet check: the last packet's own data gives another value.
  EXPECT_NE(crc::crc32c(ByteView(packets[2]).subspan(4, 9)), whole);
}

struct Sample {
  Bytes mctp;
  Bytes smbus;
};

std::vector<Sample> samples() {
  std::ifstream in(MCTPKIT_SHARED_DIR "/captures/samples.json");
  nlohmann::json doc = nlohmann::json::parse(in);
  std::vector<Sample> out;
  for (const auto& entry : doc) {
    out.push_back({hex(entry.at("mctp").get<std::string>()), hex(entry.value("smbus", std::string()))});
  }
  return out;
}

// The whole GetFRURecordTable response of samples.json: message header byte 0x01 (PLDM) in the
// transport layer, the other 153 body bytes as Raw, on the test SMBus binding 0x1D -> 0x10.
Frame fru_response(const std::vector<Sample>& s) {
  Bytes rest;
  for (int frame : {25, 28, 29}) {
    const Bytes& p = s[static_cast<std::size_t>(frame - 1)].mctp;
    rest.insert(rest.end(), p.begin() + (frame == 25 ? 5 : 4), p.end());
  }
  return Layer(kBus, {{"dst", 0x10}, {"src", 0x1D}}) /
         Layer(kTransport, {{"dst", 0x08}, {"src", 0x09}, {"to", 0}, {"tag", 5}, {"msg_type", 1}}) /
         Layer(kRawLayer, {{"data", rest}});
}

TEST(Fragment, RebuildsTheCapturedSmbusFramesWithTheirByteCountsAndPecs) {
  std::vector<Sample> s = samples();
  ASSERT_GE(s.size(), 29u);
  std::vector<Bytes> packets = fragment_bytes(fru_response(s), 64, registry());
  ASSERT_EQ(packets.size(), 3u);
  EXPECT_EQ(to_hex(packets[0]), to_hex(s[24].smbus));
  EXPECT_EQ(to_hex(packets[1]), to_hex(s[27].smbus));
  EXPECT_EQ(to_hex(packets[2]), to_hex(s[28].smbus));
  // Each rebuilt frame decodes with a good PEC and no diagnostic but the PLDM type nobody decodes.
  for (const Bytes& p : packets) {
    Frame f = decode(p, "testbus", registry());
    for (const Diagnostic& d : f.diagnostics) EXPECT_EQ(d.kind, DiagKind::UnknownType) << describe(d);
  }
}

TEST(Fragment, DecodedBindingValuesAreRecomputedPerPacket) {
  // A decoded single frame (its byte count and PEC belong to it) fragmented again.
  std::vector<Sample> s = samples();
  Frame whole = decode(fragment_bytes(fru_response(s), 200, registry()).at(0), "testbus", registry());
  ASSERT_EQ(whole.layers.size(), 3u);
  std::vector<Bytes> packets = fragment_bytes(whole, 64, registry());
  ASSERT_EQ(packets.size(), 3u);
  EXPECT_EQ(to_hex(packets[0]), to_hex(s[24].smbus));
  EXPECT_EQ(to_hex(packets[2]), to_hex(s[28].smbus));
}

TEST(Fragment, BindingPecLeftOutStaysOut) {
  std::vector<Sample> s = samples();
  Frame msg = fru_response(s);
  msg.layers[0].set_absent("pec");
  std::vector<Bytes> packets = fragment_bytes(msg, 64, registry());
  ASSERT_EQ(packets.size(), 3u);
  EXPECT_EQ(to_hex(packets[2]), to_hex(ByteView(s[28].smbus).first(s[28].smbus.size() - 1)));
}

TEST(Fragment, OversizedUnitFailsInTheBindingByteCount) {
  // 154 bytes in one SMBus packet needs a byte count of 159: fine; 300 bytes would not fit.
  Bytes big(300, 0x55);
  Frame msg = Layer(kBus, {{"dst", 0x10}, {"src", 0x1D}}) / Layer(kTransport, {{"msg_type", 1}}) /
              Layer(kRawLayer, {{"data", big}});
  EXPECT_THROW(fragment_bytes(msg, 400, registry()), std::invalid_argument);
  EXPECT_EQ(fragment_bytes(msg, 250, registry()).size(), 2u);
}

}  // namespace
}  // namespace mctpkit::mctp
