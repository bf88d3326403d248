#pragma once
// The format-specific readers, chosen by open_capture() from the content: their constructors,
// and the magic numbers that tell a classic pcap file.

#include <cstdint>

#include "input.hpp"
#include "mctpkit/capture/open.hpp"

namespace mctpkit::capture::detail {

class TextClock;

// Magic numbers of classic pcap files, as the file's own byte order reads them.
inline constexpr std::uint32_t kPcapMagicMicroseconds = 0xA1B2C3D4;
inline constexpr std::uint32_t kPcapMagicNanoseconds = 0xA1B23C4D;
inline constexpr std::uint32_t kPcapMagicModified = 0xA1B2CD34;  // longer record headers, microseconds

// A 32-bit word as a host of the other byte order wrote it.
constexpr std::uint32_t swap32(std::uint32_t v) {
  return (v >> 24) | ((v >> 8) & 0xFF00) | ((v << 8) & 0xFF0000) | (v << 24);
}

OpenResult open_pcap_reader(Input input, const OpenOptions& options);
OpenResult open_pcapng_reader(Input input, const OpenOptions& options);
OpenResult open_text_reader(Input input, const OpenOptions& options, const TextClock& clock);

}  // namespace mctpkit::capture::detail
