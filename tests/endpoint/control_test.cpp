// MCTP control commands answered by an emulated endpoint: exact reply bytes written from the
// DSP0236 layouts (protocol reference 3.4), bare MCTP packets (link "mctp") unless a test is
// about the SMBus binding.

#include <thread>

#include "endpoint_test_support.hpp"
#include "mctpkit/exerciser/exerciser.hpp"
#include "mctpkit/output/output.hpp"

using namespace mctpkit;
using namespace mctpkit::endpoint;
using namespace mctpkit::endpoint::test;

namespace {

constexpr const char* kEndpoint = R"({
  "static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00", "message_types": ["control", "pldm"],
  "vendor_capabilities": [{"format": "pci", "vendor_id": "0x1AB4", "command_set": "0x0102"},
                          {"format": "iana", "vendor_id": 412, "command_set": 1}]})";

constexpr const char* kBridge = R"({
  "static_eid": 8, "uuid": "11223344-5566-7788-99aa-bbccddeeff00", "role": "bridge", "eid_pool": {"size": 4},
  "network_id": "00112233-4455-6677-8899-aabbccddeeff",
  "routing_table": [{"start_eid": 16, "physical_address": "0x12"},
                    {"start_eid": 32, "range_size": 4, "entry_type": "bridge_and_range", "static": false, "port": 2,
                     "physical_address": "0x14"}],
  "rate_limit": {"rx_buffer_size": 256, "max_rx_rate": 1000, "max_tx_rate": 2000, "min_tx_rate": 100, "max_burst": 8}})";

}  // namespace

TEST(EndpointControl, GetEndpointIdOverSmbusSwapsAddressesAndKeepsTheTag) {
  Responder r(parse_config(kSmallest), "smbus");
  // From 0x20 (EID 0x0A) to 0x10 (EID 9), tag 0, instance 1; the reply comes back with the
  // addresses swapped, TO clear, the EID type "static, matching".
  expect_reply(r, "20 0F 08 41 01 09 0A C8 00 81 02 62", "40 0F 0C 21 01 0A 09 C0 00 01 02 00 09 02 00 85");
  // Another physical address on the bus is not ours.
  expect_reply(r, "22 0F 08 41 01 09 0A C8 00 81 02 5C", "");
}

TEST(EndpointControl, GetEndpointIdKeepsEveryTag) {
  Responder r(parse_config(kEndpoint), "mctp");
  expect_reply(r, "01 09 0A C8 00 81 02", "01 0A 09 C0 00 01 02 00 09 02 00");
  expect_reply(r, "01 09 0A CD 00 9F 02", "01 0A 09 C5 00 1F 02 00 09 02 00");
}

TEST(EndpointControl, SetEndpointIdAllOperations) {
  Responder r(parse_config(kEndpoint), "mctp");
  // Set to 0x20 through the null EID: the reply comes from the EID the endpoint had.
  expect_reply(r, "01 00 0A C9 00 82 01 00 20", "01 0A 09 C1 00 02 01 00 00 20 00");
  EXPECT_EQ(r.eids(), std::vector<std::uint8_t>{0x20});
  // Get EID now reports "static EID supported, present EID differs".
  expect_reply(r, "01 20 0A C8 00 83 02", "01 0A 20 C0 00 03 02 00 20 03 00");
  expect_reply(r, "01 09 0A C8 00 81 02", "");  // the old EID is no longer ours
  // Reset restores the static EID.
  expect_reply(r, "01 00 0A C8 00 84 01 02 00", "01 0A 20 C0 00 04 01 00 00 09 00");
  // Set discovered flag: no EID change.
  expect_reply(r, "01 09 0A C8 00 85 01 03 00", "01 0A 09 C0 00 05 01 00 00 09 00");
  // Force.
  expect_reply(r, "01 09 0A C8 00 85 01 01 31", "01 0A 09 C0 00 05 01 00 00 31 00");
}

