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
#include <optional>
#include <string>
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
};

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
};

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

  /// Sends `request` and waits for its response. Throws std::invalid_argument when the request
  /// cannot be built, TransportError when the transport fails.
  Exchange request(Frame request, const RequestOptions& options = {});

  /// Sends `message` as it is (fragmented at the transmission unit) without waiting.
  std::vector<Bytes> send(Frame message);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mctpkit::exerciser
