// PLDM platform event messages: PlatformEventMessage and its event data layers,
// PollForPlatformEventMessage, EventMessageSupported (protocol reference 6.7).

#include <gtest/gtest.h>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/pldm/platform.hpp"
#include "base_support.hpp"

namespace mctpkit::pldm {
namespace {

using namespace test_support;

constexpr std::string_view kEventHeader = "MCTP 0:0 (0A <-- 08) (S:E:TO) PLDM / PLDM REQ (inst_id=0x01, type=0x02, cmd=0x0A)";
// Bytes up to and including the PlatformEventMessage fields: 5 MCTP, 3 PLDM, 3 event.
constexpr std::size_t kEventFieldsEnd = 11;

// DSP0248: every event class carries event data; a message that ends after the class is cut
// short (Wireshark calls it malformed).
TEST(PldmEvents, MessageWithoutEventDataIsTruncated) {
  Frame f = decode_hex("01 43 1d c6 01 9b 02 0a 01 d0 00");
  EXPECT_EQ(summary(f),
            "MCTP 0:6 (43 <-- 1D) (S:E) PLDM / PLDM REQ (inst_id=0x1B, type=0x02, cmd=0x0A) / "
            "PlatformEventMsg (ver=1, tid=208, eventClass=0x00)");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(describe(f.diagnostics[0]),
            "error truncated at byte 11 in pldm.platform_event_message_req: the message ends before its event data");
}

TEST(PldmEvents, SensorEventClasses) {
  struct Case {
    std::string data;
    std::string_view summary;
    std::initializer_list<std::size_t> complete_at = {};
  };
  const Case cases[] = {
      {"34 12 00 00 01",
       "SensorEvent (sensor_id: 0x1234, sensor_event_class: sensor_op_state, present_op_state: enabled, "
       "previous_op_state: disabled)"},
      {"34 12 01 02 03 01",
       "SensorEvent (sensor_id: 0x1234, sensor_event_class: state_sensor_state, sensor_offset: 2, state: 3, "
       "previous_state: 1)"},
      {"34 12 02 02 01 02 10 00",
       "SensorEvent (sensor_id: 0x1234, sensor_event_class: numeric_sensor_state, event_state: warning, "
       "previous_event_state: normal, sensor_data_size: uint16, present_reading_16: 16)"},
      {"34 12 02 03 01 05 00 00 00 80",
       "SensorEvent (sensor_id: 0x1234, sensor_event_class: numeric_sensor_state, event_state: critical, "
       "previous_event_state: normal, sensor_data_size: sint32, present_reading_32: -2147483648)"},
      // Data of an unknown class runs to the end: any prefix of it is complete.
      {"34 12 07 AA BB", "SensorEvent (sensor_id: 0x1234, sensor_event_class: 7, class_data: AA BB)",
       {kEventFieldsEnd + 3, kEventFieldsEnd + 4}},
  };
  for (const Case& c : cases) {
    std::string text = req("81 02 0A 01 05 00 " + c.data);
    Frame f = decode_hex(text);
    EXPECT_EQ(summary(f), std::string(kEventHeader) + " / PlatformEventMsg (ver=1, tid=5, eventClass=0x00) / " +
                              std::string(c.summary));
    EXPECT_TRUE(f.diagnostics.empty()) << c.data;
    check_damage(hex(text), c.complete_at);
    expect_round_trip(text);
  }
  // Built with the event class left to come from the event layer.
  Frame crafted = transport(true) / header(true, 1) / body("pldm.platform_event_message_req", {{"tid", 5}}) /
                  body("pldm.sensor_event", {{"sensor_id", 0x1234}, {"sensor_event_class", "state_sensor_state"},
                                             {"sensor_offset", 2}, {"state", 3}, {"previous_state", 1}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(req("81 02 0A 01 05 00 34 12 01 02 03 01"))));
}

TEST(PldmEvents, EffecterHeartbeatAndCperEvents) {
  Frame e = decode_hex(req("81 02 0A 01 05 01 07 00 00 01 03"));
  const Layer& eff = layer(e, "pldm.effecter_event");
  EXPECT_EQ(text_of(eff, "present_op_state"), "enabled_no_update_pending");
  EXPECT_EQ(text_of(eff, "previous_op_state"), "unavailable");
  check_damage(hex(req("81 02 0A 01 05 01 07 00 00 01 03")));

  Frame h = decode_hex(req("81 02 0A 01 05 06 01 2A"));
  EXPECT_EQ(layer(h, "pldm.heartbeat_event").num("sequence_number"), 42u);
  check_damage(hex(req("81 02 0A 01 05 06 01 2A")));

  std::string cper = req("81 02 0A 01 05 07 01 01 03 00 AA BB CC");
  Frame c = decode_hex(cper);
  EXPECT_EQ(layer(c, "pldm.cper_event").bytes("cper_data"), hex("AA BB CC"));
  EXPECT_TRUE(c.diagnostics.empty());
  check_damage(hex(cper));
}

TEST(PldmEvents, MessagePollEvent) {
  std::string text = req("81 02 0A 01 05 05 01 22 11 44 33 22 11");
  Frame f = decode_hex(text);
  EXPECT_EQ(summary(f), std::string(kEventHeader) + " / PlatformEventMsg (ver=1, tid=5, eventClass=0x05) / "
                                                     "MsgPollEventData (fmtVer=1, eventID=4386, DataTransferHandle=287454020)");
  check_damage(hex(text));
  // PyMCTP shows the fields a short event data lacks as 0 (golden vector 0:1 of pymctp-pldm).
  Frame short_data = decode_hex(req("81 02 0A 01 05 05 AF"));
  EXPECT_EQ(summary(short_data).substr(summary(short_data).rfind(" / ") + 3),
            "MsgPollEventData (fmtVer=175, eventID=0, DataTransferHandle=0)");
  EXPECT_EQ(problems(short_data), std::vector<DiagKind>{DiagKind::Truncated});
  Frame crafted = transport(true) / header(true, 1) / body("pldm.platform_event_message_req", {{"tid", 5}}) /
                  body("pldm.message_poll_event", {{"event_id", 0x1122}, {"data_transfer_handle", 0x11223344}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(text)));
}

TEST(PldmEvents, PdrRepositoryChangeEvent) {
  // Handles format, one "records added" record with handles 1 and 5.
  std::string text = req("81 02 0A 01 05 04 02 01 02 02 01 00 00 00 05 00 00 00");
  Frame f = decode_hex(text);
  const Layer& l = layer(f, "pldm.pdr_repository_change_event");
  EXPECT_EQ(text_of(l, "event_data_format"), "format_is_pdr_handles");
  ASSERT_EQ(l.items("records").size(), 1u);
  const Fields& record = l.items("records")[0];
  EXPECT_EQ(text_of(record, "operation"), "records_added");
  ASSERT_EQ(record.items("entries").size(), 2u);
  EXPECT_EQ(record.items("entries")[1].num("entry"), 5u);
  EXPECT_TRUE(f.diagnostics.empty());
  check_damage(hex(text));
  expect_round_trip(text);
}

TEST(PldmEvents, PlatformEventMessageResponse) {
  std::string text = rsp("01 02 0A 00 03");
  Frame f = decode_hex(text);
  EXPECT_EQ(summary(f).substr(summary(f).rfind(" / ") + 3), "PlatformEventMsg (status=3)");
  EXPECT_EQ(text_of(layer(f, "pldm.platform_event_message_rsp"), "status"), "accepted_for_logging");
  check_damage(hex(text));
}

TEST(PldmEvents, PollForPlatformEventMessage) {
  std::string request = req("81 02 0B 01 01 00 00 00 00 00 00");
  Frame q = decode_hex(request);
  EXPECT_EQ(text_of(layer(q, "pldm.poll_for_platform_event_message_req"), "transfer_op"), "get_first_part");
  check_damage(hex(request));

  // No event pending: the response ends after the event ID.
  std::string none = rsp("01 02 0B 00 05 00 00");
  Frame n = decode_hex(none);
  EXPECT_TRUE(n.diagnostics.empty());
  EXPECT_FALSE(layer(n, "pldm.poll_for_platform_event_message_rsp").get("transfer_flag").has_value());
  check_damage(hex(none));

  // A whole message-poll event with its CRC-32 (0xD3A63CB4 over 01 22 11 44 33 22 11, Python zlib).
  std::string whole = rsp("01 02 0B 00 05 22 11 00 00 00 00 05 05 07 00 00 00 01 22 11 44 33 22 11 B4 3C A6 D3");
  Frame w = decode_hex(whole);
  EXPECT_TRUE(w.diagnostics.empty());
  EXPECT_EQ(summary(w).substr(summary(w).rfind(" / ") + 3),
            "MsgPollEventData (fmtVer=1, eventID=4386, DataTransferHandle=287454020)");
  // A CRC cut short after a length-given payload leaves the layer incomplete but reports nothing
  // (core: the trailer's Truncated is only reported when the payload ran to the end).
  check_damage(hex(whole));
  Frame bad = decode_hex(rsp("01 02 0B 00 05 22 11 00 00 00 00 05 05 07 00 00 00 01 22 11 44 33 22 11 B4 3C A6 D4"));
  EXPECT_EQ(problems(bad), std::vector<DiagKind>{DiagKind::BadChecksum});

  Frame crafted = transport(false) / header(false, 1) / body("pldm.poll_for_platform_event_message_rsp",
                                                             {{"tid", 5}, {"event_id", 0x1122}}) /
                  body("pldm.message_poll_event", {{"event_id", 0x1122}, {"data_transfer_handle", 0x11223344}});
  EXPECT_EQ(to_hex(crafted.build(registry())), to_hex(hex(whole)));

  // The last part of a longer event: its CRC covers earlier parts too, so it is kept as sent.
  std::string last = rsp("01 02 0B 00 05 22 11 00 00 00 00 04 00 02 00 00 00 AA BB 01 02 03 04");
  Frame l = decode_hex(last);
  EXPECT_TRUE(l.diagnostics.empty());
  EXPECT_TRUE(l.layers.back().is(kRawLayer));
  EXPECT_EQ(layer(l, "pldm.poll_for_platform_event_message_rsp").num("event_data_crc"), 0x04030201u);
  EXPECT_EQ(to_hex(l.build(registry())), to_hex(hex(last)));
}

TEST(PldmEvents, EventMessageSupported) {
  expect_round_trip(req("81 02 0C 01"));
  std::string text = rsp("01 02 0C 00 02 06 03 00 04 05");
  Frame f = decode_hex(text);
  const Layer& l = layer(f, "pldm.event_message_supported_rsp");
  EXPECT_EQ(text_of(l, "synchrony_configuration"), "enable_polling");
  ASSERT_EQ(l.items("event_classes").size(), 3u);
  EXPECT_EQ(text_of(l.items("event_classes")[2], "event_class"), "message_poll");
  check_damage(hex(text));
}

}  // namespace
}  // namespace mctpkit::pldm