TEST(EndpointControl, SetEndpointIdErrors) {
  Responder r(parse_config(kEndpoint), "mctp");
  expect_reply(r, "01 09 0A C8 00 86 01 00 FF", "01 0A 09 C0 00 06 01 02");  // broadcast EID is illegal
  expect_reply(r, "01 09 0A C8 00 86 01 00 00", "01 0A 09 C0 00 06 01 02");  // null EID too
  expect_reply(r, "01 09 0A C8 00 86 01 00 05", "01 0A 09 C0 00 06 01 02");  // reserved EIDs
  expect_reply(r, "01 09 0A C8 00 87 01 80 20", "01 0A 09 C0 00 07 01 02");  // reserved bits set
  expect_reply(r, "01 09 0A C8 00 88 01 00", "01 0A 09 C0 00 08 01 03");     // EID byte missing
  // A dynamic-only endpoint cannot reset to a static EID.
  Responder dynamic(parse_config(R"({"eid": 12, "uuid": "11223344-5566-7788-99aa-bbccddeeff00"})"), "mctp");
  expect_reply(dynamic, "01 0C 0A C8 00 81 01 02 00", "01 0A 0C C0 00 01 01 02");
  expect_reply(dynamic, "01 0C 0A C8 00 81 02", "01 0A 0C C0 00 01 02 00 0C 00 00");
}

TEST(EndpointControl, SetEndpointIdFromAnotherBusOwnerIsRejectedUnlessForced) {
  Responder r(parse_config(kSmallest), "smbus");
  ASSERT_EQ(ask(r, hex("20 0F 0A 41 01 00 0A C8 00 81 01 00 20 37")).size(), 1u);  // from 0x20: EID 0x20
  std::vector<Bytes> rejected = ask(r, hex("20 0F 0A 45 01 00 0B C8 00 82 01 00 21 72"));  // from 0x22: set
  ASSERT_EQ(rejected.size(), 1u);
  // Assignment status "rejected" (0x10), the EID stays 0x20 and the reply comes from it.
  EXPECT_EQ(to_hex(rejected[0]), "44 0F 0C 21 01 0B 20 C0 00 02 01 00 10 20 00 43");
  EXPECT_EQ(output::summary(decode(rejected[0], "smbus")),
            "SMBUS (dst=0x44, src=0x21, byte_count=12, pec=0x43) / MCTP 0:0 (0B <-- 20) (S:E) CTRL / CONTROL RSP "
            "(instance_id: 2, cmd_code=1, completion_code=0) / SetEndpointIDPacket (assign_status: rejected, "
            "eid_alloc_status: no_pool, eid_setting: 0x20, eid_pool_size: 0)");
  EXPECT_EQ(r.eids(), std::vector<std::uint8_t>{0x20});
}

TEST(EndpointControl, GetEndpointUuid) {
  Responder r(parse_config(kEndpoint), "mctp");
  expect_reply(r, "01 09 0A C8 00 81 03", "01 0A 09 C0 00 01 03 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00");
}

TEST(EndpointControl, UuidAtATinyTransmissionUnitIsFragmented) {
  Responder r(parse_config(R"({"static_eid": 9, "mtu": 8, "uuid": "11223344-5566-7788-99aa-bbccddeeff00"})"), "mctp");
  std::vector<Bytes> frames = ask(r, hex("01 09 0A CB 00 81 03"));
  ASSERT_EQ(frames.size(), 3u);
  // 20 body bytes in pieces of 8, 8 and 4: SOM seq 0, seq 1, EOM seq 2, tag 3 throughout.
  EXPECT_EQ(to_hex(frames[0]), "01 0A 09 83 00 01 03 00 11 22 33 44");
  EXPECT_EQ(to_hex(frames[1]), "01 0A 09 13 55 66 77 88 99 AA BB CC");
  EXPECT_EQ(to_hex(frames[2]), "01 0A 09 63 DD EE FF 00");
  EXPECT_EQ(output::summary(reassembled(frames)),
            "MCTP 0:3 (0A <-- 09) (S:E) CTRL / CONTROL RSP (instance_id: 1, cmd_code=3, completion_code=0) / "
            "GetEndpointUUIDPacket (uuid: 11223344-5566-7788-99aa-bbccddeeff00)");
}

