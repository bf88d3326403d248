// Bus owner discovery against emulated endpoints served on the other side of an in-process
// SMBus loopback: the table, the JSON, and what is reported when an address stays silent, the
// pool runs out, an endpoint answers an error or another bus owner got there first.

#include "mctpkit/endpoint/discovery.hpp"

#include <thread>
#include <tuple>

#include "endpoint_test_support.hpp"

using namespace mctpkit;
using namespace mctpkit::endpoint;
using namespace std::chrono_literals;

namespace {

// A NIC (dynamic), a PSU with static EID 0x10 (inside the default pool) and a fan (dynamic,
// control only) on one SMBus segment.
constexpr const char* kThree = R"({"endpoints": [
  {"name": "nic", "physical_address": "0x10", "uuid": "00000000-0000-0000-0000-00000000aa10",
   "message_types": ["control", "pldm"]},
  {"name": "psu", "physical_address": "0x12", "static_eid": 16, "uuid": "00000000-0000-0000-0000-00000000aa12",
   "message_types": ["control", "pldm", "spdm"]},
  {"name": "fan", "physical_address": "0x14", "uuid": "00000000-0000-0000-0000-00000000aa14"}]})";

// Endpoints of `config_text` answering on one end of an SMBus loopback while the test runs
// discovery on the other.
class Bus {
 public:
  explicit Bus(std::string_view config_text) : responder_(parse_config(config_text), "smbus") {
    auto [near, far] = exerciser::loopback_pair("smbus");
    near_ = std::move(near);
    far_ = std::move(far);
    server_ = std::thread([this] {
      ServeOptions options;
      options.stop = &stop_;
      options.duration = 20s;
      serve(*far_, responder_, options);
    });
  }
  ~Bus() {
    stop_ = true;
    server_.join();
  }

  DiscoveryResult discover(DiscoveryOptions options) {
    options.request.timeout = options.request.timeout.value_or(2000ms);  // only silent addresses wait it out
    options.request.retries = 0;
    if (!options.own_address) options.own_address = 0x08;
    return endpoint::discover(*near_, options);
  }
  Responder& responder() { return responder_; }

 private:
  Responder responder_;
  std::unique_ptr<exerciser::Exerciser> near_, far_;
  std::atomic<bool> stop_{false};
  std::thread server_;
};

DiscoveryOptions at(std::vector<std::uint8_t> addresses) {
  DiscoveryOptions o;
  o.addresses = std::move(addresses);
  return o;
}

}  // namespace

TEST(Discovery, AssignsDynamicEidsAroundStaticOnesAndDescribesEachEndpoint) {
  Bus bus(kThree);
  std::vector<std::string> sent;
  DiscoveryOptions options = at({0x10, 0x12, 0x14});
  options.on_exchange = [&](const exerciser::Exchange& x) { sent.push_back(to_hex(x.request_packets.at(0))); };
  DiscoveryResult r = bus.discover(options);
  EXPECT_EQ(discovery_table(r),
            "ADDRESS  EID   EID TYPE  UUID                                  MESSAGE TYPES\n"
            "0x10     0x11  dynamic   00000000-0000-0000-0000-00000000aa10  pldm\n"
            "0x12     0x10  static    00000000-0000-0000-0000-00000000aa12  pldm, spdm\n"
            "0x14     0x12  dynamic   00000000-0000-0000-0000-00000000aa14\n");
  EXPECT_EQ(discovery_problems_text(r), "");
  EXPECT_EQ(r.answered, 3u);
  EXPECT_EQ(bus.responder().eids(), (std::vector<std::uint8_t>{0x11, 0x10, 0x12}));
  // Get EID to the null EID at each address, then Set EID (to the null EID) for the dynamic
  // ones, then the types and UUID at the EID each has. Bus owner: address 0x08, EID 0x08; tags
  // and instance IDs count per destination EID.
  EXPECT_EQ(sent, (std::vector<std::string>{
                      "20 0F 08 11 01 00 08 C8 00 80 02 3E",        // 0x10 Get EID
                      "24 0F 08 11 01 00 08 C9 00 81 02 41",        // 0x12 Get EID
                      "28 0F 08 11 01 00 08 CA 00 82 02 C0",        // 0x14 Get EID
                      "20 0F 0A 11 01 00 08 CB 00 83 01 00 11 9A",  // 0x10 Set EID 0x11
                      "20 0F 08 11 01 11 08 C8 00 80 05 9C",        // 0x10 Get Message Type Support
                      "20 0F 08 11 01 11 08 C9 00 81 03 8D",        // 0x10 Get UUID
                      "24 0F 08 11 01 10 08 C8 00 80 05 C9",        // 0x12 Get Message Type Support
                      "24 0F 08 11 01 10 08 C9 00 81 03 D8",        // 0x12 Get UUID
                      "28 0F 0A 11 01 00 08 CC 00 84 01 00 12 92",  // 0x14 Set EID 0x12
                      "28 0F 08 11 01 12 08 C8 00 80 05 1F",        // 0x14 Get Message Type Support
                      "28 0F 08 11 01 12 08 C9 00 81 03 0E",        // 0x14 Get UUID
                  }));
}

