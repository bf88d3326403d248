#include "exerciser/detail/i3c_options.hpp"

#include <algorithm>

namespace mctpkit::exerciser::detail {

I3cTargetOptions read_i3c_target_options(OptionReader& options) {
  I3cTargetOptions result;
  I3cTargetRegisters& r = result.registers;
  r.pid = options.number("pid", 0, 0, 0xFFFF'FFFF'FFFFull);
  r.bcr = static_cast<std::uint8_t>(options.number("bcr", r.bcr, 0, 0xFF));
  r.dcr = static_cast<std::uint8_t>(options.number("dcr", r.dcr, 0, 0xFF));
  r.mwl = static_cast<std::uint16_t>(options.number("mwl", r.mwl, 8, 0xFFFF));
  r.mrl = static_cast<std::uint16_t>(options.number("mrl", r.mrl, 8, 0xFFFF));
  r.static_address = options.address("static");
  // A packet is its 4-byte transport header and payload, plus the PEC.
  const std::size_t largest = std::min(r.mwl, r.mrl) - 5u;
  result.mtu = options.number("mtu", std::min<std::size_t>(64, largest), 1, largest);
  return result;
}

}  // namespace mctpkit::exerciser::detail
