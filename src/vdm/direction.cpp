#include "vdm/direction.hpp"

#include <optional>

#include "mctpkit/core/text_append.hpp"

namespace mctpkit::vdm::detail {

namespace {
const FieldHandle kRq{"rq"}, kMctpTo{"mctp_to"}, kCommand{"command"};
}  // namespace

bool is_request(const Fields& header) { return header.get(kRq) == 1u || header.num(kMctpTo) == 1; }

bool has_command(const Layer& header) { return header.get(kCommand).has_value(); }

void append_command_text(const Fields& header, std::string& out) {
  const std::optional<std::uint64_t> command = header.get(kCommand);
  if (!command) return;
  out += ", cmd_code: 0x";
  append_hex(out, *command, 2);
  out += ", rq: ";
  append_decimal(out, header.num(kRq));
}

}  // namespace mctpkit::vdm::detail
