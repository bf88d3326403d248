#include "text_link.hpp"

#include <fmt/format.h>

#include "mctpkit/capture/link_types.hpp"

namespace mctpkit::capture::detail {

namespace {

// Linux packet types go up to 7 and hardware addresses up to 8 bytes; an MCTP packet cannot
// start with 0x00 (header version 1), so these shapes do not collide with a bare packet.
bool has_sll_header(ByteView b) {
  return b.size() >= kSllHeaderSize && b[0] == 0 && b[1] <= 7 && b[4] == 0 && b[5] <= 8;
}

bool has_sll2_header(ByteView b) {
  return b.size() >= kSll2HeaderSize && b[2] == 0 && b[3] == 0 && b[10] <= 7 && b[11] <= 8;
}

bool has_mctp_sll2_header(ByteView b) { return has_sll2_header(b) && read_be16(b, 0) == kEthertypeMctp; }

bool has_mctp_sll_header(ByteView b) { return has_sll_header(b) && read_be16(b, 14) == kEthertypeMctp; }

// A Linux I2C pseudo-header of a plain write (no event bit, no flags) before an SMBus frame.
bool has_i2c_header(ByteView b) {
  return b.size() > kI2cHeaderSize && (b[0] & 0x80) == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 &&
         looks_like_smbus_mctp(b, kI2cHeaderSize);
}

// The payload after a link header tcpdump did not print.
LinkDecision bare(std::optional<std::uint16_t> ethertype, std::string_view force_link) {
  if (ethertype && *ethertype != kEthertypeMctp) {
    return LinkDecision{"", 0, fmt::format("ethertype 0x{:04X} is not MCTP (0x{:04X})", *ethertype, kEthertypeMctp)};
  }
  return LinkDecision{std::string(force_link.empty() ? kLinkMctp : force_link), 0, ""};
}

LinkDecision guess(std::optional<std::uint16_t> ethertype, ByteView b, std::string_view force_link) {
  if (force_link == kLinkSmbus) {
    bool header = has_i2c_header(b) && !looks_like_smbus_mctp(b, 0);
    return LinkDecision{std::string(kLinkSmbus), header ? kI2cHeaderSize : 0, ""};
  }
  if (has_mctp_sll2_header(b)) return LinkDecision{std::string(kLinkMctp), kSll2HeaderSize, ""};
  if (has_mctp_sll_header(b)) return LinkDecision{std::string(kLinkMctp), kSllHeaderSize, ""};
  if (force_link.empty()) {
    if (has_i2c_header(b)) return LinkDecision{std::string(kLinkSmbus), kI2cHeaderSize, ""};
    if (looks_like_smbus_mctp(b, 0)) return LinkDecision{std::string(kLinkSmbus), 0, ""};
  }
  return bare(ethertype, force_link);
}

}  // namespace

LinkDecision decide_text_link(std::optional<std::uint32_t> link_type, std::optional<std::uint16_t> ethertype,
                              ByteView bytes, std::string_view force_link) {
  if (!link_type || *link_type == 0) return guess(ethertype, bytes, force_link);
  switch (*link_type) {
    case kDltLinuxSll:
      if (has_sll_header(bytes)) return decide_link(kDltLinuxSll, bytes, force_link);
      return bare(ethertype, force_link);
    case kDltLinuxSll2:
      // A bare MCTP packet starts with 0x01, never with a cooked header's protocol high byte.
      if (has_mctp_sll2_header(bytes) || (has_sll2_header(bytes) && bytes[0] != 0x01)) {
        return decide_link(kDltLinuxSll2, bytes, force_link);
      }
      return bare(ethertype, force_link);
    case kDltI2cLinux:
      if (looks_like_smbus_mctp(bytes, 0) && !looks_like_smbus_mctp(bytes, kI2cHeaderSize)) {
        return LinkDecision{std::string(kLinkSmbus), 0, ""};
      }
      return decide_link(kDltI2cLinux, bytes, force_link);
    default:
      return decide_link(*link_type, bytes, force_link);
  }
}

}  // namespace mctpkit::capture::detail
