#pragma once
// Request or response of a vendor-defined message, as PyMCTP reports it.

#include "mctpkit/core/field.hpp"
#include "mctpkit/core/fields.hpp"
#include "mctpkit/core/layer.hpp"

#include <string>

namespace mctpkit::vdm::detail {

/// The enclosing MCTP header's TO bit, mirrored into the vendor header (no bits on the wire):
/// PyMCTP prints REQ when the rq bit OR the TO bit is set (every golden vector agrees).
constexpr FieldDef tag_owner_field() {
  return bits("mctp_to", 0).copied_from("mctp.to").titled("Tag owner (MCTP header)");
}

/// REQ in summaries: rq bit set, or sent by the tag owner.
bool is_request(const Fields& header);

/// DSP0236 defines a vendor-defined message as the vendor's ID and whatever the vendor wants
/// after it, so a message may end right after the ID. The rq/vendor-bits byte and the command
/// byte (PyMCTP's reading) are optional, and only a message that has its command dispatches.
bool has_command(const Layer& header);

/// Appends the text after the vendor's ID in a summary: `, cmd_code: 0x01, rq: 1`, or nothing
/// when the message ends after the ID.
void append_command_text(const Fields& header, std::string& out);

}  // namespace mctpkit::vdm::detail
