#pragma once
// Shared helpers of the endpoint tests: a responder from JSON, asking it one request, and
// reading replies back with mctpkit's own decoder.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "mctpkit/core/bytes.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/endpoint/responder.hpp"
#include "mctpkit/mctp/reassembly.hpp"

namespace mctpkit::endpoint::test {

/// The smallest configuration of the issue, with PLDM.
inline constexpr const char* kSmallest =
    R"({"physical_address": "0x10", "static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00",
        "message_types": ["control", "pldm"]})";

inline Bytes hex(std::string_view text) {
  std::optional<Bytes> bytes = parse_hex(text);
  if (!bytes) ADD_FAILURE() << "not hex: " << text;
  return bytes.value_or(Bytes{});
}

/// Every frame the responder sends for `request` (delays ignored).
inline std::vector<Bytes> ask(Responder& responder, const Bytes& request) {
  std::vector<Bytes> out;
  for (Outgoing& o : responder.handle(request)) {
    for (Bytes& f : o.frames) out.push_back(std::move(f));
  }
  return out;
}

/// The one frame answering `request`; fails the test when there is not exactly one.
inline Bytes ask_one(Responder& responder, const Bytes& request) {
  std::vector<Bytes> frames = ask(responder, request);
  EXPECT_EQ(frames.size(), 1u);
  return frames.empty() ? Bytes{} : frames[0];
}

/// `text` as a bare MCTP packet ("mctp" link): hex of the header and body.
inline std::string hex_of(const Bytes& b) { return to_hex(b); }

/// The reply message reassembled from `frames` and decoded.
inline Frame reassembled(const std::vector<Bytes>& frames, std::string_view link = "mctp") {
  mctp::Reassembler r;
  Frame message;
  for (const Bytes& f : frames) {
    for (mctp::Event& e : r.push(decode(f, link))) {
      if (e.kind == mctp::EventKind::Message) message = std::move(e.message);
    }
  }
  return message;
}

}  // namespace mctpkit::endpoint::test

namespace mctpkit::endpoint::test {

/// Asks `request` (hex) and expects exactly one frame, `reply` (hex), or none when `reply` is "".
inline void expect_reply(Responder& responder, std::string_view request, std::string_view reply) {
  std::vector<Bytes> frames = ask(responder, hex(request));
  if (reply.empty()) {
    EXPECT_TRUE(frames.empty()) << "request " << request << " was answered " << to_hex(frames[0]);
    return;
  }
  ASSERT_EQ(frames.size(), 1u) << "request " << request;
  EXPECT_EQ(to_hex(frames[0]), to_hex(hex(reply))) << "request " << request;
}

}  // namespace mctpkit::endpoint::test
