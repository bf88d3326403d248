#pragma once
// What makes a response answer a request, derived from the decoded layers rather than written
// per message type:
// - transport: the response's source EID is the request's destination (unless the request went
//   to EID 0 or the broadcast EID 0xFF), its destination is the request's source, same tag, TO
//   clear in the response, same message type;
// - binding: where the binding layer has `src`/`dst` addresses (SMBus, I3C), they are swapped;
// - message: every layer of the request that carries a request bit (`rq`: MCTP control, PLDM)
//   must appear in the response with rq clear and the same instance ID (`iid`) and dispatch keys
//   (command code, PLDM type).
// A frame that passes the transport and binding checks but not the message check is an
// "unexpected response"; one that fails earlier is unrelated traffic.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mctpkit/core/frame.hpp"

namespace mctpkit::exerciser::detail {

struct MatchKeys {
  std::uint8_t src = 0, dst = 0, tag = 0, msg_type = 0;
  bool to = false;
  std::optional<std::uint8_t> phys_src, phys_dst;  // binding addresses of the request
  struct Key {
    std::string layer;  // the layer's id
    std::string field;
    std::uint64_t value = 0;
  };
  std::vector<Key> message;  // instance IDs and command codes of layers with a request bit
  std::vector<std::string> layers_with_rq;
};

enum class Verdict : std::uint8_t { Answers, Unexpected, Unrelated };

struct MatchResult {
  Verdict verdict = Verdict::Unrelated;
  std::string reason;  // why it does not answer (empty when it does)
};

/// `message`: the request as one message decoded with link "mctp" (a reassembled message);
/// `binding`: the binding layer of the request's packets, or null.
MatchKeys request_keys(const Frame& message, const Layer* binding);

/// `message`: a received message decoded with link "mctp"; `binding`: the binding layer of its
/// first packet, or null.
MatchResult match_response(const MatchKeys& keys, const Frame& message, const Layer* binding);

/// Binding address field values (`src`, `dst`) of a binding layer, when it has them.
std::optional<std::uint8_t> address_field(const Layer* binding, std::string_view name);

/// The first completion code (`cc`) present in the layers above the transport, if any.
std::optional<std::uint64_t> completion_code(const Frame& message);

}  // namespace mctpkit::exerciser::detail
