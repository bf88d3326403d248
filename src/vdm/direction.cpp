#include "vdm/direction.hpp"

#include <fmt/format.h>

namespace mctpkit::vdm::detail {

namespace {
const FieldHandle kRq{"rq"}, kMctpTo{"mctp_to"}, kCommand{"command"};
}  // namespace

bool is_request(const Fields& header) { return header.get(kRq) == 1u || header.num(kMctpTo) == 1; }

bool has_command(const Layer& header) { return header.get(kCommand).has_value(); }

std::string command_text(const Fields& header) {
  if (!header.get(kCommand)) return {};
  return fmt::format(", cmd_code: 0x{:02X}, rq: {}", header.num(kCommand), header.num(kRq));
}

}  // namespace mctpkit::vdm::detail
