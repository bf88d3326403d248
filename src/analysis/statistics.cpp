#include "mctpkit/analysis/statistics.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace mctpkit::analysis {

namespace {

std::string millis(std::int64_t ns) { return fmt::format("{:.3f}", static_cast<double>(ns) / 1e6); }

// One more of `command` in counts kept by command number.
void count(std::vector<std::uint64_t>& counts, CommandNames::Id command) {
  if (command >= counts.size()) counts.resize(command + 1);
  ++counts[command];
}

}  // namespace

Statistics::CommandId Statistics::add_packet(const Frame& packet, std::uint64_t frame_number) {
  ++packets_;
  const CommandId command = commands_.id_of(packet);
  count(packets_by_command_, command);
  if (!packet.diagnostics.empty()) {
    packet_diagnostics_.add(packet, frame_number);
    count_bad_checksums(packet);
  }
  return command;
}

void Statistics::add_message_diagnostics(const mctp::Event& message, std::uint64_t frame_number) {
  if (message.packets.size() < 2 || message.message.diagnostics.empty()) return;
  message_diagnostics_.add(message.message, frame_number);
  count_bad_checksums(message.message);
}

void Statistics::count_bad_checksums(const Frame& frame) {
  for (const Diagnostic& d : frame.diagnostics) {
    if (d.kind == DiagKind::BadChecksum) ++bad_checksums_by_layer_[d.layer_id];
  }
}

void Statistics::DiagnosticCounts::add(const Frame& frame, std::uint64_t frame_number) {
  const auto& diagnostics = frame.diagnostics;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const DiagKind kind = diagnostics[i].kind;
    ++by_kind[kind];
    // The frame counts once per kind, however many diagnostics of the kind it has.
    const bool first_of_kind = std::none_of(diagnostics.begin(), diagnostics.begin() + static_cast<std::ptrdiff_t>(i),
                                            [&](const Diagnostic& e) { return e.kind == kind; });
    if (!first_of_kind || frame_number == 0) continue;
    ++frames_by_kind[kind];
    std::vector<std::uint64_t>& numbers = frames[kind];
    if (numbers.size() < kFramesPerKind) numbers.push_back(frame_number);
  }
}

void Statistics::add_message(const Frame& message, std::optional<std::int64_t> time_ns, std::uint64_t frame_number,
                             std::optional<CommandId> known) {
  ++messages_;
  const CommandId command = known ? *known : commands_.id_of(message);
  count(messages_by_command_, command);
  // The message's bytes are not needed: this matcher keeps no request bytes.
  MatchResult match = matcher_.add_layers(message, {}, time_ns, frame_number, nullptr, command);
  if (match.replaced_unanswered) ++tag_reuse_;
  if (match.kind == MatchResult::Kind::UnmatchedResponse) ++unmatched_responses_;
  if (match.kind != MatchResult::Kind::Response) return;
  ++matched_;
  if (match.request->time_ns && time_ns) latencies_.add(match.request->command_id, *time_ns - *match.request->time_ns);
}

void Statistics::add_reassembly_event(const mctp::Event& event) {
  if (event.kind == mctp::EventKind::Message) return;
  ++reassembly_problems_[event.kind];
}

namespace {

// Counts by key as counts by name, in name order; keys with one name add up.
template <typename Counts, typename Name>
std::map<std::string, std::uint64_t> by_name(const Counts& counts, Name name) {
  std::map<std::string, std::uint64_t> out;
  for (const auto& [key, n] : counts) out[std::string(name(key))] += n;
  return out;
}

// Counts by command number as counts by name.
std::map<std::string, std::uint64_t> by_name(const std::vector<std::uint64_t>& counts, const CommandNames& names) {
  std::map<std::string, std::uint64_t> out;
  for (std::size_t id = 0; id < counts.size(); ++id) {
    if (counts[id] != 0) out.emplace(names.name(static_cast<CommandNames::Id>(id)), counts[id]);
  }
  return out;
}

}  // namespace

