// An emulated PLDM terminus: base discovery (DSP0240), platform monitoring and control with the
// PDR repository (DSP0248) and FRU data (DSP0257). Expected bytes are written from the layouts
// of the protocol reference, sections 6.4 to 6.8; all PLDM fields are little-endian.

#include <thread>
#include <tuple>

#include "endpoint_test_support.hpp"
#include "mctpkit/core/crc.hpp"
#include "mctpkit/output/output.hpp"
#include "mctpkit/pldm/pdr.hpp"

using namespace mctpkit;
using namespace mctpkit::endpoint;
using namespace mctpkit::endpoint::test;

namespace {

constexpr const char* kTerminus = R"({
  "static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00", "message_types": ["control", "pldm"],
  "pldm": {
    "tid": 1,
    "numeric_sensors": [{"id": 1, "entity_type": 64, "data_size": "sint16", "base_unit": 2, "value": -5}],
    "state_sensors": [{"id": 2, "entity_type": 64, "state_set": 1, "possible_states": [1, 2, 3], "state": 2}],
    "numeric_effecters": [{"id": 3, "entity_type": 120, "data_size": "uint8", "min": 0, "max": 100, "value": 50}],
    "state_effecters": [{"id": 4, "entity_type": 120, "state_set": 196, "possible_states": [1, 2], "state": 1}],
    "entity_associations": [{"container_id": 1, "container": {"entity_type": 45},
                             "contained": [{"entity_type": 64, "container_id": 1},
                                           {"entity_type": 120, "container_id": 1}]}],
    "fru_record_sets": [{"id": 1, "entity_type": 45}],
    "fru_records": [{"record_set": 1, "fields": [{"type": "model", "value": "X1"},
                                                 {"type": "serial_number", "value": "SN42"}]}]}})";

// The first record: the terminus locator (handle 1, type 1, 9 data bytes: terminus handle 1,
// valid, TID 1, container 0, locator type MCTP EID, 1 byte, EID 9).
constexpr const char* kLocatorRecord = "01 00 00 00 01 01 00 00 09 00 01 00 01 01 00 00 01 01 09";

}  // namespace

TEST(EndpointPldm, TerminusId) {
  Responder r(parse_config(kTerminus), "mctp");
  expect_reply(r, "01 09 0A C8 01 81 00 02", "01 0A 09 C0 01 01 00 02 00 01");
  expect_reply(r, "01 09 0A C8 01 82 00 01 05", "01 0A 09 C0 01 02 00 01 00");
  expect_reply(r, "01 09 0A C8 01 83 00 02", "01 0A 09 C0 01 03 00 02 00 05");
  expect_reply(r, "01 09 0A C8 01 84 00 01 FF", "01 0A 09 C0 01 04 00 01 02");  // TID 0xFF is reserved
}

TEST(EndpointPldm, VersionTypesAndCommands) {
  Responder r(parse_config(kTerminus), "mctp");
  // Base 1.1.0 (ver32 F1F1F000, little-endian on the wire) and the CRC-32 of its bytes.
  expect_reply(r, "01 09 0A C8 01 81 00 03 00 00 00 00 01 00",
               "01 0A 09 C0 01 01 00 03 00 00 00 00 00 05 00 F0 F1 F1 BA BE 9D 53");
  expect_reply(r, "01 09 0A C8 01 81 00 03 00 00 00 00 01 03", "01 0A 09 C0 01 01 00 03 83");  // BIOS: not served
  expect_reply(r, "01 09 0A C8 01 81 00 03 00 00 00 00 02 00", "01 0A 09 C0 01 01 00 03 81");  // bad operation
  // Base, platform and FRU.
  expect_reply(r, "01 09 0A C8 01 82 00 04", "01 0A 09 C0 01 02 00 04 00 15 00 00 00 00 00 00 00");
  // Base commands 1 to 5; platform 04 05 11 21 31 32 39 3A 50 51.
  std::string zeros;
  for (int i = 0; i < 21; ++i) zeros += " 00";
  expect_reply(r, "01 09 0A C8 01 83 00 05 00 00 F0 F1 F1",
               "01 0A 09 C0 01 03 00 05 00 3E 00 00 00 00 00 00 00 00 00 00" + zeros);
  expect_reply(r, "01 09 0A C8 01 83 00 05 02 00 F0 F2 F1",
               "01 0A 09 C0 01 03 00 05 00 30 00 02 00 02 00 06 06 00 00 03" + zeros);
  expect_reply(r, "01 09 0A C8 01 84 00 05 02 00 F0 F1 F1", "01 0A 09 C0 01 04 00 05 84");  // wrong version
  expect_reply(r, "01 09 0A C8 01 84 00 05 03 00 F0 F1 F1", "01 0A 09 C0 01 04 00 05 83");  // type not served
}

