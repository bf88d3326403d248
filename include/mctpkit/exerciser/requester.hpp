#pragma once
// Send a request, wait for the response that answers it (PyMCTP's sr1, done right).
//
// The requester takes a message that starts at the MCTP transport layer (or carries the binding
// layer when the caller wants to set it), fills what a request needs (TO=1, rq=1, a free tag and
// instance ID when not given), adds the exerciser's binding layer with its addresses, fragments
// at the exerciser's transmission unit, sends, and reassembles and matches what comes back. A
// response matches when its EIDs are the request's swapped (or the request went to EID 0 or the
// broadcast EID), the tag is the same, TO is set in the request and clear in the response, and
// the message-level keys agree (control command and instance ID, PLDM instance ID and command;
// binding addresses swapped). Frames that do not match go to the listener, never lost silently.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser {

struct RequestOptions {
  /// Time to wait for each try; nullopt uses the binding's default (protocol reference timing).
  std::optional<std::chrono::milliseconds> timeout;
  /// Further tries after a timeout; nullopt uses the binding's default.
  std::optional<int> retries;
};

enum class Outcome {
  Response,            // a matching response with a success completion code (or none to check)
  ErrorCompletion,     // a matching response whose completion code is an error
  NoResponse,          // nothing matched within the timeout and retries
  UnexpectedResponse,  // no match, but a response came back with the request's EIDs and tag
                       // and a different command or instance ID (see Exchange::unexpected)
};

/// "response", "error completion", "no response", "unexpected response".
std::string_view to_string(Outcome outcome);

/// One exchange: what was sent and what answered it.
struct Exchange {
  Outcome outcome = Outcome::NoResponse;
  std::vector<Bytes> request_packets;  // the binding frames sent (the last try's)
  Frame request;                       // the request as built, decoded from its message
  std::optional<Frame> response;       // the whole response message, decoded (reassembled)
  std::vector<Bytes> response_packets; // the binding frames that carried it
  std::chrono::microseconds latency{0};// from the last packet sent to the last packet received
  int tries = 0;
  std::string detail;                  // a sentence for people: "no response after 3 tries of 100 ms", ...
  std::vector<std::string> unexpected; // why each unexpected response did not match
  std::optional<std::uint64_t> completion_code;  // of the response, when its message has one
};

/// A frame (or reassembled message) that did not answer the request, and why.
struct Unmatched {
  const Frame& frame;       // decoded with the exerciser's link, or a reassembled message (link "mctp")
  ByteView wire;            // the binding frame (the last one, for a reassembled message)
  std::string_view reason;  // "from EID 0x0A, not 0x09", "unexpected response: mctpc.command is ...", a
                            // reassembly event's text, ...
  bool unexpected_response; // it had the request's EIDs and tag but not its command or instance ID
};
using UnmatchedListener = std::function<void(const Unmatched&)>;

/// A frame that arrived while waiting and did not answer the request.
using Listener = std::function<void(const Frame& frame, ByteView wire)>;

class Requester {
 public:
  explicit Requester(Exerciser& exerciser, const Registry& registry = default_registry());
  ~Requester();
  Requester(const Requester&) = delete;
  Requester& operator=(const Requester&) = delete;

  /// Frames that arrive and answer no request go here (unsolicited, unrelated, late).
  void set_listener(Listener listener);
  /// The same, with the reason each frame did not match (replaces set_listener's callback).
  void set_unmatched_listener(UnmatchedListener listener);

  /// Waits up to `duration` for frames and hands each to the listener (nothing is requested).
  /// Returns the number of frames received.
  std::size_t drain(std::chrono::milliseconds duration);

  /// Sends `request` and waits for its response. On an I3C target that has no dynamic address
  /// yet, it first waits (within the timeout) for the controller to assign one, since the
  /// request's address byte and PEC carry it. Throws std::invalid_argument when the request
  /// cannot be built, TransportError when the transport fails.
  Exchange request(Frame request, const RequestOptions& options = {});

  /// Sends `message` as it is (fragmented at the transmission unit) without waiting; the
  /// exerciser's binding layer is added when absent.
  std::vector<Bytes> send(Frame message);

  /// Fills what `request` needs to be sent (binding layer and addresses, TO, tag, rq, instance
  /// IDs), allocating a tag and instance IDs as request() does. Throws std::invalid_argument.
  Frame prepare(Frame request);

  /// The timeout and retries used when RequestOptions leaves them unset.
  std::chrono::milliseconds default_timeout() const;
  int default_retries() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mctpkit::exerciser