// A transport that carries less than the endpoint's transmission unit (an I3C target's maximum
// read length) splits the replies at its own: here 8 bytes, below the endpoint's 64.
TEST(EndpointControl, RepliesAreSplitAtTheTransportsUnitWhenItIsSmaller) {
  Responder r(parse_config(kEndpoint), "mctp");
  r.limit_transmission_unit(100);  // more than the endpoint's: its own 64 rules
  EXPECT_EQ(ask(r, hex("01 09 0A CB 00 81 03")).size(), 1u);
  r.limit_transmission_unit(8);
  std::vector<std::string> frames;
  for (const Bytes& f : ask(r, hex("01 09 0A CB 00 81 03"))) frames.push_back(to_hex(f));
  EXPECT_EQ(frames, (std::vector<std::string>{"01 0A 09 83 00 01 03 00 11 22 33 44", "01 0A 09 13 55 66 77 88 99 AA BB CC",
                                              "01 0A 09 63 DD EE FF 00"}));
}

// serve() takes the unit from the exerciser it serves on.
TEST(EndpointControl, ServeSplitsRepliesAtTheExercisersUnit) {
  auto [requester, responder_side] = exerciser::loopback_pair("mctp", 8);
  Responder r(parse_config(kEndpoint), "mctp");
  std::thread server([&, side = responder_side.get()] {
    ServeOptions options;
    options.max_requests = 1;
    options.duration = std::chrono::milliseconds(10000);
    serve(*side, r, options);
  });
  requester->send(hex("01 09 0A CB 00 81 03"));
  std::vector<std::string> frames;
  for (int i = 0; i < 3; ++i) {
    std::optional<Bytes> f = exerciser::recv(*requester, std::chrono::milliseconds(5000));
    if (!f) break;
    frames.push_back(to_hex(*f));
  }
  server.join();
  EXPECT_EQ(frames, (std::vector<std::string>{"01 0A 09 83 00 01 03 00 11 22 33 44", "01 0A 09 13 55 66 77 88 99 AA BB CC",
                                              "01 0A 09 63 DD EE FF 00"}));
}

TEST(EndpointControl, GetMctpVersionSupportBigEndianEntries) {
  Responder r(parse_config(kEndpoint), "mctp");
  const char* k131 = "04 F1 F0 FF 00 F1 F1 FF 00 F1 F2 FF 00 F1 F3 F1 00";
  expect_reply(r, "01 09 0A C8 00 81 04 FF", std::string("01 0A 09 C0 00 01 04 00 ") + k131);
  expect_reply(r, "01 09 0A C8 00 81 04 00", std::string("01 0A 09 C0 00 01 04 00 ") + k131);
  expect_reply(r, "01 09 0A C8 00 81 04 01", "01 0A 09 C0 00 01 04 00 01 F1 F0 F0 00");
  expect_reply(r, "01 09 0A C8 00 81 04 05", "01 0A 09 C0 00 01 04 80");  // SPDM: not supported
  expect_reply(r, "01 09 0A C8 00 81 04", "01 0A 09 C0 00 01 04 03");     // type byte missing
}

TEST(EndpointControl, GetMessageTypeSupportListsTheTypesBesidesControl) {
  Responder r(parse_config(kEndpoint), "mctp");
  expect_reply(r, "01 09 0A C8 00 81 05", "01 0A 09 C0 00 01 05 00 01 01");
}

TEST(EndpointControl, GetVendorDefinedMessageSupportWalksTheSets) {
  Responder r(parse_config(kEndpoint), "mctp");
  expect_reply(r, "01 09 0A C8 00 81 06 00", "01 0A 09 C0 00 01 06 00 01 00 1A B4 01 02");
  expect_reply(r, "01 09 0A C8 00 82 06 01", "01 0A 09 C0 00 02 06 00 FF 01 00 00 01 9C 00 01");
  expect_reply(r, "01 09 0A C8 00 83 06 02", "01 0A 09 C0 00 03 06 02");
}

