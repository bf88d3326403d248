#include "mctpkit/analysis/event_json.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "mctpkit/analysis/analyzer.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit::analysis {

std::string event_json(const mctp::Event& event, const std::optional<std::string>& time, std::string_view numbers_key) {
  nlohmann::ordered_json out;
  out["reassembly"] = mctp::to_string(event.kind);
  out[std::string(numbers_key)] = event.packets;
  out["text"] = event.text;
  if (time) out["time"] = *time;
  return out.dump();
}

std::string message_json(const mctp::Event& message, const std::optional<std::string>& time, std::string_view numbers_key,
                         std::string_view head) {
  std::string out = "{";
  if (!head.empty()) {
    out += head;
    out += ',';
  }
  append_message_json_members(out, message, time, numbers_key);
  return out;
}

void append_message_json_members(std::string& out, const mctp::Event& message, std::optional<std::string_view> time,
                                 std::string_view numbers_key) {
  out += '"';
  out += numbers_key;
  out += "\":[";
  for (std::size_t i = 0; i < message.packets.size(); ++i) {
    if (i != 0) out += ',';
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), message.packets[i]);
  }
  out += ']';
  if (time) {
    out += ",\"time\":\"";
    out += *time;
    out += '"';
  }
  // The frame's object: its members follow ours.
  const std::size_t brace = out.size();
  output::append_json(message.message, out);
  if (out.size() - brace > 2) {
    out[brace] = ',';
  } else {
    out.resize(brace);
    out += '}';
  }
}

}  // namespace mctpkit::analysis
