#pragma once
// Deciding, from a record's link type and first bytes, whether it carries MCTP, on which
// mctpkit link, and how many pseudo-header bytes come first. Shared by the pcap and pcapng
// readers (exact link type known) and the text reader (link type guessed).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mctpkit/capture/record.hpp"
#include "mctpkit/core/bytes.hpp"

namespace mctpkit::capture::detail {

inline constexpr std::size_t kSllHeaderSize = 16;
inline constexpr std::size_t kSll2HeaderSize = 20;
inline constexpr std::size_t kI2cHeaderSize = 5;

struct LinkDecision {
  std::string link;  // empty: not MCTP
  std::size_t header_size = 0;
  std::string skip_reason;
};

/// For a record whose container gives `link_type`.
LinkDecision decide_link(std::uint32_t link_type, ByteView bytes, std::string_view force_link);

/// True when `bytes` from `offset` on look like an MCTP-over-SMBus block write: even
/// destination address, command code 0x0F, a byte count matching the length (with or without
/// the PEC byte) and an odd source address.
bool looks_like_smbus_mctp(ByteView bytes, std::size_t offset);

/// Big-endian 16-bit value at `offset` (the caller checks the size).
std::uint16_t read_be16(ByteView bytes, std::size_t offset);

/// `record` made from `bytes` following `decision` (its storage reused); `original_length` is the
/// container's.
void fill_record(CaptureRecord& record, std::uint64_t number, std::optional<std::int64_t> time_ns,
                 std::uint32_t link_type, ByteView bytes, std::size_t original_length, LinkDecision decision);

}  // namespace mctpkit::capture::detail
