// Several endpoints behind one transport (a bridge and two endpoints on one SMBus segment), and
// replies that wait (canned replies with a delay) through serve().

#include <atomic>
#include <thread>
#include <tuple>

#include "endpoint_test_support.hpp"

using namespace mctpkit;
using namespace mctpkit::endpoint;
using namespace mctpkit::endpoint::test;

namespace {

constexpr const char* kBus = R"({"endpoints": [
  {"name": "bridge", "physical_address": "0x10", "static_eid": 8, "role": "bridge",
   "uuid": "00000000-0000-0000-0000-000000000008",
   "routing_table": [{"start_eid": 16, "physical_address": "0x12"}, {"start_eid": 17, "physical_address": "0x14"}]},
  {"name": "nic", "physical_address": "0x12", "static_eid": 16, "uuid": "00000000-0000-0000-0000-000000000010",
   "message_types": ["pldm"]},
  {"name": "psu", "physical_address": "0x14", "static_eid": 17, "uuid": "00000000-0000-0000-0000-000000000011",
   "message_types": ["pldm"]}]})";

}  // namespace

TEST(EndpointTopology, EachEndpointAnswersAtItsOwnAddress) {
  Responder r(parse_config(kBus), "smbus");
  // Get EID with the null EID to each physical address, from the BMC at 0x20 (EID 0x0A).
  expect_reply(r, "20 0F 08 41 01 00 0A C8 00 81 02 04", "40 0F 0C 21 01 0A 08 C0 00 01 02 00 08 12 00 C0");
  expect_reply(r, "24 0F 08 41 01 00 0A C8 00 81 02 78", "40 0F 0C 25 01 0A 10 C0 00 01 02 00 10 02 00 53");
  expect_reply(r, "28 0F 08 41 01 00 0A C8 00 81 02 FC", "40 0F 0C 29 01 0A 11 C0 00 01 02 00 11 02 00 D4");
  // At 0x12 but for EID 0x11: the endpoint there has another EID.
  expect_reply(r, "24 0F 08 41 01 11 0A C8 00 81 02 CF", "");
  EXPECT_EQ(r.eids(), (std::vector<std::uint8_t>{8, 16, 17}));
  EXPECT_EQ(r.endpoint(2).name, "psu");
}

TEST(EndpointTopology, ABridgeForwardsToTheEndpointsBehindIt) {
  Config config = parse_config(kBus);
  Route unserved;
  unserved.start_eid = 0x20;
  unserved.physical_address = {0x16};
  config.endpoints[0].routes.push_back(unserved);
  Responder r(std::move(config), "smbus");
  std::vector<std::string> notes;
  r.set_notes([&](const std::string& note) { notes.push_back(note); });
  // Get Endpoint ID for EID 0x10 sent to the bridge at 0x10: the nic answers, and its reply
  // leaves from the bridge's address (source 0x21) with the nic's EID.
  expect_reply(r, "20 0F 08 41 01 10 0A C8 00 81 02 9A", "40 0F 0C 21 01 0A 10 C0 00 01 02 00 10 02 00 20");
  // PLDM GetTID for EID 0x11 through the bridge: the psu answers.
  expect_reply(r, "20 0F 09 41 01 11 0A C9 01 82 00 02 95", "40 0F 0B 21 01 0A 11 C1 01 02 00 02 00 01 12");
  EXPECT_TRUE(notes.empty());
  // The routing table covers EID 0x20, but nothing here has it: dropped, with a note.
  expect_reply(r, "20 0F 08 41 01 20 0A C8 00 83 02 15", "");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0],
            "bridge: a packet for EID 0x20 dropped: the routing table covers it, but no emulated endpoint has it");
  // No route for EID 0x40: dropped silently, as DSP0236 says of un-routable EIDs.
  expect_reply(r, "20 0F 08 41 01 40 0A C8 00 83 02 58", "");
  // The nic is no bridge: at its address, a request for the psu's EID is not passed on.
  expect_reply(r, "24 0F 08 41 01 11 0A C8 00 83 02 E5", "");
  // The broadcast EID is bus-local: the bridge answers for itself.
  expect_reply(r, "20 0F 08 41 01 FF 0A C8 00 83 02 81", "40 0F 0C 21 01 0A 08 C0 00 03 02 00 08 12 00 92");
  EXPECT_EQ(notes.size(), 1u);
}

TEST(EndpointTopology, OnI3cTheReplyIsReadByTheController) {
  Responder r(parse_config(R"({"static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00"})"), "i3c");
  // The controller wrote Get Endpoint ID to 0x10 (address byte 0x20, RnW 0); the reply is what it
  // reads from 0x10 (0x21, RnW 1), and the PEC covers that address byte (DSP0233).
  expect_reply(r, "20 01 09 0A C8 00 81 02 BD", "21 01 0A 09 C0 00 01 02 00 09 02 00 6C");
}

