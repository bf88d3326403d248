#pragma once
// What the device commands (send, listen, discover, endpoint) share: opening the exerciser named
// by --via with the tool's error style and exit codes, stopping on SIGINT/SIGTERM, and writing
// frames to a pcap.

#include <atomic>
#include <memory>
#include <string>

#include "commands.hpp"
#include "mctpkit/capture/pcap_writer.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::cli {

/// Opens `spec`; on failure prints `mctpkit: error: ...` and sets `status` to kUsage (bad
/// specification) or kTransport (the transport cannot be opened).
std::unique_ptr<exerciser::Exerciser> open_exerciser(const std::string& spec, int& status);

/// Opens the pcap of a `-w FILE` option into `pcap` (nothing when `path` is empty); on failure
/// prints the error, sets `status` to kCannotOpen and returns false.
bool open_pcap_option(const std::string& path, std::unique_ptr<capture::PcapWriter>& pcap, int& status);

/// Set by SIGINT or SIGTERM once watch_stop_signals() ran.
extern std::atomic<bool> g_stop_requested;
void watch_stop_signals();

/// Wall-clock time in nanoseconds since the epoch, for pcap records.
std::int64_t wall_clock_ns();

/// Writes the MCTP packet of a decoded binding frame (nothing when it has none).
bool write_packet(capture::PcapWriter& writer, const Frame& decoded, bool outgoing);

/// `text` as a JSON string literal.
std::string json_string(std::string_view text);

}  // namespace mctpkit::cli