TEST(EndpointControl, UnknownCommandsAndBadLengths) {
  Responder r(parse_config(kEndpoint), "mctp");
  expect_reply(r, "01 09 0A C8 00 8A 30", "01 0A 09 C0 00 0A 30 05");
  expect_reply(r, "01 09 0A C8 00 8A F0 01 00", "01 0A 09 C0 00 0A F0 05");  // transport specific
  expect_reply(r, "01 09 0A C8 00 8B 07 0C", "01 0A 09 C0 00 0B 07 05");     // Resolve EID: bus owners only
  expect_reply(r, "01 09 0A C8 00 8B 08 00 01 20", "01 0A 09 C0 00 0B 08 05");  // Allocate EIDs: bridges only
  expect_reply(r, "01 09 0A C8 00 8B 0A 00", "01 0A 09 C0 00 0B 0A 05");     // no routing table
  expect_reply(r, "01 09 0A C8 00 8B 0E", "01 0A 09 C0 00 0B 0E 05");        // no network ID configured
  expect_reply(r, "01 09 0A C8 00 8B 11", "01 0A 09 C0 00 0B 11 05");        // no rate limiter
  expect_reply(r, "01 09 0A C8 00 8C 02 00", "01 0A 09 C0 00 0C 02 03");     // Get EID takes no data
  expect_reply(r, "01 09 0A C8 00 8C 06", "01 0A 09 C0 00 0C 06 03");        // selector missing
}

TEST(EndpointControl, OnlyRequestsForThisEndpointAreAnswered) {
  Responder r(parse_config(kEndpoint), "mctp");
  expect_reply(r, "01 33 0A C8 00 81 02", "");     // another EID
  expect_reply(r, "01 09 0A C0 00 81 02", "");     // TO clear
  expect_reply(r, "01 09 0A C8 00 01 02", "");     // a response (Rq clear)
  expect_reply(r, "01 09 0A C8 00 C1 02", "");     // a datagram
  expect_reply(r, "01 09 0A C8 05 10 84 00 00", "");  // SPDM is not supported
  expect_reply(r, "01 FF 0A C8 01 81 00 02", "");  // broadcast is for control only
  // Broadcast control requests are answered from the endpoint's own EID.
  expect_reply(r, "01 FF 0A C8 00 81 02", "01 0A 09 C0 00 01 02 00 09 02 00");
}

TEST(EndpointControl, BridgeRoutingTableAndResolution) {
  Responder r(parse_config(kBridge), "mctp");
  // Get EID: a bridge is a bus owner/bridge endpoint type.
  expect_reply(r, "01 08 0A C8 00 81 02", "01 0A 08 C0 00 01 02 00 08 12 00");
  expect_reply(r, "01 08 0A C8 00 81 0A 00",
               "01 0A 08 C0 00 01 0A 00 FF 02 01 10 20 01 00 01 12 04 20 42 01 00 01 14");
  expect_reply(r, "01 08 0A C8 00 81 0A 05", "01 0A 08 C0 00 01 0A 02");
  expect_reply(r, "01 08 0A C8 00 82 07 10", "01 0A 08 C0 00 02 07 00 10 12");
  expect_reply(r, "01 08 0A C8 00 82 07 22", "01 0A 08 C0 00 02 07 00 20 14");
  expect_reply(r, "01 08 0A C8 00 82 07 50", "01 0A 08 C0 00 02 07 02");
  expect_reply(r, "01 08 0A C8 00 83 0F 22 01", "01 0A 08 C0 00 03 0F 00 20 01 00 00 00 00");
  expect_reply(r, "01 08 0A C8 00 83 0F 10 00", "01 0A 08 C0 00 03 0F 00 00 00 00 00 00 00");
  expect_reply(r, "01 08 0A C8 00 83 0F 00 00", "01 0A 08 C0 00 03 0F 02");
}

