#include "link_decode.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "mctpkit/capture/link_types.hpp"

namespace mctpkit::capture::detail {

namespace {

constexpr std::uint8_t kSmbusCommandMctp = 0x0F;
// Bit 7 of the first Linux I2C pseudo-header byte marks a controller event, not a transfer.
constexpr std::uint8_t kI2cEventFlag = 0x80;

LinkDecision skip(std::string reason) { return LinkDecision{"", 0, std::move(reason)}; }

LinkDecision cooked(std::uint32_t link_type, ByteView bytes, std::size_t header_size,
                    std::size_t protocol_offset) {
  if (bytes.size() < header_size) {
    return skip(fmt::format("record of {} bytes is shorter than the {}-byte {} header", bytes.size(),
                            header_size, link_type_name(link_type)));
  }
  std::uint16_t protocol = read_be16(bytes, protocol_offset);
  if (protocol != kEthertypeMctp) {
    return skip(fmt::format("{} protocol 0x{:04X} is not MCTP (0x{:04X})", link_type_name(link_type),
                            protocol, kEthertypeMctp));
  }
  return LinkDecision{std::string(kLinkMctp), header_size, ""};
}

LinkDecision linux_i2c(ByteView bytes) {
  if (bytes.size() < kI2cHeaderSize) {
    return skip(fmt::format("record of {} bytes is shorter than the {}-byte I2C_LINUX pseudo-header",
                            bytes.size(), kI2cHeaderSize));
  }
  if ((bytes[0] & kI2cEventFlag) != 0) return skip("I2C_LINUX controller event, not a data transfer");
  // Destination address and command code are needed to tell MCTP from IPMB and plain I2C.
  if (bytes.size() < kI2cHeaderSize + 2) {
    return skip(fmt::format("I2C transfer of {} bytes is too short for MCTP over SMBus",
                            bytes.size() - kI2cHeaderSize));
  }
  std::uint8_t command = bytes[kI2cHeaderSize + 1];
  if (command != kSmbusCommandMctp) {
    return skip(fmt::format("I2C transfer with command code 0x{:02X} is not MCTP (0x{:02X})", command,
                            kSmbusCommandMctp));
  }
  return LinkDecision{std::string(kLinkSmbus), kI2cHeaderSize, ""};
}

}  // namespace

std::uint16_t read_be16(ByteView bytes, std::size_t offset) {
  return static_cast<std::uint16_t>(bytes[offset] << 8 | bytes[offset + 1]);
}

bool looks_like_smbus_mctp(ByteView bytes, std::size_t offset) {
  if (bytes.size() < offset + 4) return false;
  ByteView frame = bytes.subspan(offset);
  if ((frame[0] & 1) != 0 || frame[1] != kSmbusCommandMctp || (frame[3] & 1) == 0) return false;
  // The byte count covers everything after itself except the PEC.
  std::size_t after_count = frame.size() - 3;
  std::size_t count = frame[2];
  return count == after_count || count + 1 == after_count;
}

LinkDecision decide_link(std::uint32_t link_type, ByteView bytes, std::string_view force_link) {
  switch (link_type) {
    case kDltLinuxSll:
      return cooked(link_type, bytes, kSllHeaderSize, 14);
    case kDltLinuxSll2:
      return cooked(link_type, bytes, kSll2HeaderSize, 0);
    case kDltI2cLinux:
      return linux_i2c(bytes);
    default:
      break;
  }
  bool user = link_type >= kDltUser0 && link_type <= kDltUser15;
  if (!force_link.empty()) return LinkDecision{std::string(force_link), 0, ""};
  if (user) return LinkDecision{std::string(kLinkMctp), 0, ""};
  return skip(fmt::format("link type {} ({}) does not carry MCTP", link_type_name(link_type), link_type));
}

void fill_record(CaptureRecord& record, std::uint64_t number, std::optional<std::int64_t> time_ns,
                 std::uint32_t link_type, ByteView bytes, std::size_t original_length, LinkDecision decision) {
  record.number = number;
  record.time_ns = time_ns;
  record.link_type = link_type;
  std::size_t header = decision.link.empty() ? 0 : decision.header_size;
  record.data.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header), bytes.end());
  // A corrupt container may claim an original length below the captured one.
  std::size_t wire = original_length > header ? original_length - header : 0;
  record.original_length = std::max(wire, record.data.size());
  record.link.assign(decision.link);
  record.skip_reason.assign(decision.skip_reason);
}

}  // namespace mctpkit::capture::detail
