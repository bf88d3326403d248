#pragma once
// pcap link types (DLT values) the capture readers know about.

#include <cstdint>
#include <string>

namespace mctpkit::capture {

inline constexpr std::uint32_t kDltEthernet = 1;
inline constexpr std::uint32_t kDltLinuxSll = 113;   // 16-byte cooked header, protocol at 14-15
inline constexpr std::uint32_t kDltUser0 = 147;      // user link types 147-162
inline constexpr std::uint32_t kDltUser15 = 162;
inline constexpr std::uint32_t kDltI2cLinux = 209;   // 5-byte pseudo-header (a.k.a. IPMB_LINUX)
inline constexpr std::uint32_t kDltLinuxSll2 = 276;  // 20-byte cooked header, protocol at 0-1

/// Ethernet protocol number of MCTP in the SLL/SLL2 protocol field (ETH_P_MCTP).
inline constexpr std::uint16_t kEthertypeMctp = 0x00FA;
/// ARPHRD_MCTP, the hardware type of Linux MCTP interfaces.
inline constexpr std::uint16_t kArphrdMctp = 0x0122;

/// libpcap's name of a link type ("LINUX_SLL"), or "DLT <n>" when it has none.
std::string link_type_name(std::uint32_t link_type);

}  // namespace mctpkit::capture