TEST(EndpointControl, BridgePoolAndRoutingUpdates) {
  Responder r(parse_config(kBridge), "mctp");
  // Set EID reports the pool the bridge needs, then that it has it.
  expect_reply(r, "01 08 0A C8 00 81 01 00 08", "01 0A 08 C0 00 01 01 00 01 08 04");
  expect_reply(r, "01 08 0A C8 00 82 08 00 05 40", "01 0A 08 C0 00 02 08 02");  // larger than the pool
  expect_reply(r, "01 08 0A C8 00 82 08 00 04 40", "01 0A 08 C0 00 02 08 00 00 04 40");
  expect_reply(r, "01 08 0A C8 00 83 08 02 00 00", "01 0A 08 C0 00 03 08 00 00 04 40");
  expect_reply(r, "01 08 0A C8 00 84 01 03 00", "01 0A 08 C0 00 04 01 00 02 08 04");
  // A routing update adds a dynamic entry (no physical address on a bare MCTP link).
  expect_reply(r, "01 08 0A C8 00 85 09 01 00 01 30", "01 0A 08 C0 00 05 09 00");
  expect_reply(r, "01 08 0A C8 00 86 0A 02", "01 0A 08 C0 00 06 0A 00 FF 01 01 30 00 00 00 00");
  expect_reply(r, "01 08 0A C8 00 87 09 02 00 01 30", "01 0A 08 C0 00 07 09 03");  // count says two entries
  expect_reply(r, "01 08 0A C8 00 87 09 01 00 01 FF", "01 0A 08 C0 00 07 09 02");  // broadcast EID
}

TEST(EndpointControl, RoutingTableNotReady) {
  std::string config = kBridge;
  config.insert(config.rfind('}'), R"(, "routing_ready": false)");
  Responder r(parse_config(config), "mctp");
  expect_reply(r, "01 08 0A C8 00 81 0A 00", "01 0A 08 C0 00 01 0A 04");
}

TEST(EndpointControl, DiscoveryCommands) {
  Responder r(parse_config(kBridge), "mctp");
  expect_reply(r, "01 08 0A C8 00 81 0D", "01 0A 08 C0 00 01 0D 00");
  expect_reply(r, "01 FF 0A C8 00 82 0B", "01 0A 08 C0 00 02 0B 00");
  expect_reply(r, "01 FF 0A C8 00 83 0C", "01 0A 08 C0 00 03 0C 00");  // undiscovered: answers
  expect_reply(r, "01 00 0A C8 00 84 01 03 00", "01 0A 08 C0 00 04 01 00 01 08 04");
  expect_reply(r, "01 FF 0A C8 00 85 0C", "");  // discovered: silent
  // SMBus has no discovered flag.
  Responder smbus(parse_config(kSmallest), "smbus");
  Frame f = reassembled(ask(smbus, hex("20 0F 08 41 01 FF 0A C8 00 81 0B 94")), "smbus");
  EXPECT_EQ(output::summary(f), "MCTP 0:0 (0A <-- 09) (S:E) CTRL / CONTROL RSP (instance_id: 1, cmd_code=11, "
                                "completion_code=5) / PrepareForEndpointDiscoveryPacket ()");
  // Discovery Notify goes to bus owners, not simple endpoints.
  Responder simple(parse_config(kEndpoint), "mctp");
  expect_reply(simple, "01 09 0A C8 00 81 0D", "01 0A 09 C0 00 01 0D 05");
}

TEST(EndpointControl, NetworkIdAndRateLimits) {
  Responder r(parse_config(kBridge), "mctp");
  expect_reply(r, "01 08 0A C8 00 81 0E", "01 0A 08 C0 00 01 0E 00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF");
  expect_reply(r, "01 08 0A C8 00 82 11",
               "01 0A 08 C0 00 02 11 00 00 00 01 00 00 00 03 E8 00 00 07 D0 00 00 00 64 00 00 08 00 00 00 "
               "00 00 00 00 01");
  expect_reply(r, "01 08 0A C8 00 83 12 00 00 04 00 00 01 F4", "01 0A 08 C0 00 03 12 00 00 00 00 04 00 00 01 F4");
  expect_reply(r, "01 08 0A C8 00 84 12 00 00 09 00 00 01 F4", "01 0A 08 C0 00 04 12 02");  // burst too large
  expect_reply(r, "01 08 0A C8 00 85 12 00 00 04 00 00 00 0A", "01 0A 08 C0 00 05 12 02");  // rate too low
  expect_reply(r, "01 08 0A C8 00 86 11",
               "01 0A 08 C0 00 06 11 00 00 00 01 00 00 00 03 E8 00 00 07 D0 00 00 00 64 00 00 08 00 00 04 "
               "00 00 01 F4 01");
  expect_reply(r, "01 08 0A C8 00 87 13 00 00 04 00 00 01 F4", "01 0A 08 C0 00 07 13 00");
}
