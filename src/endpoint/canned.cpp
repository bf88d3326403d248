// Canned replies: matching requests against request/response pairs, and mining those pairs
// from a capture (requests and the responses that answer them: EIDs swapped, same tag, TO set
// then clear, same instance ID for control and PLDM; multi-packet messages reassembled).

#include <fmt/format.h>

#include <map>
#include <tuple>

#include "detail/canned.hpp"
#include "mctpkit/capture/open.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/endpoint/responder.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::endpoint {

namespace detail {

namespace {

// Control and PLDM carry an instance ID in bits [4:0] of the byte after the type byte.
bool has_instance_id(ByteView body) {
  return body.size() >= 2 && ((body[0] & 0x7F) == mctp::kControl || (body[0] & 0x7F) == mctp::kPldm);
}

bool same_request(ByteView canned, ByteView body) {
  if (canned.size() != body.size()) return false;
  bool masked = has_instance_id(body);
  for (std::size_t i = 0; i < body.size(); ++i) {
    std::uint8_t mask = masked && i == 1 ? 0xE0 : 0xFF;
    if ((canned[i] & mask) != (body[i] & mask)) return false;
  }
  return true;
}

}  // namespace

const CannedReply* find_canned(const std::vector<CannedReply>& replies, ByteView body, std::uint8_t dst,
                               bool for_endpoint) {
  for (const CannedReply& r : replies) {
    bool applies = r.eid ? *r.eid == dst : for_endpoint;
    if (applies && same_request(r.request, body)) return &r;
  }
  return nullptr;
}

Bytes answer_canned(const CannedReply& reply, ByteView request) {
  Bytes body = reply.response;
  if (has_instance_id(request) && has_instance_id(body)) {
    body[1] = static_cast<std::uint8_t>((body[1] & 0xE0) | (request[1] & 0x1F));
  }
  return body;
}

}  // namespace detail

namespace {

// What pairs a response with its request.
using PairKey = std::tuple<std::uint8_t, std::uint8_t, std::uint8_t, int>;  // requester, responder, tag, iid

constexpr std::size_t kMaxUnanswered = 4096;

int instance_id(ByteView body) {
  std::uint8_t type = body.empty() ? 0xFF : body[0] & 0x7F;
  if (body.size() < 2 || (type != mctp::kControl && type != mctp::kPldm)) return -1;
  return body[1] & 0x1F;
}

std::vector<CannedReply> mine(capture::OpenResult opened, const Registry& registry) {
  if (!opened) throw ConfigError(opened.error);
  std::vector<CannedReply> out;
  std::map<PairKey, std::pair<Bytes, std::uint8_t>> waiting;  // request body and its destination EID
  mctp::Reassembler reassembler(registry);
  auto take = [&](const mctp::Event& e) {
    if (e.kind != mctp::EventKind::Message || e.message.layers.empty()) return;
    ByteView body = e.body();
    if (body.empty()) return;
    int iid = instance_id(body);
    if (e.key.to == 1) {
      if (iid >= 0 && (body[1] & 0x80) == 0) return;  // a control or PLDM response sent with TO set: not a request
      waiting[{e.key.src, e.key.dst, e.key.tag, iid}] = {Bytes(body.begin(), body.end()), e.key.dst};
      if (waiting.size() > kMaxUnanswered) waiting.erase(waiting.begin());  // bounded whatever the capture
      return;
    }
    // A response: from the request's destination (any source when the request went to EID 0).
    for (std::uint8_t from : {e.key.src, std::uint8_t{0}}) {
      auto it = waiting.find({e.key.dst, from, e.key.tag, iid});
      if (it == waiting.end()) continue;
      out.push_back(CannedReply{it->second.first, Bytes(body.begin(), body.end()), std::chrono::milliseconds(0),
                                it->second.second, e.key.src});
      waiting.erase(it);
      return;
    }
  };
  while (auto record = opened.reader->next()) {
    if (record->link.empty()) continue;
    Frame frame = decode(record->data, record->link, registry);
    for (const mctp::Event& e : reassembler.push(frame, record->time_ns)) take(e);
  }
  for (const mctp::Event& e : reassembler.flush()) take(e);
  return out;
}

}  // namespace

std::vector<CannedReply> mine_capture(const std::string& path, const Registry& registry) {
  return mine(capture::open_capture(path), registry);
}

std::vector<CannedReply> mine_capture_memory(Bytes data, const Registry& registry) {
  return mine(capture::open_capture_memory(std::move(data)), registry);
}

}  // namespace mctpkit::endpoint
