#pragma once
// Canned replies: matching a request body against configured or mined ones.

#include <vector>

#include "mctpkit/endpoint/config.hpp"

namespace mctpkit::endpoint::detail {

/// The first canned reply whose request equals `body` (for control and PLDM, the instance ID
/// bits are not compared) and that applies to destination `dst`: a reply with an EID when it is
/// `dst`, one without when the request is for the endpoint (`for_endpoint`).
const CannedReply* find_canned(const std::vector<CannedReply>& replies, ByteView body, std::uint8_t dst,
                               bool for_endpoint);

/// The reply body for `request`: the canned response with, for control and PLDM, the request's
/// instance ID.
Bytes answer_canned(const CannedReply& reply, ByteView request);

}  // namespace mctpkit::endpoint::detail
