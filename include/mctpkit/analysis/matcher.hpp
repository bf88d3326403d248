#pragma once
// Request/response matching over whole messages, as `--stats` and the per-packet links of
// `analyze` see it: a request (TO=1) waits, keyed by (requester EID, responder EID, tag); a
// response (TO=0) answers the request whose EIDs are its own swapped, or a request sent to the
// broadcast or null EID, with the same tag and (where the message type has one) instance ID.
// Memory is bounded: at most `max_outstanding` requests wait; the oldest is forgotten first.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mctpkit/analysis/command_label.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::analysis {

/// A request as remembered while it waits.
struct PendingRequest {
  std::string command;  // command_label() of the request (empty unless Limits::label_commands)
  std::uint32_t command_id = 0;  // the caller's number for the request's command (add_layers)
  std::optional<std::int64_t> time_ns;
  std::uint64_t frame = 0;  // frame number of its last packet
  /// The request message as one bare MCTP packet, kept when small enough to decode a response
  /// in its context (decode_response); empty otherwise.
  Bytes message;
};

struct MatchResult {
  enum class Kind {
    NotAMessage,         // no MCTP transport layer, or a continuation
    Request,             // a request, now waiting (datagrams included, which wait for nothing)
    Response,            // a response to `request`
    UnmatchedResponse,   // a response that answers no waiting request
  };
  Kind kind = Kind::NotAMessage;
  /// Request: another request with the same key was still unanswered and is now forgotten.
  bool replaced_unanswered = false;
  /// Request: it now waits for its response (a datagram waits for none).
  bool awaits_response = false;
  /// Request: the frames of earlier requests forgotten for it, which no response can match any
  /// more: the one with the same key, and the oldest one when too many were waiting.
  std::optional<std::uint64_t> replaced_frame;
  std::optional<std::uint64_t> evicted_frame;
  /// Response: the request it answers, valid until the matcher's next add().
  const PendingRequest* request = nullptr;
};

class Matcher {
 public:
  struct Limits {
    std::size_t max_outstanding = 4096;     // requests awaiting a response
    std::size_t max_kept_message = 1024;    // largest request kept to decode its response with
    /// Name each request's command (PendingRequest::command). Naming costs as much as matching:
    /// a caller that only decodes responses in their request's context leaves it off.
    bool label_commands = true;
  };

  Matcher() : Matcher(Limits{}) {}
  explicit Matcher(Limits limits, const Registry& registry = default_registry())
      : limits_(limits), labels_(registry) {}

  /// A whole message (single-packet or reassembled) at the time of its last packet. `parts`:
  /// command_parts() of the message, when the caller has them already.
  MatchResult add(const Frame& message, std::optional<std::int64_t> time_ns, std::uint64_t frame,
                  const CommandParts* parts = nullptr) {
    return add_layers(message, message.data, time_ns, frame, parts);
  }
  /// The same for a message given as its bytes and a frame that holds its layers from its MCTP
  /// transport layer on: its own, or that of the packet that is the whole message
  /// (mctp::Event::in_packet). `command_id`: a number the caller gives the message's command,
  /// kept with a request (PendingRequest::command_id) for a caller that names commands itself.
  MatchResult add_layers(const Frame& message, ByteView message_bytes, std::optional<std::int64_t> time_ns,
                         std::uint64_t frame, const CommandParts* parts = nullptr, std::uint32_t command_id = 0);

  /// Requests still waiting, oldest first.
  std::vector<const PendingRequest*> unanswered() const;
  /// Requests forgotten unanswered because too many were waiting.
  std::uint64_t evicted_unanswered() const { return evicted_unanswered_; }

 private:
  struct Outstanding {
    PendingRequest request;
    std::optional<std::uint64_t> iid;
    bool broadcast = false;
    bool answered = false;
    std::uint64_t order = 0;
  };
  using Map = std::map<std::uint64_t, Outstanding>;  // key: requester, responder, tag

  /// Forgets the request waiting longest; returns its frame.
  std::optional<std::uint64_t> forget_oldest();
  /// Takes `it` out of the map, keeping its node (and the storage of its request) for reuse.
  void release(Map::iterator it);

  Limits limits_;
  Map outstanding_;
  std::vector<Map::node_type> spare_;  // nodes of requests gone, reused for new ones
  PendingRequest answered_;            // the request of the last response
  std::uint64_t order_ = 0;
  std::uint64_t evicted_unanswered_ = 0;
  CommandLabels labels_;
};

}  // namespace mctpkit::analysis