TEST(Discovery, JsonHoldsEndpointsAndProblems) {
  Bus bus(kThree);
  DiscoveryOptions options = at({0x12, 0x16});
  options.request.timeout = 300ms;  // generous: the emulated endpoints answer from a thread
  EXPECT_EQ(discovery_json(bus.discover(options)),
            R"({
  "endpoints": [
    {
      "address": 18,
      "eid": 16,
      "eid_type": "static",
      "endpoint_type": "simple",
      "uuid": "00000000-0000-0000-0000-00000000aa12",
      "message_types": [
        "pldm",
        "spdm"
      ]
    }
  ],
  "problems": [
    {
      "address": 22,
      "command": "Get Endpoint ID",
      "problem": "no response",
      "detail": "no response after 1 try of 300 ms"
    }
  ],
  "stopped": false
}
)");
}

TEST(Discovery, AnAddressWithNobodyBehindItIsAProblemNotAnEndpoint) {
  Bus bus(kThree);
  DiscoveryOptions options = at({0x16, 0x14});
  options.request.timeout = 300ms;  // generous: the emulated endpoints answer from a thread
  DiscoveryResult r = bus.discover(options);
  EXPECT_EQ(r.answered, 1u);
  EXPECT_EQ(discovery_table(r),
            "ADDRESS  EID   EID TYPE  UUID                                  MESSAGE TYPES\n"
            "0x14     0x10  dynamic   00000000-0000-0000-0000-00000000aa14\n");
  EXPECT_EQ(discovery_problems_text(r), "0x16: Get Endpoint ID: no response after 1 try of 300 ms\n");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].kind, ProblemKind::NoResponse);
}

TEST(Discovery, PoolExhaustionLeavesTheLastDynamicEndpointWithoutEid) {
  Bus bus(kThree);
  DiscoveryOptions options = at({0x10, 0x12, 0x14});
  options.pool_first = 0x10;  // the PSU's static EID
  options.pool_last = 0x11;
  DiscoveryResult r = bus.discover(options);
  EXPECT_EQ(discovery_table(r),
            "ADDRESS  EID   EID TYPE  UUID                                  MESSAGE TYPES\n"
            "0x10     0x11  dynamic   00000000-0000-0000-0000-00000000aa10  pldm\n"
            "0x12     0x10  static    00000000-0000-0000-0000-00000000aa12  pldm, spdm\n");
  EXPECT_EQ(discovery_problems_text(r), "0x14: no EID left in the pool 0x10-0x11\n");
  EXPECT_EQ(r.problems.at(0).kind, ProblemKind::PoolExhausted);
  EXPECT_EQ(r.answered, 3u);
  EXPECT_EQ(bus.responder().eids(), (std::vector<std::uint8_t>{0x11, 0x10, 0x00}));
}

TEST(Discovery, ErrorCompletionsAreReportedPerCommand) {
  // The NIC refuses Set Endpoint ID (so it gets no EID); the fan answers Get Message Type
  // Support with ERROR_UNSUPPORTED_CMD (so it is listed without types).
  Bus bus(R"({"endpoints": [
    {"physical_address": "0x10", "uuid": "00000000-0000-0000-0000-00000000aa10",
     "canned_replies": [{"request": "00 80 01 00 10", "response": "00 00 01 01"}]},
    {"physical_address": "0x14", "uuid": "00000000-0000-0000-0000-00000000aa14",
     "canned_replies": [{"request": "00 80 05", "response": "00 00 05 05"}]}]})");
  DiscoveryResult r = bus.discover(at({0x10, 0x14}));
  EXPECT_EQ(discovery_table(r),
            "ADDRESS  EID   EID TYPE  UUID                                  MESSAGE TYPES\n"
            "0x14     0x10  dynamic   00000000-0000-0000-0000-00000000aa14  -\n");
  EXPECT_EQ(discovery_problems_text(r),
            "0x10: Set Endpoint ID: completion code 0x01 (error)\n"
            "0x14: Get Message Type Support: completion code 0x05 (error_unsupported_cmd)\n");
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].kind, ProblemKind::ErrorCompletion);
  EXPECT_EQ(r.problems[1].kind, ProblemKind::ErrorCompletion);
}

