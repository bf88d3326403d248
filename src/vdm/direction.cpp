#include "vdm/direction.hpp"

#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::vdm::detail {

std::uint64_t copy_tag_owner(const DeriveContext& ctx) {
  std::uint64_t to = 0;
  for (std::size_t i = ctx.layer_index; i-- > 0;) {
    const Layer& outer = ctx.frame.layers[i];
    if (outer.is(mctp::kTransport)) {
      to = outer.num("to");
      break;
    }
  }
  // On decode the checksum check compares our result with the (zero-width, so 0) decoded value;
  // storing it first makes them agree and keeps the bit for the summary. The layer object being
  // decoded or built is not const, so writing through the reference is well defined.
  std::size_t index = ctx.fields.index_of("mctp_to");
  if (index != Fields::npos) const_cast<Fields&>(ctx.fields).set_number(index, to);
  return to;
}

bool is_request(const Fields& header) { return header.num("rq") == 1 || header.num("mctp_to") == 1; }

}  // namespace mctpkit::vdm::detail
