// The requester against scripted responders on in-process loopback pairs. Responses are queued
// before the request is sent (the loopback holds them) or sent by a responder thread; every
// expected byte is written by hand from the protocol reference.
#include "mctpkit/exerciser/requester.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <tuple>

#include "exerciser_test_support.hpp"

namespace mctpkit::exerciser {
namespace {

using namespace std::chrono_literals;
using testing::expr;
using testing::hex;

// Get Endpoint ID, requester EID 8, responder EID 9, tag 0, instance ID 0.
const Bytes kGetEid = hex("01 09 08 C8 00 80 02");
const Bytes kGetEidResponse = hex("01 08 09 C0 00 00 02 00 09 00 00");

struct Collected {
  std::vector<std::string> reasons;
  std::vector<Bytes> wires;
  int unexpected = 0;
};

void collect(Requester& r, Collected& c) {
  r.set_unmatched_listener([&c](const Unmatched& u) {
    c.reasons.emplace_back(u.reason);
    c.wires.emplace_back(u.wire.begin(), u.wire.end());
    c.unexpected += u.unexpected_response ? 1 : 0;
  });
}

TEST(Requester, SendsTheRequestAndMatchesTheResponse) {
  auto [near, far] = loopback_pair();
  far->send(kGetEidResponse);
  Requester r(*near);
  Exchange ex = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"));
  EXPECT_EQ(ex.outcome, Outcome::Response) << ex.detail;
  ASSERT_EQ(ex.request_packets.size(), 1u);
  EXPECT_EQ(ex.request_packets[0], kGetEid);
  EXPECT_EQ(far->try_recv(), kGetEid);
  ASSERT_EQ(ex.response_packets.size(), 1u);
  EXPECT_EQ(ex.response_packets[0], kGetEidResponse);
  ASSERT_TRUE(ex.response);
  ASSERT_NE(ex.response->find("get_endpoint_id"), nullptr);
  EXPECT_EQ(ex.response->find("get_endpoint_id")->num("eid"), 9u);
  EXPECT_EQ(ex.completion_code, 0u);
  EXPECT_EQ(ex.tries, 1);
  EXPECT_EQ(to_string(ex.outcome), "response");
}

TEST(Requester, AllocatesTagsAndInstanceIdsRoundRobinPerPeer) {
  auto [near, far] = loopback_pair();
  Requester r(*near);
  RequestOptions quick{5ms, 0};
  EXPECT_EQ(r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), quick).request_packets[0], kGetEid);
  // The PyMCTP example of the compatibility document: tag 1, instance ID 1.
  EXPECT_EQ(r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), quick).request_packets[0],
            hex("01 09 08 C9 00 81 02"));
  // Another peer starts at 0; given values are kept and do not advance the counters.
  EXPECT_EQ(r.request(expr("mctp(dst=10,src=8)/control()/get_endpoint_id()"), quick).request_packets[0],
            hex("01 0A 08 C8 00 80 02"));
  EXPECT_EQ(r.request(expr("mctp(dst=9,src=8,tag=6)/control(iid=17)/get_endpoint_id()"), quick).request_packets[0],
            hex("01 09 08 CE 00 91 02"));
  EXPECT_EQ(r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), quick).request_packets[0],
            hex("01 09 08 CA 00 82 02"));
  // PLDM instance IDs are counted apart from control ones; rq defaults to 1.
  EXPECT_EQ(r.request(expr("mctp(dst=9,src=8)/pldm(type=base,cmd=get_tid)/get_tid()"), quick).request_packets[0],
            hex("01 09 08 CB 01 80 00 02"));
  for (int i = 0; i < 4; ++i) r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), quick);
  // Tags wrap after 7.
  EXPECT_EQ(r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), quick).request_packets[0],
            hex("01 09 08 C8 00 87 02"));
}

TEST(Requester, ErrorCompletionCodeIsReportedAsSuch) {
  auto [near, far] = loopback_pair();
  far->send(hex("01 08 09 C0 00 00 02 05"));
  Requester r(*near);
  Exchange ex = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {50ms, 0});
  EXPECT_EQ(ex.outcome, Outcome::ErrorCompletion);
  EXPECT_EQ(ex.completion_code, 5u);
  EXPECT_EQ(ex.detail.substr(0, 30), "error completion code 0x05 in ");
}

