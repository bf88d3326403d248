#pragma once
// Request/response links per message, as Wireshark shows them: a request names the frame of its
// response, a response names its request's frame, the time between them and the request's
// command; a response whose layout depends on its request (NVMe-MI response data) is decoded
// again with it. Responses find their requests as the capture is read; requests find their
// responses through a second reader of the same file running ahead of the first (ResponseIndex),
// as far as a bounded window, so that memory stays flat however long the capture.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "mctpkit/analysis/matcher.hpp"
#include "mctpkit/capture/open.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::mctp {
class Reassembler;
}

namespace mctpkit::analysis {

/// The links of one message (single-packet or reassembled).
struct MessageLink {
  std::optional<std::uint64_t> response_in;  // a request: the frame that answers it
  std::optional<std::uint64_t> response_to;  // a response: its request's frame
  std::optional<std::int64_t> response_time_ns;
  std::string request_command;  // a response: command_label() of its request

  bool empty() const { return !response_in && !response_to; }
};

/// Where requests are answered, read ahead of the caller in its own pass over the capture
/// (decode, reassembly, matching). Asked in increasing frame order, it reads up to `window`
/// packets past the request and forgets requests before it, so it holds at most a window's worth
/// of entries: a response more than `window` packets after its request is not found.
class ResponseIndex {
 public:
  static constexpr std::uint64_t kDefaultWindow = 65536;

  ResponseIndex(std::unique_ptr<capture::CaptureReader> reader, std::optional<std::uint64_t> count,
                const Registry& registry, std::uint64_t window = kDefaultWindow);
  ResponseIndex(ResponseIndex&&) noexcept;
  ResponseIndex& operator=(ResponseIndex&&) noexcept;
  ~ResponseIndex();

  /// The frame that answers the request in `request_frame`; frames must be asked in increasing
  /// order (an earlier one may have been forgotten).
  std::optional<std::uint64_t> response_of(std::uint64_t request_frame);
  /// Answered requests held now (at most about a window's worth).
  std::size_t size() const { return responses_.size(); }

 private:
  void read_through(std::uint64_t frame);

  const Registry* registry_;
  std::unique_ptr<capture::CaptureReader> reader_;
  std::optional<std::uint64_t> count_;
  std::uint64_t window_;
  std::uint64_t packets_ = 0;
  std::uint64_t last_frame_ = 0;
  bool ended_ = false;
  std::unique_ptr<mctp::Reassembler> reassembler_;
  std::unique_ptr<Matcher> matcher_;
  std::map<std::uint64_t, std::uint64_t> responses_;  // request frame -> response frame
  Frame packet_;  // decoded into again for each packet read
};

/// Opens the capture at `path` again for a ResponseIndex (up to `count` packets); nullopt when
/// it cannot be read.
std::optional<ResponseIndex> index_responses(const std::string& path, const capture::OpenOptions& options,
                                             std::optional<std::uint64_t> count,
                                             const Registry& registry = default_registry(),
                                             std::uint64_t window = ResponseIndex::kDefaultWindow);

/// Text of a response time: milliseconds with three decimals ("1.250").
std::string response_time_text(std::int64_t ns);
/// response_time_text(ns) appended to `out`.
void append_response_time_text(std::string& out, std::int64_t ns);

/// The tree section of a link ("Request/response" and its lines), empty for no link.
std::string link_tree(const MessageLink& link);
/// The JSON members of a link, each preceded by a comma (`,"response_to":3,...`), appended to
/// `out`.
void append_link_json(std::string& out, const MessageLink& link);
/// The value of a link pseudo-field (mctp.response_in, mctp.response_to, mctp.response_time,
/// mctp.request_command); nullopt when `name` is not one of them.
std::optional<std::string> link_field(const MessageLink& link, std::string_view name);

}  // namespace mctpkit::analysis