TEST(EndpointPldm, UnsupportedCommandsAndTypes) {
  Responder r(parse_config(kTerminus), "mctp");
  expect_reply(r, "01 09 0A C8 01 85 00 06 00 00 F0 F1 F1", "01 0A 09 C0 01 05 00 06 05");  // SelectPLDMVersion
  expect_reply(r, "01 09 0A C8 01 85 02 0A 01 01 00", "01 0A 09 C0 01 05 02 0A 05");  // PlatformEventMessage
  expect_reply(r, "01 09 0A C8 01 86 03 01", "01 0A 09 C0 01 06 03 01 20");           // BIOS type
  expect_reply(r, "01 09 0A C8 01 87 02 11 01", "01 0A 09 C0 01 07 02 11 03");        // sensor ID cut short
  expect_reply(r, "01 09 0A C8 01 07 00 02", "");                                     // a response: ignored
  // Without a model, a PLDM endpoint still answers base discovery, and FRU is not served.
  Responder plain(parse_config(kSmallest), "mctp");
  expect_reply(plain, "01 09 0A C8 01 81 00 04", "01 0A 09 C0 01 01 00 04 00 05 00 00 00 00 00 00 00");
  expect_reply(plain, "01 09 0A C8 01 81 04 01", "01 0A 09 C0 01 01 04 01 20");
}

TEST(EndpointPldm, SensorReadings) {
  Responder r(parse_config(kTerminus), "mctp");
  // sint16 -5 = FB FF; enabled, no event generation, normal.
  expect_reply(r, "01 09 0A C8 01 81 02 11 01 00 00", "01 0A 09 C0 01 01 02 11 00 03 00 00 01 01 01 FB FF");
  expect_reply(r, "01 09 0A C8 01 81 02 11 09 00 00", "01 0A 09 C0 01 01 02 11 80");
  expect_reply(r, "01 09 0A C8 01 82 02 21 02 00 00 00", "01 0A 09 C0 01 02 02 21 00 01 00 02 02 02");
  expect_reply(r, "01 09 0A C8 01 82 02 21 01 00 00 00", "01 0A 09 C0 01 02 02 21 80");  // numeric, not state
}

TEST(EndpointPldm, SensorReadingsChangeOverTime) {
  Responder r(parse_config(R"({"static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00",
      "message_types": ["pldm"], "pldm": {
        "numeric_sensors": [{"id": 1, "values": [10, 20, 30], "period_ms": 1000},
                            {"id": 5, "data_size": "sint16", "ramp": {"from": 2, "to": -4, "step": 3},
                             "period_ms": 1000}],
        "state_sensors": [{"id": 2, "state_set": 1, "possible_states": [1, 2, 3], "states": [1, 3],
                           "period_ms": 500}]}})"),
              "mctp");
  std::chrono::steady_clock::time_point now{};
  r.set_clock([&] { return now; });
  auto at = [&](int ms, std::string_view request, std::string_view reply) {
    now = std::chrono::steady_clock::time_point{} + std::chrono::milliseconds(ms);
    expect_reply(r, request, reply);
  };
  // Listed values: one step a second, back to the first after the last.
  const char* values = "01 09 0A C8 01 81 02 11 01 00 00";
  at(0, values, "01 0A 09 C0 01 01 02 11 00 00 00 00 01 01 01 0A");
  at(999, values, "01 0A 09 C0 01 01 02 11 00 00 00 00 01 01 01 0A");
  at(1000, values, "01 0A 09 C0 01 01 02 11 00 00 00 00 01 01 01 14");
  at(2500, values, "01 0A 09 C0 01 01 02 11 00 00 00 00 01 01 01 1E");
  at(3000, values, "01 0A 09 C0 01 01 02 11 00 00 00 00 01 01 01 0A");
  // The ramp 2, -1, -4 (sint16, FFFF = -1, FCFF = -4), then 2 again.
  const char* ramp = "01 09 0A C8 01 82 02 11 05 00 00";
  at(0, ramp, "01 0A 09 C0 01 02 02 11 00 03 00 00 01 01 01 02 00");
  at(1000, ramp, "01 0A 09 C0 01 02 02 11 00 03 00 00 01 01 01 FF FF");
  at(2000, ramp, "01 0A 09 C0 01 02 02 11 00 03 00 00 01 01 01 FC FF");
  at(3000, ramp, "01 0A 09 C0 01 02 02 11 00 03 00 00 01 01 01 02 00");
  // States every 500 ms; the previous state is the one of the step before (none before the first).
  const char* states = "01 09 0A C8 01 83 02 21 02 00 00 00";
  at(0, states, "01 0A 09 C0 01 03 02 21 00 01 00 01 01 01");
  at(500, states, "01 0A 09 C0 01 03 02 21 00 01 00 03 01 03");
  at(1200, states, "01 0A 09 C0 01 03 02 21 00 01 00 01 03 01");
}

