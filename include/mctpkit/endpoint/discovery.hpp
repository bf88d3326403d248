#pragma once
// Bus owner discovery: find the endpoints behind a transport, give the dynamic ones EIDs from a
// pool, and ask each what it is.
//
// For each physical address (SMBus/I2C, I3C) the bus owner sends Get Endpoint ID to the null
// EID. Once every address was asked, each endpoint that answered gets an EID: one that reports
// a static EID (EID type "static EID supported" or "static EID, current matches") keeps it; the
// others are sent Set Endpoint ID (operation "set", to the null EID) with the lowest EID of the
// pool that is neither the bus owner's, nor a static EID seen on the bus, nor given already.
// Then Get Message Type Support and Get Endpoint UUID go to the EID each endpoint has. What
// goes wrong at one address (no response, an error completion, a rejected assignment, an
// empty pool) is recorded as a problem of that address, and discovery goes on with the next.
// On a link without physical addresses (serial, a bare MCTP link) the one peer is discovered.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mctpkit/core/registry.hpp"
#include "mctpkit/exerciser/exerciser.hpp"
#include "mctpkit/exerciser/requester.hpp"

namespace mctpkit::endpoint {

struct DiscoveryOptions {
  /// The bus owner's own EID, the source of every request (8-254).
  std::uint8_t own_eid = 0x08;
  /// The EIDs dynamic endpoints are given, lowest first (8-254, first <= last).
  std::uint8_t pool_first = 0x10;
  std::uint8_t pool_last = 0xFE;
  /// Physical addresses to ask, in this order. Empty: the exerciser's peer address (or, on a
  /// link without addresses, the one peer).
  std::vector<std::uint8_t> addresses;
  /// The bus owner's own physical address; nullopt takes the exerciser's.
  std::optional<std::uint8_t> own_address;
  /// Timeout and retries of each query (unset: the binding's defaults).
  exerciser::RequestOptions request;
  /// Called with every exchange made (to log it or write it to a capture).
  std::function<void(const exerciser::Exchange&)> on_exchange;
  /// Called with frames that answered no request.
  exerciser::UnmatchedListener on_unmatched;
  /// When this becomes true (set from a signal handler) no further request is sent and the
  /// result so far is returned, with `stopped` set.
  const std::atomic<bool>* stop = nullptr;
};

struct DiscoveredEndpoint {
  std::optional<std::uint8_t> physical_address;  // nullopt on a link without addresses
  std::uint8_t eid = 0;
  bool static_eid = false;                 // kept its static EID (not assigned from the pool)
  std::string endpoint_type;               // "simple" or "busowner" (bus owners and bridges)
  std::optional<std::string> uuid;         // "xxxxxxxx-xxxx-...", nullopt when not answered
  std::optional<std::vector<std::string>> message_types;  // names ("pldm", "spdm", "0x7E"...)
};

enum class ProblemKind {
  NoResponse,          // nothing answered within the timeout and retries
  ErrorCompletion,     // the response's completion code was an error
  UnexpectedResponse,  // a response with another command or instance ID came instead
  Rejected,            // Set Endpoint ID answered "rejected": the endpoint keeps its EID
  NotAssigned,         // Set Endpoint ID was accepted but the endpoint reports another EID
  PoolExhausted,       // no EID left in the pool for a dynamic endpoint
};

/// "no response", "error completion", "unexpected response", "rejected", "not assigned",
/// "pool exhausted".
std::string_view to_string(ProblemKind kind);

struct DiscoveryProblem {
  std::optional<std::uint8_t> physical_address;
  std::string command;  // "Get Endpoint ID", "Set Endpoint ID", ... (empty for PoolExhausted)
  ProblemKind kind = ProblemKind::NoResponse;
  std::string detail;   // "no response after 2 tries of 100 ms", "completion code 0x05 (error_unsupported_cmd)"...
};

struct DiscoveryResult {
  std::vector<DiscoveredEndpoint> endpoints;  // in address order
  std::vector<DiscoveryProblem> problems;     // in the order they happened
  std::size_t answered = 0;                   // addresses that answered Get Endpoint ID at all
  bool stopped = false;                       // DiscoveryOptions::stop ended discovery early
};

/// Runs discovery through `exerciser`. Throws std::invalid_argument for bad options (an EID
/// outside 8-254, an empty pool, addresses on a link without them, no address to ask) and
/// exerciser::TransportError when the transport fails.
DiscoveryResult discover(exerciser::Exerciser& exerciser, const DiscoveryOptions& options,
                         const Registry& registry = default_registry());

/// The endpoints as a table with a header row (ADDRESS, EID, EID TYPE, UUID, MESSAGE TYPES),
/// one line each; "-" where a value is not known.
std::string discovery_table(const DiscoveryResult& result);

/// One line per problem: "0x14: Get Endpoint ID: no response after 1 try of 50 ms".
std::string discovery_problems_text(const DiscoveryResult& result);

/// The result as one JSON object: {"endpoints": [...], "problems": [...], "stopped": false}
/// (docs/endpoint.md).
std::string discovery_json(const DiscoveryResult& result);

}  // namespace mctpkit::endpoint
