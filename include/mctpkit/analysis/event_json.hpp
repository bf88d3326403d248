#pragma once
// Reassembly results as JSON lines, so that a JSON stream holds JSON only: a reassembly event
// (a message dropped, a packet out of order ...) is an object of its own, and a reassembled
// message is the frame's JSON with the numbers of the packets that carried it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mctpkit/mctp/reassembly.hpp"

namespace mctpkit::analysis {

/// `{"reassembly":"missing-packet","<numbers_key>":[3,4],"text":"...","time":"..."}` for an event
/// that is not a Message. `time`, when known, is the time (iso_time text) of the packet that
/// caused it.
std::string event_json(const mctp::Event& event, const std::optional<std::string>& time,
                       std::string_view numbers_key = "frames");
/// event_json() appended to `out`.
void append_event_json(std::string& out, const mctp::Event& event, std::optional<std::string_view> time,
                       std::string_view numbers_key = "frames");

/// The JSON of a reassembled message: `{"<numbers_key>":[...],"time":"...",` + output::json of
/// the message frame. `head` is put first, without braces (e.g. `"frame":12`), when not empty.
std::string message_json(const mctp::Event& message, const std::optional<std::string>& time,
                         std::string_view numbers_key = "message_frames", std::string_view head = {});
/// message_json() from its numbers on, appended to `out` (that holds the object's opening brace
/// and any members before): `"<numbers_key>":[...],"time":"...",` + the frame's members + `}`.
void append_message_json_members(std::string& out, const mctp::Event& message, std::optional<std::string_view> time,
                                 std::string_view numbers_key = "message_frames");

}  // namespace mctpkit::analysis