TEST(Requester, NoResponseAfterEveryTry) {
  auto [near, far] = loopback_pair();
  Requester r(*near);
  Exchange ex = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {10ms, 2});
  EXPECT_EQ(ex.outcome, Outcome::NoResponse);
  EXPECT_EQ(ex.tries, 3);
  EXPECT_EQ(ex.detail, "no response after 3 tries of 10 ms");
  // Each try is the same request: same tag, same instance ID.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(far->try_recv(), kGetEid);
  EXPECT_EQ(far->try_recv(), std::nullopt);
}

TEST(Requester, DefaultTimingComesFromTheBinding) {
  auto [near, far] = loopback_pair("smbus");
  Requester r(*near);
  EXPECT_EQ(r.default_timeout(), 300ms);
  EXPECT_EQ(r.default_retries(), 2);
  auto [pcie, other] = loopback_pair("pcie-vdm");
  EXPECT_EQ(Requester(*pcie).default_timeout(), 126ms);
}

TEST(Requester, UnexpectedResponseIsToldApart) {
  auto [near, far] = loopback_pair();
  // Same EIDs and tag, but Get Endpoint UUID (0x03) answers Get Endpoint ID.
  far->send(hex("01 08 09 C0 00 00 03 00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF"));
  Requester r(*near);
  Collected c;
  collect(r, c);
  Exchange ex = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {20ms, 0});
  EXPECT_EQ(ex.outcome, Outcome::UnexpectedResponse);
  ASSERT_EQ(c.reasons.size(), 1u);
  EXPECT_EQ(c.reasons[0], "unexpected response: mctpc.command is 0x03, the request's is 0x02");
  EXPECT_EQ(c.unexpected, 1);
  EXPECT_EQ(ex.unexpected, c.reasons);
  EXPECT_EQ(ex.detail, "unexpected response: mctpc.command is 0x03, the request's is 0x02 after 1 try of 20 ms");
  EXPECT_EQ(to_string(ex.outcome), "unexpected response");

  // A wrong instance ID is unexpected too.
  far->send(hex("01 08 09 C1 00 05 02 00 09 00 00"));
  ex = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {20ms, 0});
  EXPECT_EQ(ex.outcome, Outcome::UnexpectedResponse);
  EXPECT_EQ(c.reasons.back(), "unexpected response: mctpc.iid is 0x05, the request's is 0x01");
}

TEST(Requester, UnrelatedFramesGoToTheListenerAndTheResponseStillMatches) {
  auto [near, far] = loopback_pair();
  far->send(hex("01 08 0A C0 00 00 02 00 0A 00 00"));  // from EID 0x0A
  far->send(hex("01 08 09 C1 00 00 02 00 09 00 00"));  // tag 1
  far->send(hex("01 08 09 C8 00 80 02"));              // a request (TO set) from the peer
  far->send(hex("01 07 09 C0 00 00 02 00 09 00 00"));  // to EID 7
  far->send(hex("02 08 09 C0 00 00 02"));              // header version 2: a bad packet
  far->send(kGetEidResponse);
  Requester r(*near);
  Collected c;
  collect(r, c);
  Exchange ex = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {200ms, 0});
  EXPECT_EQ(ex.outcome, Outcome::Response);
  ASSERT_EQ(c.reasons.size(), 5u);
  EXPECT_EQ(c.reasons[0], "from EID 0x0A, not 0x09");
  EXPECT_EQ(c.reasons[1], "tag 1, not 0");
  EXPECT_EQ(c.reasons[2], "TO set: a request, not a response");
  EXPECT_EQ(c.reasons[3], "to EID 0x07, not 0x08");
  EXPECT_EQ(c.wires[4], hex("02 08 09 C0 00 00 02"));
  EXPECT_EQ(c.unexpected, 0);
}

