#include "mctpkit/analysis/event_json.hpp"

#include "mctpkit/analysis/analyzer.hpp"
#include "mctpkit/core/text_append.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit::analysis {

namespace {

// `"<key>":[1,2,3]`
void append_numbers(std::string& out, std::string_view key, const std::vector<std::size_t>& numbers) {
  output::append_json_string(out, key);
  out += ":[";
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (i != 0) out += ',';
    append_decimal(out, numbers[i]);
  }
  out += ']';
}

}  // namespace

std::string event_json(const mctp::Event& event, const std::optional<std::string>& time, std::string_view numbers_key) {
  std::string out;
  append_event_json(out, event, time, numbers_key);
  return out;
}

void append_event_json(std::string& out, const mctp::Event& event, std::optional<std::string_view> time,
                       std::string_view numbers_key) {
  out += "{\"reassembly\":";
  output::append_json_string(out, mctp::to_string(event.kind));
  out += ',';
  append_numbers(out, numbers_key, event.packets);
  out += ",\"text\":";
  output::append_json_string(out, event.text);
  if (time) {
    out += ",\"time\":";
    output::append_json_string(out, *time);
  }
  out += '}';
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
  append_numbers(out, numbers_key, message.packets);
  if (time) {
    out += ",\"time\":";
    output::append_json_string(out, *time);
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
