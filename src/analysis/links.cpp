#include "mctpkit/analysis/links.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/reassembly.hpp"

namespace mctpkit::analysis {

std::optional<std::uint64_t> ResponseIndex::response_of(std::uint64_t request_frame) const {
  auto it = responses_.find(request_frame);
  if (it == responses_.end()) return std::nullopt;
  return it->second;
}

std::optional<ResponseIndex> index_responses(const std::string& path, const capture::OpenOptions& options,
                                             std::optional<std::uint64_t> count, const Registry& registry) {
  capture::OpenResult opened = capture::open_capture(path, options);
  if (!opened) return std::nullopt;
  ResponseIndex index;
  mctp::Reassembler reassembler(registry);
  Matcher matcher(Matcher::Limits{4096, 0});
  std::uint64_t packets = 0;
  auto take = [&](const std::vector<mctp::Event>& events, std::uint64_t number) {
    for (const mctp::Event& e : events) {
      if (e.kind != mctp::EventKind::Message) continue;
      MatchResult m = matcher.add(e.message, std::nullopt, number);
      if (m.kind == MatchResult::Kind::Response) index.add(m.request->frame, number);
    }
  };
  while (!(count && packets >= *count)) {
    std::optional<capture::CaptureRecord> record = opened.reader->next();
    if (!record) break;
    if (record->link.empty()) continue;
    ++packets;
    take(reassembler.push(decode(record->data, record->link, registry), record->time_ns, record->number),
         record->number);
  }
  return index;
}

std::string response_time_text(std::int64_t ns) { return fmt::format("{:.3f}", static_cast<double>(ns) / 1e6); }

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

std::string link_json(const MessageLink& link) {
  std::string out;
  if (link.response_in) out += fmt::format(",\"response_in\":{}", *link.response_in);
  if (link.response_to) out += fmt::format(",\"response_to\":{}", *link.response_to);
  if (link.response_time_ns) out += ",\"response_time_ms\":" + response_time_text(*link.response_time_ns);
  if (!link.request_command.empty()) out += ",\"request_command\":" + nlohmann::json(link.request_command).dump();
  return out;
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