TEST(Requester, ResponseAfterTheTimeoutGoesToTheListenerLater) {
  auto [near, far] = loopback_pair();
  Requester r(*near);
  Collected c;
  collect(r, c);
  EXPECT_EQ(r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {5ms, 0}).outcome, Outcome::NoResponse);
  far->send(kGetEidResponse);
  EXPECT_EQ(r.drain(50ms), 1u);
  ASSERT_EQ(c.reasons.size(), 1u);
  EXPECT_EQ(c.reasons[0], "no request waiting");
  EXPECT_EQ(c.wires[0], kGetEidResponse);
}

TEST(Requester, RequestToTheNullEidMatchesAnySource) {
  auto [near, far] = loopback_pair();
  far->send(hex("01 08 1D C0 00 00 02 00 1D 00 00"));
  Requester r(*near);
  Exchange ex = r.request(expr("mctp(dst=0,src=8)/control()/get_endpoint_id()"), {100ms, 0});
  EXPECT_EQ(ex.request_packets[0], hex("01 00 08 C8 00 80 02"));
  EXPECT_EQ(ex.outcome, Outcome::Response);
}

TEST(Requester, MultiPacketRequestAndResponse) {
  // A transmission unit of 2 splits Get MCTP Version Support (body 00 80 04 FF) in two.
  auto [near, far] = loopback_pair("mctp", 2);
  // The response in three packets: 00 | 00 04 00 | 01 F1 F3 | F1 00.
  far->send(hex("01 08 09 80 00 00 04 00"));
  far->send(hex("01 08 09 10 01 F1 F3"));
  far->send(hex("01 08 09 60 F1 00"));
  Requester r(*near);
  Exchange ex = r.request(expr("mctp(dst=9,src=8)/control()/get_mctp_version_support(msg_type_number=0xff)"), {200ms, 0});
  ASSERT_EQ(ex.request_packets.size(), 2u);
  EXPECT_EQ(ex.request_packets[0], hex("01 09 08 88 00 80"));
  EXPECT_EQ(ex.request_packets[1], hex("01 09 08 58 04 FF"));
  EXPECT_EQ(ex.outcome, Outcome::Response) << ex.detail;
  EXPECT_EQ(ex.response_packets.size(), 3u);
  ASSERT_TRUE(ex.response);
  const Layer* versions = ex.response->find("get_mctp_version_support");
  ASSERT_NE(versions, nullptr);
  ASSERT_EQ(versions->items("versions").size(), 1u);
}

TEST(Requester, SmbusAddressesAreFilledAndMustBeSwapped) {
  auto [near_raw, far] = loopback_pair("smbus");
  testing::Addressed near(std::move(near_raw), 0x10, 0x1D);
  // From 0x1E (source byte 0x3D): not the peer; then from 0x1D (0x3B).
  far->send(hex("20 0F 0C 3D 01 08 09 C0 00 00 02 00 09 00 00 49"));
  far->send(hex("20 0F 0C 3B 01 08 09 C0 00 00 02 00 09 00 00 80"));
  Requester r(near);
  Collected c;
  collect(r, c);
  Exchange ex = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {200ms, 0});
  EXPECT_EQ(ex.request_packets[0], hex("3A 0F 08 21 01 09 08 C8 00 80 02 30"));
  EXPECT_EQ(ex.outcome, Outcome::Response) << ex.detail;
  ASSERT_EQ(c.reasons.size(), 1u);
  EXPECT_EQ(c.reasons[0], "from address 0x1E, not 0x1D");
  ASSERT_TRUE(ex.response);
  EXPECT_EQ(ex.response->layers[0].def().id, "smbus");
}

// An I3C target that the controller gives its dynamic address (0x11) on its third look at the
// bus; what the controller writes (queued on `inner` by the test) reaches it only once it has
// sent something, as a response comes only after its request.
class JoiningI3cTarget : public Exerciser {
 public:
  explicit JoiningI3cTarget(std::unique_ptr<Exerciser> inner) : inner_(std::move(inner)) {}
  std::string_view link() const override { return "i3c"; }
  void send(ByteView frame) override {
    inner_->send(frame);
    sent_ = true;
  }
  std::optional<Bytes> try_recv() override {
    if (!address_ && ++looks_ == 3) address_ = 0x11;
    return sent_ ? inner_->try_recv() : std::nullopt;
  }
  int fd() const override { return -1; }
  std::optional<std::uint8_t> own_address() const override { return address_; }

