#include "mctpkit/analysis/event_json.hpp"

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
  if (!head.empty()) out += std::string(head) + ",";
  out += "\"" + std::string(numbers_key) + "\":" + nlohmann::json(message.packets).dump();
  if (time) out += ",\"time\":\"" + *time + "\"";
  const std::string body = output::json(message.message);
  // output::json gives one object; its members follow ours.
  if (body.size() > 2) out += "," + body.substr(1);
  else out += "}";
  return out;
}

}  // namespace mctpkit::analysis
