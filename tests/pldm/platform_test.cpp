// PLDM platform (type 2) commands: hand-written vectors from the protocol reference (6.7), craft
// and build, round trips, truncation and bit flips.

#include <gtest/gtest.h>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/pldm/platform.hpp"
#include "base_support.hpp"

namespace mctpkit::pldm {
namespace {

using namespace test_support;

std::string last_summary(const Frame& f) {
  std::string s = summary(f);
  return s.substr(s.rfind(" / ") + 3);
}

// ---- GetSensorReading ---------------------------------------------------------------------------

TEST(PldmPlatform, GetSensorReadingRequest) {
  std::string text = req("81 02 11 34 12 01");
  Frame f = decode_hex(text);
  EXPECT_EQ(summary(f), "MCTP 0:0 (0A <-- 08) (S:E:TO) PLDM / PLDM REQ (inst_id=0x01, type=0x02, cmd=0x11) / "
                        "GetSensorReading (sensorID=0x1234, rearmEventState=0x01)");
  check_damage(hex(text));
  Frame crafted = transport(true) / header(true, 1) /
                  body("pldm.get_sensor_reading_req", {{"sensor_id", 0x1234}, {"rearm_event_state", 1}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(text)));
}

// The summary prints the reading as the hex of its bytes, 2, 4 or 8 digits by data size (signed
// sizes as their two's complement), and the previous and event states as they are; the tree
// and JSON show signed readings as signed numbers.
TEST(PldmPlatform, GetSensorReadingEveryReadingWidth) {
  struct Case {
    std::string body;
    std::string_view field;
    std::uint64_t bits;
    std::string_view value;  // as the tree and JSON show it
    std::string_view reading;  // as the summary shows it
  };
  const Case cases[] = {
      {"00 00 02 01 03 09 7F", "present_reading_8", 0x7F, "127", "0x7F"},
      {"00 00 02 01 03 09 05", "present_reading_8", 0x05, "5", "0x05"},
      {"01 00 02 01 03 09 F6", "present_reading_8", 0xF6, "-10", "0xF6"},
      {"02 00 02 01 03 09 CC 04", "present_reading_16", 0x04CC, "1228", "0x04CC"},
      {"03 00 02 01 03 09 FE FF", "present_reading_16", 0xFFFE, "-2", "0xFFFE"},
      {"04 00 02 01 03 09 05 00 00 00", "present_reading_32", 0x5, "5", "0x00000005"},
      {"04 00 02 01 03 09 78 56 34 12", "present_reading_32", 0x12345678, "305419896", "0x12345678"},
      {"05 00 02 01 03 09 00 00 00 80", "present_reading_32", 0x80000000, "-2147483648", "0x80000000"},
  };
  for (const Case& c : cases) {
    std::string text = rsp("01 02 11 00 " + c.body);
    Frame f = decode_hex(text);
    const Layer& l = layer(f, "pldm.get_sensor_reading_rsp");
    EXPECT_EQ(l.num(c.field), c.bits) << c.body;
    EXPECT_EQ(text_of(l, c.field), c.value) << c.body;
    EXPECT_TRUE(f.diagnostics.empty()) << c.body;
    EXPECT_EQ(last_summary(f), "GetSensorReading (sensorDataSize=" + c.body.substr(1, 1) +
                                   ", opState=0x00, eventMsgEnabled=0x02, presentState=1, previousState=3, "
                                   "eventState=9, presentReading=" + std::string(c.reading) + ")")
        << c.body;
    check_damage(hex(text));
  }
  Frame f = decode_hex(rsp("01 02 11 00 05 01 00 08 02 09 00 00 00 80"));
  const Layer& l = layer(f, "pldm.get_sensor_reading_rsp");
  EXPECT_EQ(text_of(l, "previous_state"), "warning");
  EXPECT_EQ(text_of(l, "event_state"), "upper_critical");
  EXPECT_EQ(text_of(l, "op_state"), "disabled");
  EXPECT_EQ(last_summary(f), "GetSensorReading (sensorDataSize=5, opState=0x01, eventMsgEnabled=0x00, presentState=8, "
                             "previousState=2, eventState=9, presentReading=0x80000000)");

  Frame crafted = transport(false) / header(false, 1) /
                  body("pldm.get_sensor_reading_rsp",
                       {{"sensor_data_size", "uint16"}, {"present_state", "normal"}, {"present_reading_16", 0x1234}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(rsp("01 02 11 00 02 00 00 01 00 00 34 12"))));
}

// ---- State sensors and effecters ----------------------------------------------------------------

TEST(PldmPlatform, GetStateSensorReadings) {
  std::string request = req("81 02 21 05 00 01 00");
  Frame q = decode_hex(request);
  EXPECT_EQ(layer(q, "pldm.get_state_sensor_readings_req").num("sensor_rearm"), 1u);
  check_damage(hex(request));
  EXPECT_EQ(problems(decode_hex(req("81 02 21 05 00 01 80"))), std::vector<DiagKind>{DiagKind::Reserved});

  std::string response = rsp("01 02 21 00 02 00 01 02 01 01 00 00 00");
  Frame r = decode_hex(response);
  const Layer& l = layer(r, "pldm.get_state_sensor_readings_rsp");
  ASSERT_EQ(l.items("sensors").size(), 2u);
  EXPECT_EQ(l.items("sensors")[0].num("previous_state"), 2u);
  EXPECT_EQ(l.items("sensors")[1].num("op_state"), 1u);
  check_damage(hex(response));
  Fields s1(*l.defs()[1].element, {{"present_state", 1}, {"previous_state", 2}, {"event_state", 1}});
  Fields s2(*l.defs()[1].element, {{"op_state", "disabled"}});
  Frame crafted = transport(false) / header(false, 1) /
                  body("pldm.get_state_sensor_readings_rsp", {{"sensors", std::vector<Fields>{s1, s2}}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(response)));
}

TEST(PldmPlatform, NumericEffecterValues) {
  std::string set = req("81 02 31 07 00 05 00 00 00 80");
  Frame s = decode_hex(set);
  const Layer& l = layer(s, "pldm.set_numeric_effecter_value_req");
  EXPECT_EQ(text_of(l, "effecter_data_size"), "sint32");
  EXPECT_EQ(l.num("effecter_value_32"), 0x80000000u);
  EXPECT_FALSE(l.get("effecter_value_8").has_value());
  check_damage(hex(set));
  expect_round_trip(req("81 02 31 07 00 00 2A"));
  expect_round_trip(rsp("01 02 31 00"));

  std::string get = rsp("01 02 32 00 02 01 10 00 20 00");
  Frame g = decode_hex(get);
  const Layer& v = layer(g, "pldm.get_numeric_effecter_value_rsp");
  EXPECT_EQ(text_of(v, "op_state"), "enabled_no_update_pending");
  EXPECT_EQ(v.num("pending_value_16"), 0x10u);
  EXPECT_EQ(v.num("present_value_16"), 0x20u);
  check_damage(hex(get));
  expect_round_trip(req("81 02 32 07 00"));
}

TEST(PldmPlatform, StateEffecterStates) {
  std::string set = req("81 02 39 0A 00 02 01 02 00 00");
  Frame s = decode_hex(set);
  const Layer& l = layer(s, "pldm.set_state_effecter_states_req");
  ASSERT_EQ(l.items("effecters").size(), 2u);
  EXPECT_EQ(text_of(l.items("effecters")[0], "set_request"), "request_set");
  EXPECT_EQ(l.items("effecters")[0].num("effecter_state"), 2u);
  check_damage(hex(set));
  Fields e1(*l.defs()[2].element, {{"effecter_state", 2}});
  Fields e2(*l.defs()[2].element, {{"set_request", "no_change"}});
  Frame crafted = transport(true) / header(true, 1) /
                  body("pldm.set_state_effecter_states_req", {{"effecter_id", 0x0A}, {"effecters", std::vector<Fields>{e1, e2}}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(set)));

  std::string get = rsp("01 02 3A 00 01 01 03 03");
  Frame g = decode_hex(get);
  const Layer& r = layer(g, "pldm.get_state_effecter_states_rsp");
  ASSERT_EQ(r.items("effecters").size(), 1u);
  EXPECT_EQ(r.items("effecters")[0].num("present_state"), 3u);
  check_damage(hex(get));
}

// ---- Discovery, event receiver, repository ------------------------------------------------------

TEST(PldmPlatform, TerminusUidAndBufferSize) {
  std::string uid = rsp("01 02 03 00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF");
  Frame u = decode_hex(uid);
  EXPECT_EQ(text_of(layer(u, "pldm.get_terminus_uid_rsp"), "uid"), "00112233-4455-6677-8899-aabbccddeeff");
  check_damage(hex(uid));
  EXPECT_EQ(decode_hex(req("81 02 03")).layers.size(), 2u);

  Frame b = decode_hex(req("81 02 0D 00 01"));
  EXPECT_EQ(layer(b, "pldm.event_message_buffer_size_req").num("receiver_max_buffer_size"), 256u);
  expect_round_trip(rsp("01 02 0D 00 00 02"));
}

TEST(PldmPlatform, SetEventReceiver) {
  Frame mctp_only = decode_hex(req("81 02 04 02 00 08"));
  const Layer& a = layer(mctp_only, "pldm.set_event_receiver_req");
  EXPECT_EQ(text_of(a, "global_enable"), "enable_polling");
  EXPECT_EQ(a.num("receiver_eid"), 8u);
  EXPECT_FALSE(a.get("heartbeat_timer").has_value());
  check_damage(hex(req("81 02 04 02 00 08")));

  std::string keep_alive = req("81 02 04 03 00 08 3C 00");
  Frame k = decode_hex(keep_alive);
  EXPECT_EQ(layer(k, "pldm.set_event_receiver_req").num("heartbeat_timer"), 60u);
  check_damage(hex(keep_alive));
  Frame crafted = transport(true) / header(true, 1) /
                  body("pldm.set_event_receiver_req",
                       {{"global_enable", "enable_async_keep_alive"}, {"receiver_eid", 8}, {"heartbeat_timer", 60}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(keep_alive)));

  Frame other = decode_hex(req("81 02 04 03 01 AA BB 3C 00"));
  const Layer& o = layer(other, "pldm.set_event_receiver_req");
  EXPECT_EQ(o.bytes("address"), hex("AA BB"));
  EXPECT_EQ(o.num("heartbeat_timer"), 60u);
  EXPECT_TRUE(other.diagnostics.empty());

  Frame get = decode_hex(rsp("01 02 05 00 00 08"));
  EXPECT_EQ(layer(get, "pldm.get_event_receiver_rsp").num("receiver_eid"), 8u);
  check_damage(hex(rsp("01 02 05 00 00 08")));
}

TEST(PldmPlatform, GetPdrRepositoryInfo) {
  std::string text = rsp("01 02 50 00 01 "
                         "00 00 00 00 00 30 1E 0C 1B 06 E8 07 00 "  // update time
                         "00 00 00 00 00 00 00 00 00 00 00 00 00 "     // OEM update time
                         "05 00 00 00 00 01 00 00 40 00 00 00 1E");
  Frame f = decode_hex(text);
  const Layer& l = layer(f, "pldm.get_pdr_repository_info_rsp");
  EXPECT_EQ(text_of(l, "repository_state"), "update_in_progress");
  EXPECT_EQ(l.num("record_count"), 5u);
  EXPECT_EQ(l.num("repository_size"), 256u);
  EXPECT_EQ(l.num("largest_record_size"), 64u);
  EXPECT_EQ(l.num("transfer_handle_timeout"), 30u);
  EXPECT_TRUE(f.diagnostics.empty());
  check_damage(hex(text));
}

TEST(PldmPlatform, GetPdrRequest) {
  std::string text = req("81 02 51 00 00 00 00 00 00 00 00 01 FF 00 00 00");
  Frame f = decode_hex(text);
  const Layer& l = layer(f, "pldm.get_pdr_req");
  EXPECT_EQ(text_of(l, "transfer_op"), "get_first_part");
  EXPECT_EQ(l.num("request_count"), 255u);
  check_damage(hex(text));
  Frame crafted = transport(true) / header(true, 1) / body("pldm.get_pdr_req", {{"request_count", 255}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(text)));
}

TEST(PldmPlatform, GetPdrResponseDecodesAWholeRecord) {
  // FRU record set PDR: handle 1, version 1, type 20, change 0, length 10, then its five fields.
  std::string pdr = "01 00 00 00 01 14 00 00 0A 00 01 00 02 00 03 00 04 00 05 00";
  std::string text = rsp("01 02 51 00 02 00 00 00 00 00 00 00 05 14 00 " + pdr);
  Frame f = decode_hex(text);
  EXPECT_EQ(summary(f), "MCTP 0:0 (08 <-- 0A) (S:E) PLDM / PLDM RSP (inst_id=0x01, type=0x02, cmd=0x51, cc=0) / "
                        "GetPDR (next_record_handle: 2, next_transfer_handle: 0, transfer_flag: start_and_end, "
                        "response_count: 20) / "
                        "PDR (record_handle: 1, header_version: 1, pdr_type: fru_record_set, record_change_number: 0, "
                        "data_length: 10) / "
                        "FRURecordSetPDR (terminus_handle: 1, fru_rsi: 2, entity_type: 3, entity_instance: 4, "
                        "container_id: 5)");
  EXPECT_TRUE(f.diagnostics.empty());
  check_damage(hex(text));

  // Built with the counts and lengths left to derive.
  Frame crafted = transport(false) / header(false, 1) / body("pldm.get_pdr_rsp", {{"next_record_handle", 2}}) /
                  body("pldm.pdr", {{"record_handle", 1}}) /
                  body("pldm.pdr.fru_record_set", {{"terminus_handle", 1}, {"fru_rsi", 2}, {"entity_type", 3},
                                                   {"entity_instance", 4}, {"container_id", 5}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(text)));
}

TEST(PldmPlatform, GetPdrPartsStayRaw) {
  // A middle part is bytes; an end part carries the transfer CRC after them.
  Frame middle = decode_hex(rsp("01 02 51 00 00 00 00 00 07 00 00 00 01 03 00 AA BB CC"));
  ASSERT_EQ(middle.layers.size(), 4u);
  EXPECT_TRUE(middle.layers[3].is(kRawLayer));
  EXPECT_TRUE(middle.diagnostics.empty());
  std::string end = rsp("01 02 51 00 00 00 00 00 00 00 00 00 04 03 00 AA BB CC 5A");
  Frame e = decode_hex(end);
  EXPECT_EQ(layer(e, "pldm.get_pdr_rsp").num("transfer_crc"), 0x5Au);
  EXPECT_EQ(to_hex(e.layers[3].bytes("data")), "AA BB CC");
  EXPECT_TRUE(e.diagnostics.empty());
  EXPECT_EQ(to_hex(e.build(registry())), to_hex(hex(end)));
  check_damage(hex(end));
}

TEST(PldmPlatform, CommandsWithoutLayoutsAreNamed) {
  std::string text = req("81 02 12 01 00");
  Frame f = decode_hex(text);
  const Layer& l = layer(f, "pldm.get_sensor_thresholds_req");
  EXPECT_EQ(l.bytes("data"), hex("01 00"));
  EXPECT_EQ(last_summary(f), "GetSensorThresholds (data: 01 00)");
  expect_round_trip(text);
  const std::uint8_t codes[] = {0x10, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x20, 0x22, 0x30, 0x38,
                                0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x52, 0x53, 0x58};
  for (std::uint8_t code : codes) {
    for (unsigned rq : {0u, 1u}) {
      EXPECT_NE(registry().lookup(kCommandTable, Key{kPlatform, code, rq}), nullptr) << int(code) << " " << rq;
    }
  }
}

TEST(PldmPlatform, CompletionCodeNames) {
  EXPECT_EQ(platform_completion_code_name(kGetPdr, 0x82), "invalid_record_handle");
  EXPECT_EQ(platform_completion_code_name(kGetSensorReading, 0x80), "invalid_sensor_id");
  EXPECT_EQ(platform_completion_code_name(kSetStateEffecterStates, 0x81), "invalid_state_value");
  EXPECT_EQ(platform_completion_code_name(kSetEventReceiver, 0x82), "heartbeat_frequency_too_high");
  EXPECT_EQ(platform_completion_code_name(kGetSensorReading, 0x03), "error_invalid_length");
  EXPECT_EQ(platform_completion_code_name(kGetTerminusUid, 0x80), "");
}

}  // namespace
}  // namespace mctpkit::pldm
