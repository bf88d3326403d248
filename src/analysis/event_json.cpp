#include "mctpkit/analysis/event_json.hpp"
#include "core/detail/gcc12_false_positives.hpp"

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
  MCTPKIT_GCC12_FALSE_POSITIVE_BEGIN("-Wrestrict")  // see gcc12_false_positives.hpp
  out += "\"" + std::string(numbers_key) + "\":" + nlohmann::json(message.packets).dump();
  MCTPKIT_GCC12_FALSE_POSITIVE_END
  if (time) out += ",\"time\":\"" + *time + "\"";
  const std::string body = output::json(message.message);
  // output::json gives one object; its members follow ours.
  MCTPKIT_GCC12_FALSE_POSITIVE_BEGIN("-Wrestrict")  // see gcc12_false_positives.hpp
  if (body.size() > 2) {
    out += "," + body.substr(1);
  } else {
    out += "}";
  }
  MCTPKIT_GCC12_FALSE_POSITIVE_END
  return out;
}

}  // namespace mctpkit::analysis
