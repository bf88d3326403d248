// Request/response matching beyond the analyzer's samples: the bound on waiting requests, a
// broadcast request answered by several endpoints, input that is not an MCTP message, and a
// message given by the frame of its packet. Commands numbered by name (CommandNames), the number
// a request carries through the matcher, and the statistics that count by those numbers.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "mctpkit/analysis/matcher.hpp"
#include "mctpkit/analysis/statistics.hpp"
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

// Get Endpoint UUID with tag 1.
Frame get_uuid_request() { return message("01 08 10 C9 00 82 03"); }
// A middle packet of a message: no message type, so a continuation.
Frame continuation() { return message("01 08 10 08 11 22 33"); }

TEST(CommandNames, NumbersNamesInTheOrderFirstSeenAndSharesANumberForOneName) {
  CommandNames names;
  const Frame request = get_eid_request(0x08, 0), response = get_eid_response(0x08, 0);
  // A request and its response are different layers with one name.
  ASSERT_NE(&request.layers.back().def(), &response.layers.back().def());
  EXPECT_EQ(names.id_of(request), 0u);
  EXPECT_EQ(names.id_of(get_uuid_request()), 1u);
  EXPECT_EQ(names.id_of(response), 0u);
  EXPECT_EQ(names.id_of(continuation()), 2u);
  EXPECT_EQ(names.id_of(request), 0u);
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names.name(0), "control get_endpoint_id");
  EXPECT_EQ(names.name(1), "control get_endpoint_uuid");
  EXPECT_EQ(names.name(2), "continuation");
}

TEST(CommandNames, NamesPastTheCapacityShareOneNumberAndKnownNamesKeepTheirs) {
  CommandNames names(default_registry(), 2);
  EXPECT_EQ(names.id_of(get_eid_request(0x08, 0)), 0u);
  EXPECT_EQ(names.id_of(get_uuid_request()), 1u);
  EXPECT_EQ(names.id_of(continuation()), 2u);  // a third name: "other commands"
  EXPECT_EQ(names.id_of(message("01 08 10 C8 00 81 04 00")), 2u);  // a fourth one too
  // Parts not seen before (a response) find the name they share with known parts.
  EXPECT_EQ(names.id_of(get_eid_response(0x08, 0)), 0u);
  EXPECT_EQ(names.id_of(get_uuid_request()), 1u);
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names.name(2), "other commands");
}

TEST(Matcher, ARequestCarriesItsCallersCommandNumberToItsResponse) {
  Matcher m(Matcher::Limits{.max_outstanding = 8, .max_kept_message = 0, .label_commands = false});
  EXPECT_EQ(m.add_layers(get_eid_request(0x08, 3), {}, 100, 1, nullptr, 41).kind, MatchResult::Kind::Request);
  EXPECT_EQ(m.add_layers(get_uuid_request(), {}, 100, 2, nullptr, 42).kind, MatchResult::Kind::Request);
  ASSERT_EQ(m.unanswered().size(), 2u);
  EXPECT_EQ(m.unanswered()[1]->command_id, 42u);
  EXPECT_EQ(m.unanswered()[1]->command, "");  // not named: the caller names its numbers
  const MatchResult answer = m.add_layers(get_eid_response(0x08, 3), {}, 200, 3);
  ASSERT_EQ(answer.kind, MatchResult::Kind::Response);
  EXPECT_EQ(answer.request->command_id, 41u);
  EXPECT_EQ(answer.request->frame, 1u);
}

// Two request/response pairs and a request never answered, each message its own packet; the
// first run hands each message's command over from its packet, the second works it out again.
Statistics::Figures run(bool hand_over) {
  Statistics stats;
  const std::vector<std::pair<Frame, std::int64_t>> packets = {
      {get_eid_request(0x08, 0), 1'000'000}, {get_eid_response(0x08, 0), 3'000'000}, {get_uuid_request(), 4'000'000},
      {get_eid_request(0x08, 2), 5'000'000}, {get_eid_response(0x08, 2), 9'000'000}, {continuation(), 9'500'000}};
  std::uint64_t number = 0;
  for (const auto& [frame, time] : packets) {
    const Statistics::CommandId command = stats.add_packet(frame, ++number);
    if (frame.layers.back().def().id == "raw") continue;  // a continuation is no message
    stats.add_message(frame, time, number, hand_over ? std::optional(command) : std::nullopt);
  }
  return stats.figures();
}

TEST(Statistics, CountsAndLatenciesByCommandNameHowEverTheCommandIsFound) {
  for (bool hand_over : {true, false}) {
    SCOPED_TRACE(hand_over);
    const Statistics::Figures f = run(hand_over);
    EXPECT_EQ(f.packets, 6u);
    EXPECT_EQ(f.messages, 5u);
    EXPECT_EQ(f.packets_by_command, (std::map<std::string, std::uint64_t>{{"continuation", 1},
                                                                          {"control get_endpoint_id", 4},
                                                                          {"control get_endpoint_uuid", 1}}));
    EXPECT_EQ(f.messages_by_command, (std::map<std::string, std::uint64_t>{{"control get_endpoint_id", 4},
                                                                           {"control get_endpoint_uuid", 1}}));
    EXPECT_EQ(f.matched, 2u);
    ASSERT_EQ(f.latencies.size(), 1u);
    EXPECT_EQ(f.latencies[0].command, "control get_endpoint_id");
    EXPECT_EQ(f.latencies[0].pairs, 2u);
    EXPECT_EQ(f.latencies[0].min_ns, 2'000'000);
    EXPECT_EQ(f.latencies[0].median_ns, 3'000'000);
    EXPECT_EQ(f.latencies[0].max_ns, 4'000'000);
    ASSERT_EQ(f.unanswered.size(), 1u);
    EXPECT_EQ(f.unanswered[0].frame, 3u);
    EXPECT_EQ(f.unanswered[0].command, "control get_endpoint_uuid");
  }
}

// Past its limit of command names the report counts every further one under one name, and the
// latencies of a command seen before keep their own line.
TEST(Statistics, CommandsPastTheLimitCountUnderOtherCommands) {
  Statistics stats(Statistics::Limits{.max_commands = 1});
  const std::vector<std::pair<Frame, std::int64_t>> packets = {
      {get_eid_request(0x08, 2), 1'000'000}, {get_uuid_request(), 1'500'000},
      {get_eid_response(0x08, 2), 3'000'000}, {continuation(), 4'000'000}};
  std::uint64_t number = 0;
  for (const auto& [frame, time] : packets) {
    stats.add_packet(frame, ++number);
    if (frame.layers.back().def().id != "raw") stats.add_message(frame, time, number);
  }
  const Statistics::Figures f = stats.figures();
  EXPECT_EQ(f.packets_by_command, (std::map<std::string, std::uint64_t>{{"control get_endpoint_id", 2},
                                                                        {"other commands", 2}}));
  ASSERT_EQ(f.latencies.size(), 1u);
  EXPECT_EQ(f.latencies[0].command, "control get_endpoint_id");
  EXPECT_EQ(f.latencies[0].min_ns, 2'000'000);
  ASSERT_EQ(f.unanswered.size(), 1u);
  EXPECT_EQ(f.unanswered[0].command, "other commands");
}

}  // namespace
}  // namespace mctpkit::analysis