TEST(EndpointPldm, EffectersChangeTheModel) {
  Responder r(parse_config(kTerminus), "mctp");
  expect_reply(r, "01 09 0A C8 01 81 02 32 03 00", "01 0A 09 C0 01 01 02 32 00 00 01 32 32");
  expect_reply(r, "01 09 0A C8 01 82 02 31 03 00 00 4B", "01 0A 09 C0 01 02 02 31 00");
  expect_reply(r, "01 09 0A C8 01 83 02 32 03 00", "01 0A 09 C0 01 03 02 32 00 00 01 4B 4B");
  EXPECT_EQ(r.endpoint(0).pldm->numeric_effecters[0].value, 75);
  expect_reply(r, "01 09 0A C8 01 84 02 31 03 00 00 65", "01 0A 09 C0 01 04 02 31 02");  // 101 > max
  expect_reply(r, "01 09 0A C8 01 84 02 31 03 00 02 10 00", "01 0A 09 C0 01 04 02 31 02");  // wrong size
  expect_reply(r, "01 09 0A C8 01 84 02 31 07 00 00 10", "01 0A 09 C0 01 04 02 31 80");  // no such effecter

  expect_reply(r, "01 09 0A C8 01 85 02 3A 04 00", "01 0A 09 C0 01 05 02 3A 00 01 01 01 01");
  expect_reply(r, "01 09 0A C8 01 86 02 39 04 00 01 01 02", "01 0A 09 C0 01 06 02 39 00");
  expect_reply(r, "01 09 0A C8 01 87 02 3A 04 00", "01 0A 09 C0 01 07 02 3A 00 01 01 02 02");
  expect_reply(r, "01 09 0A C8 01 88 02 39 04 00 01 01 03", "01 0A 09 C0 01 08 02 39 82");  // not a possible state
  expect_reply(r, "01 09 0A C8 01 88 02 39 04 00 02 01 01 01 02", "01 0A 09 C0 01 08 02 39 02");  // composite 2
}

TEST(EndpointPldm, EventReceiver) {
  Responder r(parse_config(kTerminus), "mctp");
  expect_reply(r, "01 09 0A C8 01 81 02 04 01 00 08", "01 0A 09 C0 01 01 02 04 00");
  expect_reply(r, "01 09 0A C8 01 82 02 05", "01 0A 09 C0 01 02 02 05 00 00 08");
  expect_reply(r, "01 09 0A C8 01 83 02 04 04 00 08", "01 0A 09 C0 01 03 02 04 02");
}