Statistics::Figures Statistics::figures() const {
  Figures f;
  f.packets = packets_;
  f.skipped_records = skipped_records_;
  f.messages = messages_;
  f.packets_by_command = by_name(packets_by_command_, commands_);
  f.messages_by_command = by_name(messages_by_command_, commands_);
  f.matched = matched_;
  // By command name; a number stands for one name, so no two entries share one.
  std::map<std::string_view, Latencies::Summary> latencies;
  for (CommandId id = 0; id < latencies_.commands(); ++id) {
    if (auto summary = latencies_.summary(id)) latencies.emplace(commands_.name(id), *summary);
  }
  for (const auto& [command, l] : latencies) {
    f.latencies.push_back({std::string(command), l.pairs, l.min_ns, l.median_ns, l.max_ns, l.sampled});
  }
  const std::vector<const PendingRequest*> unanswered = matcher_.unanswered();
  for (const PendingRequest* r : unanswered) f.unanswered.push_back({r->frame, commands_.name(r->command_id)});
  // A request whose tag was reused before any answer came is lost: it counts as unanswered.
  f.never_answered = unanswered.size() + matcher_.evicted_unanswered() + tag_reuse_;
  f.unmatched_responses = unmatched_responses_;
  f.tag_reuse = tag_reuse_;
  f.reassembly_problems = by_name(reassembly_problems_, [](mctp::EventKind kind) { return mctp::to_string(kind); });
  f.bad_checksums_by_layer = bad_checksums_by_layer_;
  f.packet_diagnostics = packet_diagnostics_.figures();
  f.message_diagnostics = message_diagnostics_.figures();
  return f;
}

Statistics::Figures::Diagnostics Statistics::DiagnosticCounts::figures() const {
  const auto kind_name = [](DiagKind kind) { return to_string(kind); };
  Figures::Diagnostics f;
  f.by_kind = by_name(by_kind, kind_name);
  f.frames_by_kind = by_name(frames_by_kind, kind_name);
  for (const auto& [kind, numbers] : frames) f.frames[std::string(to_string(kind))] = numbers;
  return f;
}

std::string Statistics::report() const {
  Figures f = figures();
  std::string out = "== Statistics ==\n";
  out += fmt::format("Packets: {}\n", f.packets);
  if (f.skipped_records) out += fmt::format("Records that are not MCTP (skipped): {}\n", f.skipped_records);
  out += fmt::format("Messages: {}\n", f.messages);
  auto table = [&](std::string_view title, const std::map<std::string, std::uint64_t>& m) {
    out += fmt::format("{}:{}\n", title, m.empty() ? " none" : "");
    for (const auto& [name, n] : m) out += fmt::format("  {:<56} {:>9}\n", name, n);
  };
  table("Packets by message type and command", f.packets_by_command);
  table("Messages by message type and command", f.messages_by_command);

  out += fmt::format("Request/response pairs matched: {}\n", f.matched);
  if (!f.latencies.empty()) {
    out += fmt::format("  {:<44} {:>8} {:>12} {:>12} {:>12}\n", "command", "pairs", "min ms", "median ms", "max ms");
    for (const Latency& l : f.latencies) {
      out += fmt::format("  {:<44} {:>8} {:>12} {:>12} {:>12}{}\n", l.command, l.pairs, millis(l.min_ns),
                         millis(l.median_ns), millis(l.max_ns), l.sampled ? " (median of a sample)" : "");
    }
  }
  out += fmt::format("Requests never answered: {}\n", f.never_answered);
  for (std::size_t i = 0; i < f.unanswered.size() && i < 20; ++i) {
    out += fmt::format("  frame {}: {}\n", f.unanswered[i].frame, f.unanswered[i].command);
  }
  out += fmt::format("Responses without a request: {}\n", f.unmatched_responses);
  out += fmt::format("Tag reuse while a request was outstanding: {}\n", f.tag_reuse);
  table("Reassembly problems", f.reassembly_problems);
  table("Bad checksums (PEC, FCS, MIC) by layer", f.bad_checksums_by_layer);
  auto diagnostics = [&](std::string_view title, const Figures::Diagnostics& d) {
    table(title, d.by_kind);
    for (const auto& [kind, frames] : d.frames) {
      if (frames.empty()) continue;
      const std::uint64_t count = d.frames_by_kind.at(kind);
      out += fmt::format("  {} in frame{} {}{}\n", kind, count == 1 ? "" : "s", fmt::join(frames, ", "),
                         count > frames.size() ? fmt::format(" and {} more", count - frames.size()) : "");
    }
  };
  diagnostics("Decode diagnostics by kind", f.packet_diagnostics);
  diagnostics("Diagnostics of messages of several packets, by kind", f.message_diagnostics);
  return out;
}

}  // namespace mctpkit::analysis
