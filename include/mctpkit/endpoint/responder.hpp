#pragma once
// Endpoint emulation: one or more MCTP endpoints (simple endpoint, bridge, bus owner, PLDM
// terminus) answering requests that arrive as binding frames.
//
// The responder takes every received frame, keeps the ones addressed to one of its endpoints
// (physical address, then EID: its own, the null EID 0 or, for control, the broadcast EID 0xFF),
// reassembles multi-packet requests, and answers requests only (TO=1, and for control and PLDM
// Rq=1, D=0). Handlers sit in tables keyed like the registry's dispatch tables (control by
// command, PLDM by type and command), receive the decoded request and build the reply from
// layers. A reply keeps the tag, clears TO, swaps EIDs and physical addresses (on I3C: turns the
// transfer into a read), comes from the EID the request was sent to (the endpoint's EID before
// the request when it went to 0 or 0xFF), and is fragmented at the endpoint's transmission unit.
//
// A bridge forwards: a request that reaches a bridge's physical address for an EID its routing
// table covers is answered by the endpoint of this responder that has that EID, as though the
// bridge had passed it on; the reply leaves from the bridge's physical address with the
// endpoint's EID as source (the bridge rewrites medium headers only, DSP0236).

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"
#include "mctpkit/endpoint/config.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::endpoint {

/// Frames the responder wants sent, after `delay`.
struct Outgoing {
  std::vector<Bytes> frames;
  std::chrono::milliseconds delay{0};
};

/// Something worth logging: a frame that came in or went out.
struct LogEntry {
  bool outgoing = false;
  const Frame& frame;  // decoded with the link of the transport
  ByteView wire;
};
using LogSink = std::function<void(const LogEntry&)>;

class Responder {
 public:
  /// `link` is the link name of the frames ("smbus", "mctp", "serial"...).
  Responder(Config config, std::string link, const Registry& registry = default_registry());
  ~Responder();
  Responder(const Responder&) = delete;
  Responder& operator=(const Responder&) = delete;

  /// Adds canned replies to every endpoint (replies mined from a capture carry their EID).
  void add_canned(const std::vector<CannedReply>& replies);

  /// Handles one received frame; returns what to send (empty when nothing answers it).
  std::vector<Outgoing> handle(ByteView frame);

  /// The endpoints' present EIDs (they change with Set Endpoint ID), in configuration order.
  std::vector<std::uint8_t> eids() const;
  /// The configuration of endpoint `index` as the model stands now (effecters that were set...).
  const EndpointConfig& endpoint(std::size_t index) const;

  void set_log(LogSink sink);
  using NoteSink = std::function<void(const std::string&)>;
  /// Receives a line for each packet dropped for a reason worth telling (a bridge with a route
  /// for an EID that no emulated endpoint has).
  void set_notes(NoteSink sink);

  /// Replies are split into packets of at most the smaller of an endpoint's `mtu` and `bytes`
  /// of body: what the binding they leave on carries (serve() sets the exerciser's).
  void limit_transmission_unit(std::size_t bytes);

  using ClockSource = std::function<std::chrono::steady_clock::time_point()>;
  /// Where "now" comes from for readings that change over time (the steady clock by default).
  /// Time counts from the responder's construction, or from this call when a clock is set.
  void set_clock(ClockSource now);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Canned replies mined from a capture: each request (TO=1) paired with the response that
/// answers it (EIDs swapped, same tag, TO clear, same instance ID for control and PLDM).
/// Multi-packet messages are reassembled. Throws ConfigError when the capture cannot be read.
std::vector<CannedReply> mine_capture(const std::string& path, const Registry& registry = default_registry());
std::vector<CannedReply> mine_capture_memory(Bytes data, const Registry& registry = default_registry());

struct ServeOptions {
  /// Stop after answering this many requests (0 = no limit), once the last reply has left:
  /// delayed replies sent, and the replies of a target read by its controller
  /// (exerciser::output_pending()). Requests that arrive meanwhile are not answered.
  std::size_t max_requests = 0;
  /// Stop after this long (nullopt = no limit).
  std::optional<std::chrono::milliseconds> duration;
  /// Stop when this becomes true (set from a signal handler); checked at least every 100 ms.
  const std::atomic<bool>* stop = nullptr;
};

/// Runs `responder` on `exerciser` until a stop condition. Returns the number of requests
/// answered. Throws TransportError when the transport fails.
std::size_t serve(exerciser::Exerciser& exerciser, Responder& responder, const ServeOptions& options = {});

}  // namespace mctpkit::endpoint
