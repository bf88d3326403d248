#include "vdm/direction.hpp"

namespace mctpkit::vdm::detail {

bool is_request(const Fields& header) { return header.num("rq") == 1 || header.num("mctp_to") == 1; }

}  // namespace mctpkit::vdm::detail
