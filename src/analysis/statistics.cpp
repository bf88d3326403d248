#include "mctpkit/analysis/statistics.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::analysis {

namespace {

std::size_t transport_index(const Frame& f) {
  for (std::size_t i = 0; i < f.layers.size(); ++i) {
    if (f.layers[i].is(mctp::kTransport)) return i;
  }
  return f.layers.size();
}

std::string_view strip_direction(std::string_view id) {
  for (std::string_view suffix : {"_req", "_rsp"}) {
    if (id.size() > suffix.size() && id.substr(id.size() - suffix.size()) == suffix) {
      return id.substr(0, id.size() - suffix.size());
    }
  }
  return id;
}

std::uint64_t pair_key(std::uint64_t requester, std::uint64_t responder, std::uint64_t tag) {
  return requester << 16 | responder << 8 | tag;
}

std::string millis(std::int64_t ns) { return fmt::format("{:.3f}", static_cast<double>(ns) / 1e6); }

}  // namespace

std::string command_label(const Frame& frame) {
  std::size_t t = transport_index(frame);
  if (t == frame.layers.size()) return "not mctp";
  const Layer& transport = frame.layers[t];
  auto type = transport.get("msg_type");
  if (!type) return "continuation";
  std::string label = format_value(transport.def().fields[transport.index_of("msg_type")], transport.value(transport.index_of("msg_type")));
  for (std::size_t i = frame.layers.size(); i-- > t + 1;) {
    const Layer& l = frame.layers[i];
    if (l.is(kRawLayer)) continue;
    if (i > t + 1) {
      label += " " + std::string(strip_direction(l.def().id));
    } else if (std::size_t c = l.index_of("command"); c != Fields::npos && l.value(c).is_set()) {
      // Only the message header decoded (a request without body fields, an error response).
      label += " command " + format_value(l.def().fields[c], l.value(c));
    }
    break;
  }
  return label;
}

void Statistics::add_packet(const Frame& packet) {
  ++packets_;
  ++packets_by_command_[command_label(packet)];
  for (const Diagnostic& d : packet.diagnostics) {
    ++diagnostics_by_kind_[std::string(to_string(d.kind))];
    if (d.kind == DiagKind::BadChecksum) ++bad_checksums_by_layer_[d.layer_id];
  }
}

void Statistics::forget_oldest_outstanding() {
  auto oldest = std::min_element(outstanding_.begin(), outstanding_.end(),
                                 [](const auto& a, const auto& b) { return a.second.order < b.second.order; });
  if (oldest == outstanding_.end()) return;
  if (!oldest->second.answered) ++evicted_unanswered_;
  outstanding_.erase(oldest);
}

void Statistics::record_latency(const std::string& command, std::int64_t ns) {
  Latencies& l = latencies_[command];
  ++l.count;
  if (l.samples.size() < limits_.max_latency_samples) {
    l.samples.push_back(ns);
    return;
  }
  // Reservoir sampling keeps a uniform sample once the cap is reached.
  ++l.seen_for_sampling;
  std::uint64_t slot = (l.seen_for_sampling * 2654435761u) % l.count;
  if (slot < l.samples.size()) l.samples[slot] = ns;
}

void Statistics::add_message(const Frame& message, std::optional<std::int64_t> time_ns, std::uint64_t frame_number) {
  ++messages_;
  std::string command = command_label(message);
  ++messages_by_command_[command];
  std::size_t t = transport_index(message);
  if (t == message.layers.size()) return;
  const Layer& transport = message.layers[t];
  std::uint64_t src = transport.num("src"), dst = transport.num("dst"), tag = transport.num("tag");
  std::optional<std::uint64_t> iid;
  bool datagram = false;
  if (t + 1 < message.layers.size()) {
    iid = message.layers[t + 1].get("iid");
    datagram = message.layers[t + 1].num("d") == 1 && message.layers[t + 1].num("rq") == 1;
  }
  std::string_view base = command;
  if (transport.num("to") == 1) {
    if (datagram) return;  // datagrams expect no response
    // Requests to the broadcast EID, or with physical addressing (null EID), are answered from
    // the responder's own EID: they match a response from anyone.
    bool any_responder = dst == 0xFF || dst == 0x00;
    std::uint64_t key = pair_key(src, any_responder ? 0xFF : dst, tag);
    auto it = outstanding_.find(key);
    if (it != outstanding_.end()) {
      if (!it->second.answered) ++tag_reuse_;
      outstanding_.erase(it);
    }
    if (outstanding_.size() >= limits_.max_outstanding) forget_oldest_outstanding();
    outstanding_[key] = Outstanding{std::string(base), time_ns, frame_number, iid, dst == 0xFF, false, order_++};
    return;
  }
  auto it = outstanding_.find(pair_key(dst, src, tag));
  if (it == outstanding_.end()) it = outstanding_.find(pair_key(dst, 0xFF, tag));  // answer to a broadcast or null EID
  if (it == outstanding_.end() || (it->second.iid && iid && *it->second.iid != *iid) ||
      (it->second.answered && !it->second.broadcast)) {
    ++unmatched_responses_;
    return;
  }
  ++matched_;
  if (it->second.time_ns && time_ns) record_latency(it->second.command, *time_ns - *it->second.time_ns);
  if (it->second.broadcast) {
    it->second.answered = true;  // a broadcast may get many answers
  } else {
    outstanding_.erase(it);
  }
}

void Statistics::add_reassembly_event(const mctp::Event& event) {
  if (event.kind == mctp::EventKind::Message) return;
  ++reassembly_problems_[std::string(mctp::to_string(event.kind))];
}

Statistics::Figures Statistics::figures() const {
  Figures f;
  f.packets = packets_;
  f.skipped_records = skipped_records_;
  f.messages = messages_;
  f.packets_by_command = packets_by_command_;
  f.messages_by_command = messages_by_command_;
  f.matched = matched_;
  for (const auto& [command, l] : latencies_) {
    std::vector<std::int64_t> s = l.samples;
    std::sort(s.begin(), s.end());
    std::int64_t median = s.size() % 2 ? s[s.size() / 2] : (s[s.size() / 2 - 1] + s[s.size() / 2]) / 2;
    f.latencies.push_back({command, l.count, s.front(), median, s.back(), l.count > s.size()});
  }
  std::vector<const Outstanding*> unanswered;
  for (const auto& [key, o] : outstanding_) {
    if (!o.answered) unanswered.push_back(&o);
  }
  std::sort(unanswered.begin(), unanswered.end(), [](auto* a, auto* b) { return a->order < b->order; });
  for (const Outstanding* o : unanswered) f.unanswered.push_back({o->frame, o->command});
  f.never_answered = unanswered.size() + evicted_unanswered_;
  f.unmatched_responses = unmatched_responses_;
  f.tag_reuse = tag_reuse_;
  f.reassembly_problems = reassembly_problems_;
  f.bad_checksums_by_layer = bad_checksums_by_layer_;
  f.diagnostics_by_kind = diagnostics_by_kind_;
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
  table("Decode diagnostics by kind", f.diagnostics_by_kind);
  return out;
}

}  // namespace mctpkit::analysis
