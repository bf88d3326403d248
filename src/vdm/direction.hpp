#pragma once
// Request or response of a vendor-defined message, as PyMCTP reports it.

#include "mctpkit/core/field.hpp"
#include "mctpkit/core/fields.hpp"

namespace mctpkit::vdm::detail {

/// Copies the tag-owner bit of the enclosing MCTP transport header (see `tag_owner_field`).
std::uint64_t copy_tag_owner(const DeriveContext& ctx);

/// A zero-width field holding the enclosing MCTP header's TO bit. PyMCTP prints REQ when the rq
/// bit OR the TO bit is set (every golden vector agrees), but a summary function sees one layer
/// only, so the bit is copied in here: at build by the derivation, at decode by the checksum
/// check (the one decode hook that sees the outer layers). It puts no bits on the wire.
/// Workaround until summaries can see the frame (see the module report).
constexpr FieldDef tag_owner_field() {
  return bits("mctp_to", 0).checksum(copy_tag_owner).show(Display::Dec).titled("Tag owner (MCTP header)");
}

/// REQ in summaries: rq bit set, or sent by the tag owner.
bool is_request(const Fields& header);

}  // namespace mctpkit::vdm::detail
