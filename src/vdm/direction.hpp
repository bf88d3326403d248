#pragma once
// Request or response of a vendor-defined message, as PyMCTP reports it.

#include "mctpkit/core/field.hpp"
#include "mctpkit/core/fields.hpp"

namespace mctpkit::vdm::detail {

/// The enclosing MCTP header's TO bit, mirrored into the vendor header (no bits on the wire):
/// PyMCTP prints REQ when the rq bit OR the TO bit is set (every golden vector agrees).
constexpr FieldDef tag_owner_field() {
  return bits("mctp_to", 0).copied_from("mctp.to").titled("Tag owner (MCTP header)");
}

/// REQ in summaries: rq bit set, or sent by the tag owner.
bool is_request(const Fields& header);

}  // namespace mctpkit::vdm::detail