TEST(Discovery, AnEndpointAssignedByAnotherBusOwnerRejectsAndKeepsItsEid) {
  Bus bus(kThree);
  DiscoveryOptions other = at({0x14});
  other.own_address = 0x20;
  other.own_eid = 0x0A;
  other.pool_first = 0x30;
  ASSERT_EQ(bus.discover(other).endpoints.at(0).eid, 0x30);

  DiscoveryResult r = bus.discover(at({0x14}));
  EXPECT_EQ(discovery_table(r),
            "ADDRESS  EID   EID TYPE  UUID                                  MESSAGE TYPES\n"
            "0x14     0x30  dynamic   00000000-0000-0000-0000-00000000aa14\n");
  EXPECT_EQ(discovery_problems_text(r), "0x14: Set Endpoint ID: EID 0x10 rejected; the endpoint keeps EID 0x30\n");
  EXPECT_EQ(r.problems.at(0).kind, ProblemKind::Rejected);
}

TEST(Discovery, ALinkWithoutAddressesDiscoversItsOnePeer) {
  std::unique_ptr<exerciser::Exerciser> near, far;
  std::tie(near, far) = exerciser::loopback_pair("mctp");
  Responder responder(parse_config(test::kSmallest), "mctp");
  std::atomic<bool> stop{false};
  std::thread server([&] {
    ServeOptions options;
    options.stop = &stop;
    options.duration = 20s;
    serve(*far, responder, options);
  });
  DiscoveryOptions options;
  options.request.timeout = 2000ms;
  DiscoveryResult r = discover(*near, options);
  stop = true;
  server.join();
  EXPECT_EQ(discovery_table(r),
            "ADDRESS  EID   EID TYPE  UUID                                  MESSAGE TYPES\n"
            "-        0x09  static    11223344-5566-7788-99aa-bbccddeeff00  pldm\n");
}

TEST(Discovery, BadOptionsAreRefusedWithTheReason) {
  std::unique_ptr<exerciser::Exerciser> near, far;
  std::tie(near, far) = exerciser::loopback_pair("smbus");
  auto refused = [&](DiscoveryOptions o) {
    try {
      discover(*near, o);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  DiscoveryOptions o = at({0x10});
  o.own_eid = 0xFF;
  EXPECT_EQ(refused(o), "discovery: the bus owner's EID 0xFF is not in 0x08-0xFE");
  o = at({0x10});
  o.pool_first = 0x20;
  o.pool_last = 0x1F;
  EXPECT_EQ(refused(o), "discovery: the EID pool 0x20-0x1F is not a range within 0x08-0xFE");
  EXPECT_EQ(refused(at({0x80})), "discovery: address 0x80 is not a 7-bit address");
  EXPECT_EQ(refused(at({})), "discovery: no physical address to ask (give addresses, or a peer address)");
  auto [bare, unused] = exerciser::loopback_pair("mctp");
  try {
    discover(*bare, at({0x10}));
    ADD_FAILURE() << "accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "discovery: the mctp link has no physical addresses; leave the address list out");
  }
}

TEST(Discovery, AStopRequestEndsDiscoveryBeforeTheNextQuery) {
  Bus bus(kThree);
  std::atomic<bool> stop{true};
  std::size_t exchanges = 0;
  DiscoveryOptions options = at({0x10, 0x12});
  options.stop = &stop;
  options.on_exchange = [&](const exerciser::Exchange&) { ++exchanges; };
  DiscoveryResult r = bus.discover(options);
  EXPECT_TRUE(r.stopped);
  EXPECT_EQ(exchanges, 0u);
  EXPECT_EQ(r.answered, 0u);
  EXPECT_TRUE(r.endpoints.empty());
  EXPECT_TRUE(r.problems.empty());
}
