#include "vdm/direction.hpp"

#include <fmt/format.h>

namespace mctpkit::vdm::detail {

bool is_request(const Fields& header) { return header.get("rq") == 1u || header.num("mctp_to") == 1; }

bool has_command(const Layer& header) { return header.get("command").has_value(); }

std::string command_text(const Fields& header) {
  if (!header.get("command")) return {};
  return fmt::format(", cmd_code: 0x{:02X}, rq: {}", header.num("command"), header.num("rq"));
}

}  // namespace mctpkit::vdm::detail
