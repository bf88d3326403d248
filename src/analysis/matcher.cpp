#include "mctpkit/analysis/matcher.hpp"

#include <algorithm>

#include "mctpkit/mctp/fragment.hpp"
#include "analysis/header_places.hpp"

namespace mctpkit::analysis {

namespace {

// The transport layer's fields: handles find them without a search.
const FieldHandle kMsgType{"msg_type"}, kSrc{"src"}, kDst{"dst"}, kTag{"tag"}, kTo{"to"};

std::uint64_t pair_key(std::uint64_t requester, std::uint64_t responder, std::uint64_t tag) {
  return requester << 16 | responder << 8 | tag;
}

}  // namespace

std::optional<std::uint64_t> Matcher::forget_oldest() {
  auto oldest = std::min_element(outstanding_.begin(), outstanding_.end(),
                                 [](const auto& a, const auto& b) { return a.second.order < b.second.order; });
  if (oldest == outstanding_.end()) return std::nullopt;
  if (!oldest->second.answered) ++evicted_unanswered_;
  const std::uint64_t frame = oldest->second.request.frame;
  release(oldest);
  return frame;
}

void Matcher::release(Map::iterator it) {
  // A bounded number of nodes is kept: a burst of requests must not pin its memory for good.
  constexpr std::size_t kMaxSpareNodes = 64;
  if (spare_.size() < kMaxSpareNodes) {
    spare_.push_back(outstanding_.extract(it));
  } else {
    outstanding_.erase(it);
  }
}

MatchResult Matcher::add_layers(const Frame& message, ByteView message_bytes, std::optional<std::int64_t> time_ns,
                                std::uint64_t frame, const CommandParts* parts, std::uint32_t command_id) {
  MatchResult result;
  const std::size_t t = mctp::transport_index(message);
  if (t == message.layers.size() || !message.layers[t].get(kMsgType)) return result;
  const Layer& transport = message.layers[t];
  const std::uint64_t src = transport.num(kSrc), dst = transport.num(kDst), tag = transport.num(kTag);
  std::optional<std::uint64_t> iid;
  bool datagram = false;
  if (t + 1 < message.layers.size()) {
    const Layer& header = message.layers[t + 1];
    const detail::HeaderPlaces places = detail::header_places(header);
    iid = header.get_at(places.iid);
    datagram = header.num_at(places.d) == 1 && header.num_at(places.rq) == 1;
  }
  if (transport.num(kTo) == 1) {
    result.kind = MatchResult::Kind::Request;
    if (datagram) return result;  // datagrams expect no response
    // Requests to the broadcast EID, or with physical addressing (null EID), are answered from
    // the responder's own EID: they match a response from anyone.
    const bool any_responder = dst == 0xFF || dst == 0x00;
    const std::uint64_t key = pair_key(src, any_responder ? 0xFF : dst, tag);
    if (auto it = outstanding_.find(key); it != outstanding_.end()) {
      result.replaced_unanswered = !it->second.answered;
      result.replaced_frame = it->second.request.frame;
      release(it);
    }
    if (outstanding_.size() >= limits_.max_outstanding) result.evicted_frame = forget_oldest();
    // A node of a request gone is filled in place: its command and message keep their storage.
    Map::iterator slot;
    if (!spare_.empty()) {
      Map::node_type node = std::move(spare_.back());
      spare_.pop_back();
      node.key() = key;
      slot = outstanding_.insert(std::move(node)).position;
    } else {
      slot = outstanding_.emplace(key, Outstanding{}).first;
    }
    Outstanding& o = slot->second;
    if (limits_.label_commands) {
      o.request.command = parts ? labels_.of(*parts) : labels_.of(message);
    } else {
      o.request.command.clear();
    }
    o.request.command_id = command_id;
    o.request.time_ns = time_ns;
    o.request.frame = frame;
    if (message_bytes.size() <= limits_.max_kept_message) {
      o.request.message.assign(message_bytes.begin(), message_bytes.end());
    } else {
      o.request.message.clear();
    }
    o.iid = iid;
    o.broadcast = dst == 0xFF;
    o.answered = false;
    o.order = order_++;
    result.awaits_response = true;
    return result;
  }
  auto it = outstanding_.find(pair_key(dst, src, tag));
  if (it == outstanding_.end()) it = outstanding_.find(pair_key(dst, 0xFF, tag));  // answer to a broadcast or null EID
  if (it == outstanding_.end() || (it->second.iid && iid && *it->second.iid != *iid) ||
      (it->second.answered && !it->second.broadcast)) {
    result.kind = MatchResult::Kind::UnmatchedResponse;
    return result;
  }
  result.kind = MatchResult::Kind::Response;
  if (it->second.broadcast) {
    it->second.answered = true;  // a broadcast may get many answers
    answered_ = it->second.request;
  } else {
    // Swapped out rather than copied: the storage goes round between the two.
    std::swap(answered_, it->second.request);
    release(it);
  }
  result.request = &answered_;
  return result;
}

std::vector<const PendingRequest*> Matcher::unanswered() const {
  std::vector<const Outstanding*> waiting;
  for (const auto& [key, o] : outstanding_) {
    if (!o.answered) waiting.push_back(&o);
  }
  std::sort(waiting.begin(), waiting.end(), [](auto* a, auto* b) { return a->order < b->order; });
  std::vector<const PendingRequest*> out;
  for (const Outstanding* o : waiting) out.push_back(&o->request);
  return out;
}

}  // namespace mctpkit::analysis
