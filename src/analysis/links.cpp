#include "mctpkit/analysis/links.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit::analysis {

ResponseIndex::ResponseIndex(std::unique_ptr<capture::CaptureReader> reader, std::optional<std::uint64_t> count,
                             const Registry& registry, std::uint64_t window)
    : registry_(&registry),
      reader_(std::move(reader)),
      count_(count),
      window_(window),
      reassembler_(std::make_unique<mctp::Reassembler>(registry)),
      matcher_(std::make_unique<Matcher>(Matcher::Limits{4096, 0, false}, registry)) {}

ResponseIndex::ResponseIndex(ResponseIndex&&) noexcept = default;
ResponseIndex& ResponseIndex::operator=(ResponseIndex&&) noexcept = default;
ResponseIndex::~ResponseIndex() = default;

void ResponseIndex::read_through(std::uint64_t frame) {
  while (!ended_ && last_frame_ < frame) {
    if (count_ && packets_ >= *count_) break;
    std::optional<capture::CaptureRecord> record = reader_->next();
    if (!record) break;
    last_frame_ = record->number;
    if (record->link.empty()) continue;
    ++packets_;
    decode_into(packet_, record->data, record->link, *registry_);
    std::vector<mctp::Event> events = reassembler_->push(packet_, record->time_ns, record->number);
    for (const mctp::Event& e : events) {
      if (e.kind != mctp::EventKind::Message) continue;
      MatchResult m = matcher_->add(e.message, std::nullopt, record->number);
      if (m.kind == MatchResult::Kind::Response) responses_.emplace(m.request->frame, record->number);
    }
    reassembler_->recycle(std::move(events));
  }
  if (last_frame_ < frame) ended_ = true;
}

std::optional<std::uint64_t> ResponseIndex::response_of(std::uint64_t request_frame) {
  read_through(request_frame + window_);
  responses_.erase(responses_.begin(), responses_.lower_bound(request_frame));
  auto it = responses_.find(request_frame);
  if (it == responses_.end()) return std::nullopt;
  return it->second;
}

std::optional<ResponseIndex> index_responses(const std::string& path, const capture::OpenOptions& options,
                                             std::optional<std::uint64_t> count, const Registry& registry,
                                             std::uint64_t window) {
  capture::OpenResult opened = capture::open_capture(path, options);
  if (!opened) return std::nullopt;
  return ResponseIndex(std::move(opened.reader), count, registry, window);
}

std::string response_time_text(std::int64_t ns) {
  std::string out;
  append_response_time_text(out, ns);
  return out;
}

void append_response_time_text(std::string& out, std::int64_t ns) {
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:.3f}"), static_cast<double>(ns) / 1e6);
}

std::string link_tree(const MessageLink& link) {
  if (link.empty()) return {};
  std::string out = "Request/response\n";
  if (link.response_in) out += fmt::format("    Response in frame {} [mctp.response_in]\n", *link.response_in);
  if (link.response_to) out += fmt::format("    Response to the request in frame {} [mctp.response_to]\n", *link.response_to);
  if (link.response_time_ns) {
    out += fmt::format("    Time since the request: {} ms [mctp.response_time]\n", response_time_text(*link.response_time_ns));
  }
  if (!link.request_command.empty()) out += fmt::format("    Request: {} [mctp.request_command]\n", link.request_command);
  return out;
}

void append_link_json(std::string& out, const MessageLink& link) {
  auto append = std::back_inserter(out);
  if (link.response_in) fmt::format_to(append, FMT_COMPILE(",\"response_in\":{}"), *link.response_in);
  if (link.response_to) fmt::format_to(append, FMT_COMPILE(",\"response_to\":{}"), *link.response_to);
  if (link.response_time_ns) {
    out += ",\"response_time_ms\":";
    append_response_time_text(out, *link.response_time_ns);
  }
  if (!link.request_command.empty()) {
    out += ",\"request_command\":";
    output::append_json_string(out, link.request_command);
  }
}

std::optional<std::string> link_field(const MessageLink& link, std::string_view name) {
  auto number = [](const std::optional<std::uint64_t>& n) { return n ? std::to_string(*n) : std::string(); };
  if (name == "mctp.response_in") return number(link.response_in);
  if (name == "mctp.response_to") return number(link.response_to);
  if (name == "mctp.response_time") return link.response_time_ns ? response_time_text(*link.response_time_ns) : "";
  if (name == "mctp.request_command") return link.request_command;
  return std::nullopt;
}

}  // namespace mctpkit::analysis