TEST(EndpointPldm, GetPdrWholeAndInParts) {
  Responder r(parse_config(kTerminus), "mctp");
  // Handle 0 is the first record; the next is 2.
  expect_reply(r, "01 09 0A C8 01 81 02 51 00 00 00 00 00 00 00 00 01 64 00 00 00",
               std::string("01 0A 09 C0 01 01 02 51 00 02 00 00 00 00 00 00 00 05 13 00 ") + kLocatorRecord);
  // Eight bytes at a time: start, middle, end with the CRC-8 of the whole record.
  expect_reply(r, "01 09 0A C8 01 82 02 51 01 00 00 00 00 00 00 00 01 08 00 00 00",
               "01 0A 09 C0 01 02 02 51 00 02 00 00 00 08 00 00 00 00 08 00 01 00 00 00 01 01 00 00");
  expect_reply(r, "01 09 0A C8 01 83 02 51 01 00 00 00 08 00 00 00 00 08 00 00 00",
               "01 0A 09 C0 01 03 02 51 00 02 00 00 00 10 00 00 00 01 08 00 09 00 01 00 01 01 00 00");
  expect_reply(r, "01 09 0A C8 01 84 02 51 01 00 00 00 10 00 00 00 00 08 00 00 00",
               "01 0A 09 C0 01 04 02 51 00 02 00 00 00 00 00 00 00 04 03 00 01 01 09 AF");
  expect_reply(r, "01 09 0A C8 01 85 02 51 01 00 00 00 13 00 00 00 00 08 00 00 00",
               "01 0A 09 C0 01 05 02 51 80");  // past the end
  expect_reply(r, "01 09 0A C8 01 85 02 51 08 00 00 00 00 00 00 00 01 08 00 00 00",
               "01 0A 09 C0 01 05 02 51 82");  // no record 8
  expect_reply(r, "01 09 0A C8 01 85 02 51 01 00 00 00 00 00 00 00 02 08 00 00 00",
               "01 0A 09 C0 01 05 02 51 81");  // bad transfer operation
}

TEST(EndpointPldm, LongRecordsAreFragmentedAtTheTransmissionUnit) {
  Responder r(parse_config(kTerminus), "mctp");
  // Record 2, the numeric sensor PDR, is longer than one 64-byte packet can carry.
  std::vector<Bytes> frames = ask(r, hex("01 09 0A C8 01 81 02 51 02 00 00 00 00 00 00 00 01 FF 00 00 00"));
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].size(), 4u + 64u);
  EXPECT_EQ(to_hex(ByteView(frames[0]).first(4)), "01 0A 09 80");
  EXPECT_EQ(to_hex(ByteView(frames[1]).first(4)), "01 0A 09 50");
  Frame message = reassembled(frames);
  EXPECT_FALSE(message.has_errors());
  const Layer* pdr = message.find("pldm.pdr.numeric_sensor");
  ASSERT_NE(pdr, nullptr);
  EXPECT_EQ(pdr->num("sensor_id"), 1u);
  EXPECT_EQ(pdr->num("sensor_data_size"), 3u);
  EXPECT_EQ(pdr->num("max_readable_16"), 0x7FFFu);
  EXPECT_EQ(pdr->num("min_readable_16"), 0x8000u);
}

namespace {

// A small PLDM requester: sends one request over `ex` and waits for the whole response.
Frame pldm_request(exerciser::Exerciser& ex, std::uint8_t iid, const Bytes& pldm_body) {
  Bytes packet{0x01, 0x09, 0x0A, 0xC8, 0x01, static_cast<std::uint8_t>(0x80 | iid)};
  packet.insert(packet.end(), pldm_body.begin(), pldm_body.end());
  ex.send(packet);
  mctp::Reassembler reassembler;
  for (int i = 0; i < 100; ++i) {
    auto frame = exerciser::recv(ex, std::chrono::milliseconds(2000));
    if (!frame) break;
    for (mctp::Event& e : reassembler.push(decode(*frame, "mctp"))) {
      if (e.kind == mctp::EventKind::Message) return std::move(e.message);
    }
  }
  ADD_FAILURE() << "no response";
  return Frame{};
}

Bytes le32(std::uint32_t v) { return {std::uint8_t(v), std::uint8_t(v >> 8), std::uint8_t(v >> 16), std::uint8_t(v >> 24)}; }

}  // namespace

