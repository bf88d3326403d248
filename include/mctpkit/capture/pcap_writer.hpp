#pragma once
// Writes MCTP packets as a pcap that tcpdump and Wireshark read like a capture on a Linux MCTP
// interface: microsecond timestamps, host byte order, snap length 65535, link type LINUX_SLL,
// each record a 16-byte SLL header (protocol 0x00FA, hardware type ARPHRD_MCTP) and the packet.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::capture {

class PcapWriter {
 public:
  struct OpenResult {
    std::unique_ptr<PcapWriter> writer;
    std::string error;  // "Error: ..." when writer is null
  };

  /// Creates (truncates) `path` and writes the file header; "-" = standard output, which is
  /// flushed after every record so a reader on a pipe sees packets as they come.
  static OpenResult open(const std::string& path);

  ~PcapWriter();  // closes the file; call close() to learn whether that worked
  PcapWriter(const PcapWriter&) = delete;
  PcapWriter& operator=(const PcapWriter&) = delete;

  /// Appends one packet. Without a time the record gets the epoch (0); times are truncated to
  /// microseconds and clamped to what pcap can hold (1970 to 2106). Bytes beyond the snap
  /// length are cut, the original length is kept. `outgoing` selects SLL packet type 4 ("sent
  /// by us") rather than 0 ("to us"). False on a write error (see error()).
  bool write(ByteView mctp_packet, std::optional<std::int64_t> time_ns, bool outgoing);

  bool flush();
  /// Flushes and closes; false (see error()) when that failed. Further writes fail.
  bool close();
  const std::string& error() const { return error_; }

 private:
  PcapWriter(std::FILE* file, std::string name, bool owns_file);
  bool put(const void* data, std::size_t size);

  std::FILE* file_;
  std::string name_;
  bool owns_file_;
  bool flush_each_;
  std::string error_;
};

}  // namespace mctpkit::capture