 private:
  std::unique_ptr<Exerciser> inner_;
  std::optional<std::uint8_t> address_;
  int looks_ = 0;
  bool sent_ = false;
};

TEST(Requester, AnI3cTargetWaitsForItsDynamicAddressThenSendsForTheControllerToRead) {
  auto [near_raw, far] = loopback_pair("i3c");
  JoiningI3cTarget near(std::move(near_raw));
  // The controller's private write of the response to 0x11: PEC over 0x22 and the packet.
  far->send(hex("22 01 08 09 C0 00 00 02 00 09 00 00 58"));
  Requester r(near);
  Exchange ex = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {2000ms, 0});
  // The request is read by the controller: address byte 0x11<<1 | 1, PEC over it and the packet.
  ASSERT_EQ(ex.request_packets.size(), 1u);
  EXPECT_EQ(to_hex(ex.request_packets[0]), "23 01 09 08 C8 00 80 02 59");
  EXPECT_EQ(ex.outcome, Outcome::Response) << ex.detail;
}

TEST(Requester, RetriesUntilTheResponderAnswers) {
  std::unique_ptr<exerciser::Exerciser> near, far;
  std::tie(near, far) = loopback_pair();
  std::thread responder([&far] {
    // Ignores the first copy, answers the second.
    int seen = 0;
    while (auto frame = recv(*far, 2000ms)) {
      if (++seen == 2) {
        EXPECT_EQ(*frame, kGetEid);
        far->send(kGetEidResponse);
        return;
      }
    }
  });
  Requester r(*near);
  Exchange ex = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {100ms, 3});
  responder.join();
  EXPECT_EQ(ex.outcome, Outcome::Response);
  EXPECT_EQ(ex.tries, 2);
}

TEST(Requester, FloodWhileWaitingStaysBounded) {
  std::unique_ptr<exerciser::Exerciser> near, far;
  std::tie(near, far) = loopback_pair();
  constexpr int kFlood = 20000;
  std::thread flooder([&far] {
    // First packets of messages that never end, each from its own terminus, then the response.
    for (int i = 0; i < kFlood; ++i) {
      const auto src = static_cast<std::uint8_t>(0x10 + i % 200);
      const auto tag = static_cast<std::uint8_t>(0x80 | (i % 8));
      far->send(Bytes{0x01, 0x08, src, tag, 0x7E, 0x00, 0x01, 0x02, 0x03});
    }
    far->send(kGetEidResponse);
  });
  Requester r(*near);
  std::size_t told = 0;
  r.set_unmatched_listener([&told](const Unmatched&) { ++told; });
  Exchange ex = r.request(expr("mctp(dst=9,src=8)/control()/get_endpoint_id()"), {5000ms, 0});
  flooder.join();
  EXPECT_EQ(ex.outcome, Outcome::Response) << ex.detail;
  // All but the assemblies still open (at most 16) were dropped and told.
  EXPECT_GE(told, static_cast<std::size_t>(kFlood - 16));
}

TEST(Requester, RefusesWhatIsNotARequestItCanSend) {
  auto [near, far] = loopback_pair("smbus");
  Requester r(*near);
  EXPECT_THROW(r.request(expr("control()/get_endpoint_id()")), std::invalid_argument);
  try {
    r.request(expr("serial()/mctp(dst=9,src=8)/control()/get_endpoint_id()"));
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "the message starts with serial(...) but the exerciser carries smbus frames (smbus)");
  }
}

TEST(Requester, SendAddsTheBindingLayerOnly) {
  auto [near_raw, far] = loopback_pair("smbus");
  testing::Addressed near(std::move(near_raw), 0x10, 0x1D);
  Requester r(near);
  auto packets = r.send(expr("mctp(dst=9,src=8,to=1,tag=0)/control(iid=0)/get_endpoint_id()"));
  ASSERT_EQ(packets.size(), 1u);
  EXPECT_EQ(packets[0], hex("3A 0F 08 21 01 09 08 C8 00 80 02 30"));
  EXPECT_EQ(far->try_recv(), packets[0]);
}

}  // namespace
}  // namespace mctpkit::exerciser
