#pragma once
// Request/response links per message, as Wireshark shows them: a request names the frame of its
// response, a response names its request's frame, the time between them and the request's
// command; a response whose layout depends on its request (NVMe-MI response data) is decoded
// again with it. Responses find their requests as the capture is read; requests find their
// responses through a first pass over a capture file (ResponseIndex).

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "mctpkit/analysis/matcher.hpp"
#include "mctpkit/capture/open.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::analysis {

/// The links of one message (single-packet or reassembled).
struct MessageLink {
  std::optional<std::uint64_t> response_in;  // a request: the frame that answers it
  std::optional<std::uint64_t> response_to;  // a response: its request's frame
  std::optional<std::int64_t> response_time_ns;
  std::string request_command;  // a response: command_label() of its request

  bool empty() const { return !response_in && !response_to; }
};

/// Request frame -> response frame for a whole capture. Holds one entry per answered request.
class ResponseIndex {
 public:
  void add(std::uint64_t request_frame, std::uint64_t response_frame) { responses_.emplace(request_frame, response_frame); }
  std::optional<std::uint64_t> response_of(std::uint64_t request_frame) const;
  std::size_t size() const { return responses_.size(); }

 private:
  std::unordered_map<std::uint64_t, std::uint64_t> responses_;
};

/// Reads the capture at `path` once (decode, reassembly, matching; up to `count` packets) and
/// returns where each request was answered. nullopt when the capture cannot be read.
std::optional<ResponseIndex> index_responses(const std::string& path, const capture::OpenOptions& options,
                                             std::optional<std::uint64_t> count,
                                             const Registry& registry = default_registry());

/// Text of a response time: milliseconds with three decimals ("1.250").
std::string response_time_text(std::int64_t ns);

/// The tree section of a link ("Request/response" and its lines), empty for no link.
std::string link_tree(const MessageLink& link);
/// The JSON members of a link, each preceded by a comma (`,"response_to":3,...`).
std::string link_json(const MessageLink& link);
/// The value of a link pseudo-field (mctp.response_in, mctp.response_to, mctp.response_time,
/// mctp.request_command); nullopt when `name` is not one of them.
std::optional<std::string> link_field(const MessageLink& link, std::string_view name);

}  // namespace mctpkit::analysis
