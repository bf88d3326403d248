#include "mctpkit/capture/pcap_writer.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <utility>

#include "mctpkit/capture/link_types.hpp"
#include "mctpkit/core/byte_reader.hpp"

namespace mctpkit::capture {

namespace {

constexpr std::uint32_t kMagicMicroseconds = 0xA1B2C3D4;
constexpr std::uint16_t kVersionMajor = 2;
constexpr std::uint16_t kVersionMinor = 4;
constexpr std::uint32_t kSnapLength = 65535;
constexpr std::uint16_t kPacketToUs = 0;
constexpr std::uint16_t kPacketSentByUs = 4;
constexpr std::size_t kSllHeaderSize = 16;
constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

// pcap headers are in the writer's byte order (readers detect it from the magic number).
template <typename T>
void put_native(Bytes& out, T value) {
  std::uint8_t raw[sizeof(T)];
  std::memcpy(raw, &value, sizeof(T));
  out.insert(out.end(), raw, raw + sizeof(T));
}

}  // namespace

PcapWriter::OpenResult PcapWriter::open(const std::string& path) {
  OpenResult result;
  bool to_stdout = path == "-";
  std::string name = to_stdout ? std::string("standard output") : "'" + path + "'";
  std::FILE* file = to_stdout ? stdout : std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    result.error = "Error: cannot open " + name + " for writing: " + std::strerror(errno);
    return result;
  }
  std::unique_ptr<PcapWriter> writer(new PcapWriter(file, name, !to_stdout));
  Bytes header;
  put_native<std::uint32_t>(header, kMagicMicroseconds);
  put_native<std::uint16_t>(header, kVersionMajor);
  put_native<std::uint16_t>(header, kVersionMinor);
  put_native<std::int32_t>(header, 0);   // time zone correction: times are UTC
  put_native<std::uint32_t>(header, 0);  // timestamp accuracy: unused by everyone
  put_native<std::uint32_t>(header, kSnapLength);
  put_native<std::uint32_t>(header, kDltLinuxSll);
  if (!writer->put(header.data(), header.size()) || (writer->flush_each_ && !writer->flush())) {
    result.error = writer->error_;
    return result;
  }
  result.writer = std::move(writer);
  return result;
}

PcapWriter::PcapWriter(std::FILE* file, std::string name, bool owns_file)
    : file_(file), name_(std::move(name)), owns_file_(owns_file), flush_each_(!owns_file) {}

PcapWriter::~PcapWriter() { close(); }

bool PcapWriter::write(ByteView mctp_packet, std::optional<std::int64_t> time_ns, bool outgoing) {
  if (file_ == nullptr) {
    if (error_.empty()) error_ = "Error: " + name_ + " is closed";
    return false;
  }
  // pcap holds unsigned 32-bit seconds: clamp rather than wrap.
  std::int64_t ns = std::max<std::int64_t>(time_ns.value_or(0), 0);
  std::int64_t seconds = std::min<std::int64_t>(ns / kNanosPerSecond, std::numeric_limits<std::uint32_t>::max());
  auto microseconds = static_cast<std::uint32_t>(ns % kNanosPerSecond / 1000);

  std::size_t wire = kSllHeaderSize + mctp_packet.size();
  std::size_t captured = std::min<std::size_t>(wire, kSnapLength);
  Bytes record;
  record.reserve(16 + captured);
  put_native<std::uint32_t>(record, static_cast<std::uint32_t>(seconds));
  put_native<std::uint32_t>(record, microseconds);
  put_native<std::uint32_t>(record, static_cast<std::uint32_t>(captured));
  put_native<std::uint32_t>(record, static_cast<std::uint32_t>(std::min<std::size_t>(wire, UINT32_MAX)));
  // The cooked header itself is big-endian like the wire.
  ByteWriter sll(record);
  sll.uint(outgoing ? kPacketSentByUs : kPacketToUs, 2);
  sll.uint(kArphrdMctp, 2);
  sll.uint(0, 2);  // no link-layer address on MCTP interfaces
  sll.uint(0, 8);
  sll.uint(kEthertypeMctp, 2);
  sll.bytes(mctp_packet.first(captured - kSllHeaderSize));
  if (!put(record.data(), record.size())) return false;
  return !flush_each_ || flush();
}

bool PcapWriter::flush() {
  if (file_ == nullptr) return error_.empty();
  if (std::fflush(file_) != 0) {
    error_ = "Error: cannot write to " + name_ + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool PcapWriter::close() {
  if (file_ == nullptr) return error_.empty();
  bool ok = flush();
  if (owns_file_ && std::fclose(file_) != 0 && ok) {
    error_ = "Error: cannot write to " + name_ + ": " + std::strerror(errno);
    ok = false;
  }
  file_ = nullptr;
  return ok;
}

bool PcapWriter::put(const void* data, std::size_t size) {
  if (std::fwrite(data, 1, size, file_) != size) {
    error_ = "Error: cannot write to " + name_ + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace mctpkit::capture
