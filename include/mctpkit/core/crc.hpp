#pragma once
// The checksums used on MCTP links and in carried protocols. Each takes a running value so that
// a checksum can be continued over several pieces (for example a PEC over a destination byte
// that is not part of the buffer).

#include <cstdint>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::crc {

/// CRC-8/SMBUS (poly 0x07, init 0, no reflection): SMBus, I3C and KCS PEC. Check: 0xF4.
std::uint8_t crc8_smbus(ByteView data, std::uint8_t running = 0);

/// CRC-16/MCRF4XX (reflected 0x1021, init 0xFFFF, no final XOR): DSP0253 serial FCS as Linux and
/// libmctp compute it. Check: 0x6F91.
std::uint16_t crc16_fcs(ByteView data, std::uint16_t running = 0xFFFF);

/// CRC-32C (Castagnoli): NVMe-MI message integrity check. Check: 0xE3069283.
/// `running` is the finished value of a previous piece (0 to start).
std::uint32_t crc32c(ByteView data, std::uint32_t running = 0);

/// CRC-32 (ISO-HDLC, IEEE 802.3): PLDM integrity checksums. Check: 0xCBF43926.
std::uint32_t crc32(ByteView data, std::uint32_t running = 0);

}  // namespace mctpkit::crc
