// Request/response matching beyond the analyzer's samples: the bound on waiting requests, a
// broadcast request answered by several endpoints, input that is not an MCTP message, and a
// message given by the frame of its packet.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "mctpkit/analysis/matcher.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"

namespace mctpkit::analysis {
namespace {

Frame message(std::string_view hex) {
  auto bytes = parse_hex(hex);
  if (!bytes) throw std::invalid_argument("bad hex in test");
  return decode(*bytes, "mctp");
}

// Get Endpoint ID from EID 0x10 to `dst` with tag `tag` and instance ID 1, and its answer.
Frame get_eid_request(std::uint8_t dst, std::uint8_t tag) {
  return message(fmt::format("01 {:02X} 10 {:02X} 00 81 02", dst, 0xC8 | tag));
}
Frame get_eid_response(std::uint8_t src, std::uint8_t tag) {
  return message(fmt::format("01 10 {:02X} {:02X} 00 01 02 00 {:02X} 00 00", src, 0xC0 | tag, src));
}

std::vector<std::uint64_t> waiting_frames(const Matcher& m) {
  std::vector<std::uint64_t> out;
  for (const PendingRequest* r : m.unanswered()) out.push_back(r->frame);
  return out;
}

TEST(Matcher, TheOldestWaitingRequestIsForgottenAtTheLimit) {
  Matcher m(Matcher::Limits{.max_outstanding = 2});
  EXPECT_EQ(m.add(get_eid_request(0x08, 0), 100, 1).kind, MatchResult::Kind::Request);
  EXPECT_EQ(m.add(get_eid_request(0x08, 1), 200, 2).kind, MatchResult::Kind::Request);
  EXPECT_EQ(m.evicted_unanswered(), 0u);
  EXPECT_EQ(m.add(get_eid_request(0x08, 2), 300, 3).kind, MatchResult::Kind::Request);
  EXPECT_EQ(m.evicted_unanswered(), 1u);
  EXPECT_EQ(waiting_frames(m), (std::vector<std::uint64_t>{2, 3}));
  // The forgotten request's answer matches nothing; the others still match.
  EXPECT_EQ(m.add(get_eid_response(0x08, 0), 400, 4).kind, MatchResult::Kind::UnmatchedResponse);
  MatchResult answer = m.add(get_eid_response(0x08, 2), 500, 5);
  ASSERT_EQ(answer.kind, MatchResult::Kind::Response);
  ASSERT_TRUE(answer.request);
  EXPECT_EQ(answer.request->frame, 3u);
  EXPECT_EQ(answer.request->time_ns, 300);
  EXPECT_EQ(answer.request->command, "control get_endpoint_id");
  EXPECT_EQ(waiting_frames(m), (std::vector<std::uint64_t>{2}));
}

TEST(Matcher, ABroadcastRequestIsAnsweredByEveryEndpoint) {
  Matcher m;
  EXPECT_EQ(m.add(get_eid_request(0xFF, 3), std::nullopt, 1).kind, MatchResult::Kind::Request);
  for (std::uint8_t responder : {0x1D, 0x1E}) {
    MatchResult answer = m.add(get_eid_response(responder, 3), std::nullopt, 2);
    ASSERT_EQ(answer.kind, MatchResult::Kind::Response) << int(responder);
    EXPECT_EQ(answer.request->frame, 1u);
  }
  // Answered once, it no longer counts as waiting.
  EXPECT_TRUE(m.unanswered().empty());
  EXPECT_EQ(m.evicted_unanswered(), 0u);
}

TEST(Matcher, AFrameWithoutTransportIsNotAMessage) {
  Matcher m;
  Frame smbus_only = decode(*parse_hex("20 0F"), "smbus");
  EXPECT_EQ(m.add(smbus_only, std::nullopt, 1).kind, MatchResult::Kind::NotAMessage);
  EXPECT_EQ(m.add(Frame{}, std::nullopt, 2).kind, MatchResult::Kind::NotAMessage);
  EXPECT_EQ(command_label(Frame{}, default_registry()), "not mctp");
  EXPECT_TRUE(m.unanswered().empty());
}

// A message left in its packet (mctp::Event::in_packet) is matched from the packet's frame, whose
// layers from the MCTP transport layer on are the message's, and keeps the message's own bytes
// for decoding its response in context, not the packet's.
TEST(Matcher, AMessageInItsPacketIsMatchedByItsLayersAndKeepsItsOwnBytes) {
  Bytes smbus = *parse_hex("20 0F 08 21 01 09 10 C8 00 81 02");
  smbus.push_back(crc::crc8_smbus(smbus));
  const Frame packet = decode(smbus, "smbus");
  ASSERT_TRUE(packet.diagnostics.empty());
  const Bytes message_bytes = *parse_hex("01 09 10 C8 00 81 02");
  Matcher m;
  EXPECT_EQ(m.add_layers(packet, message_bytes, 100, 1).kind, MatchResult::Kind::Request);
  ASSERT_EQ(m.unanswered().size(), 1u);
  EXPECT_EQ(m.unanswered()[0]->message, message_bytes);
  EXPECT_EQ(m.unanswered()[0]->command, "control get_endpoint_id");
  MatchResult answer = m.add(get_eid_response(0x09, 0), 150, 2);
  ASSERT_EQ(answer.kind, MatchResult::Kind::Response);
  EXPECT_EQ(answer.request->frame, 1u);
  EXPECT_EQ(answer.request->message, message_bytes);
}

}  // namespace
}  // namespace mctpkit::analysis
