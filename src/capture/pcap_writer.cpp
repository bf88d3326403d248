#include "mctpkit/capture/pcap_writer.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>
#include <utility>

#include "mctpkit/capture/link_types.hpp"

namespace mctpkit::capture {

namespace {

constexpr std::uint32_t kMagicMicroseconds = 0xA1B2C3D4;
constexpr std::uint16_t kVersionMajor = 2;
constexpr std::uint16_t kVersionMinor = 4;
constexpr std::uint32_t kSnapLength = 65535;
constexpr std::uint16_t kPacketToUs = 0;
constexpr std::uint16_t kPacketSentByUs = 4;
constexpr std::size_t kFileHeaderSize = 24;
constexpr std::size_t kRecordHeaderSize = 16;
constexpr std::size_t kSllHeaderSize = 16;
constexpr std::size_t kI2cHeaderSize = 5;
constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

// Headers made on the stack: the file header, or a record's header and its link header.
class Headers {
 public:
  // pcap's own headers are in the writer's byte order (readers detect it from the magic number).
  template <typename T>
  void native(T value) {
    std::memcpy(bytes_.data() + size_, &value, sizeof value);
    size_ += sizeof value;
  }
  // The link headers are big-endian like the wire.
  void big_endian(std::uint64_t value, std::size_t bytes) {
    for (std::size_t k = bytes; k-- > 0;) bytes_[size_++] = static_cast<std::uint8_t>(value >> 8 * k);
  }
  const std::uint8_t* data() const { return bytes_.data(); }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::size_t kRoom = std::max(kFileHeaderSize, kRecordHeaderSize + kSllHeaderSize);
  std::array<std::uint8_t, kRoom> bytes_;
  std::size_t size_ = 0;
};

}  // namespace

PcapWriter::OpenResult PcapWriter::open(const std::string& path) {
  OpenResult result;
  bool to_stdout = path == "-";
  std::string name = to_stdout ? std::string("standard output") : "'" + path + "'";
  std::FILE* file = to_stdout ? stdout : std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    result.error = "cannot open " + name + " for writing: " + std::strerror(errno);
    return result;
  }
  result.writer.reset(new PcapWriter(file, name, !to_stdout));
  return result;
}

PcapWriter::PcapWriter(std::FILE* file, std::string name, bool owns_file)
    : file_(file), name_(std::move(name)), owns_file_(owns_file), flush_each_(!owns_file), link_type_(kDltLinuxSll) {}

bool PcapWriter::set_link_type(std::uint32_t link_type) {
  if (header_written_ || (link_type != kDltLinuxSll && link_type != kDltI2cLinux)) return false;
  link_type_ = link_type;
  return true;
}

bool PcapWriter::write_header() {
  header_written_ = true;
  Headers header;
  header.native<std::uint32_t>(kMagicMicroseconds);
  header.native<std::uint16_t>(kVersionMajor);
  header.native<std::uint16_t>(kVersionMinor);
  header.native<std::int32_t>(0);   // time zone correction: times are UTC
  header.native<std::uint32_t>(0);  // timestamp accuracy: unused by everyone
  header.native<std::uint32_t>(kSnapLength);
  header.native<std::uint32_t>(link_type_);
  return put(header.data(), header.size());
}

PcapWriter::~PcapWriter() { close(); }

bool PcapWriter::write(ByteView packet, std::optional<std::int64_t> time_ns, bool outgoing) {
  if (file_ == nullptr) {
    if (error_.empty()) error_ = name_ + " is closed";
    return false;
  }
  if (!header_written_ && !write_header()) return false;
  // pcap holds unsigned 32-bit seconds: clamp rather than wrap.
  std::int64_t ns = std::max<std::int64_t>(time_ns.value_or(0), 0);
  std::int64_t seconds = std::min<std::int64_t>(ns / kNanosPerSecond, std::numeric_limits<std::uint32_t>::max());
  auto microseconds = static_cast<std::uint32_t>(ns % kNanosPerSecond / 1000);

  const bool i2c = link_type_ == kDltI2cLinux;
  const std::size_t link_header = i2c ? kI2cHeaderSize : kSllHeaderSize;
  std::size_t wire = link_header + packet.size();
  std::size_t captured = std::min<std::size_t>(wire, kSnapLength);
  // The record header and the link header are made on the stack, the packet written from where
  // it lies: the file's buffer takes both, and nothing is allocated or copied for the record.
  Headers headers;
  headers.native<std::uint32_t>(static_cast<std::uint32_t>(seconds));
  headers.native<std::uint32_t>(microseconds);
  headers.native<std::uint32_t>(static_cast<std::uint32_t>(captured));
  headers.native<std::uint32_t>(static_cast<std::uint32_t>(std::min<std::size_t>(wire, UINT32_MAX)));
  if (i2c) {
    headers.big_endian(0, 1);  // bus number: not known
    headers.big_endian(0, 4);  // flags: a write transfer, not a controller event
  } else {
    headers.big_endian(outgoing ? kPacketSentByUs : kPacketToUs, 2);
    headers.big_endian(kArphrdMctp, 2);
    headers.big_endian(0, 2);  // no link-layer address on MCTP interfaces
    headers.big_endian(0, 8);
    headers.big_endian(kEthertypeMctp, 2);
  }
  const ByteView kept = packet.first(captured - link_header);
  if (!put(headers.data(), headers.size()) || !put(kept.data(), kept.size())) return false;
  return !flush_each_ || flush();
}

bool PcapWriter::flush() {
  if (file_ == nullptr) return error_.empty();
  if (!header_written_ && !write_header()) return false;
  if (std::fflush(file_) != 0) {
    error_ = "cannot write to " + name_ + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool PcapWriter::close() {
  if (file_ == nullptr) return error_.empty();
  bool ok = flush();
  if (owns_file_ && std::fclose(file_) != 0 && ok) {
    error_ = "cannot write to " + name_ + ": " + std::strerror(errno);
    ok = false;
  }
  file_ = nullptr;
  return ok;
}

bool PcapWriter::put(const void* data, std::size_t size) {
  if (std::fwrite(data, 1, size, file_) != size) {
    error_ = "cannot write to " + name_ + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace mctpkit::capture
