#pragma once
// Writes MCTP packets as a pcap that tcpdump and Wireshark read like a capture on a Linux MCTP
// interface: microsecond timestamps, host byte order, snap length 65535, link type LINUX_SLL,
// each record a 16-byte SLL header (protocol 0x00FA, hardware type ARPHRD_MCTP) and the packet.
// Or, to keep what an I2C capture holds (SMBus addresses and PEC), link type I2C_LINUX (209):
// each record a 5-byte pseudo-header (bus 0, flags 0: a write) and the SMBus frame.

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
    std::string error;  // "cannot open ..." when writer is null
  };

  /// Creates (truncates) `path`; "-" = standard output, which is flushed after every record so a
  /// reader on a pipe sees packets as they come. The file header is written with the first
  /// record (or by close()), so the link type may still change until then.
  static OpenResult open(const std::string& path);

  /// The link type of the file: capture::kDltLinuxSll (the default) or kDltI2cLinux. False
  /// (nothing changes) for another type, or once a record was written.
  bool set_link_type(std::uint32_t link_type);
  std::uint32_t link_type() const { return link_type_; }
  /// Whether a record or the header was written (the link type is fixed).
  bool started() const { return header_written_; }

  ~PcapWriter();  // closes the file; call close() to learn whether that worked
  PcapWriter(const PcapWriter&) = delete;
  PcapWriter& operator=(const PcapWriter&) = delete;

  /// Appends one packet. Without a time the record gets the epoch (0); times are truncated to
  /// microseconds and clamped to what pcap can hold (1970 to 2106). Bytes beyond the snap
  /// length are cut, the original length is kept. `outgoing` selects SLL packet type 4 ("sent
  /// by us") rather than 0 ("to us"). False on a write error (see error()).
  /// `packet` is an MCTP packet (transport header first) for LINUX_SLL, an SMBus frame
  /// (destination address first) for I2C_LINUX.
  bool write(ByteView packet, std::optional<std::int64_t> time_ns, bool outgoing);

  bool flush();
  /// Flushes and closes; false (see error()) when that failed. Further writes fail.
  bool close();
  const std::string& error() const { return error_; }

 private:
  PcapWriter(std::FILE* file, std::string name, bool owns_file);
  bool put(const void* data, std::size_t size);
  bool write_header();

  std::FILE* file_;
  std::string name_;
  bool owns_file_;
  bool flush_each_;
  std::uint32_t link_type_;
  bool header_written_ = false;
  std::string error_;
};

}  // namespace mctpkit::capture