TEST(EndpointTopology, WithoutPhysicalAddressesTheEidChooses) {
  Responder r(parse_config(kBus), "mctp");
  expect_reply(r, "01 11 0A C8 00 81 02", "01 0A 11 C0 00 01 02 00 11 02 00");
  // The null EID reaches every endpoint on a link without physical addresses.
  std::vector<Bytes> all = ask(r, hex("01 00 0A C8 00 81 02"));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(to_hex(all[0]), "01 0A 08 C0 00 01 02 00 08 12 00");
  EXPECT_EQ(to_hex(all[1]), "01 0A 10 C0 00 01 02 00 10 02 00");
  EXPECT_EQ(to_hex(all[2]), "01 0A 11 C0 00 01 02 00 11 02 00");
}

TEST(EndpointTopology, ServeOverLoopbackWithCannedDelayedReplies) {
  std::unique_ptr<exerciser::Exerciser> requester, responder_side;
  std::tie(requester, responder_side) = exerciser::loopback_pair("mctp", 64);
  Config config = parse_config(R"({"static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00",
      "message_types": ["vendor_pci"],
      "canned_replies": [{"request": "7E 99 99 80 01 05", "response": "7E 99 99 00 01 05 01 02 03", "delay_ms": 30}]})");
  Responder responder(std::move(config), "mctp");
  std::size_t answered = 0;
  std::thread server([&] {
    ServeOptions options;
    options.max_requests = 2;
    options.duration = std::chrono::milliseconds(10000);
    answered = serve(*responder_side, responder, options);
  });
  requester->send(hex("01 09 0A CA 7E 99 99 80 01 05"));
  requester->send(hex("01 09 0A CB 00 83 02"));
  // The control reply is immediate, the canned one waits its delay: it comes second.
  auto first = exerciser::recv(*requester, std::chrono::milliseconds(5000));
  auto second = exerciser::recv(*requester, std::chrono::milliseconds(5000));
  server.join();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(to_hex(*first), "01 0A 09 C3 00 03 02 00 09 02 00");
  EXPECT_EQ(to_hex(*second), "01 0A 09 C2 7E 99 99 00 01 05 01 02 03");
  EXPECT_EQ(answered, 2u);
  // A vendor request nobody canned is not answered (vendor messages have no generic error).
  Responder again(parse_config(R"({"static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00",
      "message_types": ["vendor_pci"]})"), "mctp");
  expect_reply(again, "01 09 0A CA 7E 99 99 80 02 05", "");
}

// A target whose replies stay queued until its controller reads them (`read` set by the test).
class QueuedTarget : public exerciser::Exerciser, public exerciser::OutputQueue {
 public:
  explicit QueuedTarget(std::unique_ptr<exerciser::Exerciser> wire) : wire_(std::move(wire)) {}
  std::string_view link() const override { return wire_->link(); }
  void send(ByteView frame) override { queued_.emplace_back(frame.begin(), frame.end()); }
  std::optional<Bytes> try_recv() override {
    if (read) {
      for (const Bytes& f : queued_) wire_->send(f);
      queued_.clear();
    }
    return wire_->try_recv();
  }
  int fd() const override { return wire_->fd(); }
  bool output_pending() const override { return !queued_.empty(); }
  std::atomic<bool> read{false};

 private:
  std::unique_ptr<exerciser::Exerciser> wire_;
  std::vector<Bytes> queued_;
};

TEST(EndpointTopology, ServeCountsOutOnlyOnceTheLastReplyWasRead) {
  auto [controller, wire] = exerciser::loopback_pair("mctp", 64);
  QueuedTarget target(std::move(wire));
  Responder responder(parse_config(R"({"static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00"})"), "mctp");
  std::atomic<bool> done{false};
  std::thread server([&] {
    ServeOptions options;
    options.max_requests = 1;
    options.duration = std::chrono::milliseconds(10000);
    serve(target, responder, options);
    done = true;
  });
  controller->send(hex("01 09 0A C8 00 81 02"));
  // Answered, but the reply waits for the controller: serve goes on.
  EXPECT_FALSE(exerciser::recv(*controller, std::chrono::milliseconds(300)));
  EXPECT_FALSE(done);
  target.read = true;
  auto reply = exerciser::recv(*controller, std::chrono::milliseconds(5000));
  server.join();
  ASSERT_TRUE(reply);
  EXPECT_EQ(to_hex(*reply), "01 0A 09 C0 00 01 02 00 09 02 00");
  EXPECT_TRUE(done);
}

TEST(EndpointTopology, CannedRepliesTakeTheRequestsInstanceId) {
  Responder r(parse_config(R"({"static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00",
      "message_types": ["pldm"],
      "canned_replies": [{"request": "01 80 3F 01", "response": "01 00 3F 01 00 AA BB"}]})"), "mctp");
  expect_reply(r, "01 09 0A C8 01 93 3F 01", "01 0A 09 C0 01 13 3F 01 00 AA BB");
  // Not canned: the OEM type is not one the terminus serves (ERROR_INVALID_PLDM_TYPE); a
  // base command it lacks is unsupported.
  expect_reply(r, "01 09 0A C8 01 93 3F 02", "01 0A 09 C0 01 13 3F 02 20");
  expect_reply(r, "01 09 0A C8 01 94 00 09", "01 0A 09 C0 01 14 00 09 05");
}