TEST(EndpointPldm, RequesterWalksTheWholeRepositoryByMultipartGetPdr) {
  std::unique_ptr<exerciser::Exerciser> requester, responder_side;
  std::tie(requester, responder_side) = exerciser::loopback_pair("mctp", 64);
  Responder responder(parse_config(kTerminus), "mctp");
  std::atomic<bool> stop{false};
  std::thread server([&] {
    ServeOptions options;
    options.stop = &stop;
    options.duration = std::chrono::milliseconds(20000);
    serve(*responder_side, responder, options);
  });

  Frame info = pldm_request(*requester, 0, hex("02 50"));
  const Layer* repo = info.find("pldm.get_pdr_repository_info_rsp");
  ASSERT_NE(repo, nullptr);
  EXPECT_EQ(repo->num("record_count"), 7u);

  std::vector<std::uint64_t> types;
  std::size_t total = 0, largest = 0;
  std::uint32_t handle = 0;
  std::uint8_t iid = 1;
  do {
    Bytes record;
    std::uint32_t transfer = 0;
    bool first = true;
    for (;;) {  // parts of 20 bytes
      Bytes req = hex("02 51");
      for (std::uint8_t b : le32(handle)) req.push_back(b);
      for (std::uint8_t b : le32(transfer)) req.push_back(b);
      req.push_back(first ? 1 : 0);
      req.insert(req.end(), {20, 0, 0, 0});
      Frame rsp = pldm_request(*requester, iid++ & 0x1F, req);
      const Layer* part = rsp.find("pldm.get_pdr_rsp");
      ASSERT_NE(part, nullptr) << output::summary(rsp);
      ASSERT_EQ(rsp.find("pldm")->num("cc"), 0u);
      std::uint64_t flag = part->num("transfer_flag");
      const Layer& data = rsp.layers.back();
      if (data.is(kRawLayer)) {
        record.insert(record.end(), data.bytes("data").begin(), data.bytes("data").end());
      } else {  // a whole record decodes as a PDR: take its bytes from the message
        ByteView m = ByteView(rsp.data).subspan(part->offset + 11, part->num("response_count"));
        record.insert(record.end(), m.begin(), m.end());
      }
      if (flag == 0x04) {
        EXPECT_EQ(part->num("transfer_crc"), crc::crc8_smbus(record));
      }
      if (flag == 0x04 || flag == 0x05) {
        handle = static_cast<std::uint32_t>(part->num("next_record_handle"));
        break;
      }
      transfer = static_cast<std::uint32_t>(part->num("next_transfer_handle"));
      first = false;
    }
    Frame pdr = decode(record, pldm::kPdrHeader, default_registry());
    EXPECT_FALSE(pdr.has_errors()) << output::summary(pdr);
    types.push_back(pdr.layers[0].num("pdr_type"));
    EXPECT_EQ(pdr.layers[0].num("record_handle"), types.size());
    total += record.size();
    largest = std::max(largest, record.size());
  } while (handle != 0 && types.size() < 20);

  EXPECT_EQ(types, (std::vector<std::uint64_t>{1, 2, 4, 9, 11, 15, 20}));
  EXPECT_EQ(repo->num("repository_size"), total);
  EXPECT_EQ(repo->num("largest_record_size"), largest);
  stop = true;
  server.join();
}

TEST(EndpointPldm, FruRecordTable) {
  Responder r(parse_config(kTerminus), "mctp");
  // One general record (set 1, 2 fields, ASCII): model "X1", serial number "SN42"; 15 bytes,
  // one pad byte, CRC-32 of the 16 bytes.
  expect_reply(r, "01 09 0A C8 01 81 04 01",
               "01 0A 09 C0 01 01 04 01 00 01 00 00 00 00 00 0F 00 00 00 01 00 01 00 CA FE E5 5D");
  expect_reply(r, "01 09 0A C8 01 82 04 02 00 00 00 00 01",
               "01 0A 09 C0 01 02 04 02 00 00 00 00 00 05 01 00 01 02 01 02 02 58 31 04 04 53 4E 34 32 00 "
               "CA FE E5 5D");
  expect_reply(r, "01 09 0A C8 01 83 04 02 20 00 00 00 00", "01 0A 09 C0 01 03 04 02 80");  // past the end
  expect_reply(r, "01 09 0A C8 01 83 04 02 00 00 00 00 00", "01 0A 09 C0 01 03 04 02 80");  // next of nothing
}
