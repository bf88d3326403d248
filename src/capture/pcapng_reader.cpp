// pcapng, parsed here rather than by libpcap: libpcap 1.10 stops at the first interface whose
// link type differs from the first one ("an interface has a type 209 different from the type
// of the first interface"), and a capture of an MCTP interface next to an I2C bus has exactly
// that. Blocks: SHB (both byte orders, several sections), IDB (if_tsresol, if_tsoffset), EPB,
// SPB and the obsolete PB; every other block is skipped.

#include <fmt/format.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "format_readers.hpp"
#include "link_decode.hpp"
#include "mctpkit/core/byte_reader.hpp"

namespace mctpkit::capture::detail {

namespace {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

constexpr std::uint32_t kSectionHeader = 0x0A0D0D0A;
constexpr std::uint32_t kInterfaceDescription = 1;
constexpr std::uint32_t kObsoletePacket = 2;
constexpr std::uint32_t kSimplePacket = 3;
constexpr std::uint32_t kEnhancedPacket = 6;
constexpr std::uint32_t kByteOrderMagic = 0x1A2B3C4D;

constexpr std::uint16_t kOptionEnd = 0;
constexpr std::uint16_t kOptionTsResolution = 9;
constexpr std::uint16_t kOptionTsOffset = 14;

// Larger blocks are taken as corruption; no MCTP record comes near (libpcap's limit is similar).
constexpr std::uint32_t kMaxBlockSize = 16 * 1024 * 1024;
// Interface descriptions kept per section: bounds memory on a hostile file.
constexpr std::size_t kMaxInterfaces = 65536;
constexpr std::uint8_t kDefaultTsResolution = 6;  // microseconds

struct Interface {
  std::uint32_t link_type = 0;
  std::uint32_t snap_length = 0;
  std::uint8_t ts_resolution = kDefaultTsResolution;
  std::int64_t ts_offset_seconds = 0;
  bool valid = true;
};

Int128 power_of_ten(int exponent) {
  Int128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

class PcapngReader final : public CaptureReader {
 public:
  PcapngReader(FilePtr file, std::string force_link)
      : file_(std::move(file)), force_link_(std::move(force_link)) {}

  std::string_view format_name() const override { return "pcapng"; }

  /// Reads the first block, which must be a valid section header, so that a damaged file
  /// header is an open error like for pcap. The message of the failure otherwise.
  std::optional<std::string> start() {
    std::uint32_t type = 0;
    if (read_block(type) && start_section(ByteView(block_.data(), block_.size()))) return std::nullopt;
    if (diagnostics().empty()) return std::string("empty section header");
    return diagnostics().back().message;
  }

 protected:
  std::optional<CaptureRecord> read_next() override {
    while (true) {
      std::uint32_t type = 0;
      if (!read_block(type)) return std::nullopt;
      ByteView body(block_.data(), block_.size());
      switch (type) {
        case kSectionHeader:
          if (!start_section(body)) return std::nullopt;
          break;
        case kInterfaceDescription:
          add_interface(body);
          break;
        case kEnhancedPacket:
          return packet(body, 4, 20, true);
        case kObsoletePacket:
          return packet(body, 2, 20, true);
        case kSimplePacket:
          return packet(body, 0, 4, false);
        default:
          break;  // statistics, name resolution, custom blocks...: nothing for us
      }
    }
  }

 private:
  // Reads the next block into block_ (its body, without type, length and trailing length).
  // False at the end of the file or after a fatal error.
  bool read_block(std::uint32_t& type) {
    std::uint64_t start = offset_;
    std::uint8_t head[8];
    std::size_t got = read_bytes(head, sizeof head);
    if (got == 0) return false;
    if (got < sizeof head) {
      return corrupt(start, fmt::format("truncated block header ({} of 8 bytes)", got));
    }
    std::uint32_t raw_type = head[0] | head[1] << 8 | head[2] << 16 | static_cast<std::uint32_t>(head[3]) << 24;
    std::size_t already = 0;  // body bytes consumed before the length could be decoded
    std::uint8_t magic[4];
    if (raw_type == kSectionHeader) {
      // The byte order of a section (and of this very block's length) is only known from the
      // magic number that follows the length.
      if (read_bytes(magic, 4) < 4) return corrupt(start, "truncated section header block");
      std::uint32_t little = magic[0] | magic[1] << 8 | magic[2] << 16 | static_cast<std::uint32_t>(magic[3]) << 24;
      if (little == kByteOrderMagic) {
        order_ = ByteOrder::Little;
      } else if (swap32(little) == kByteOrderMagic) {
        order_ = ByteOrder::Big;
      } else {
        return corrupt(start, "section header with an unknown byte-order magic");
      }
      in_section_ = true;
      already = 4;
    } else if (!in_section_) {
      return corrupt(start, "the file does not start with a section header block");
    }
    type = value32(head);
    std::uint32_t length = value32(head + 4);
    std::uint32_t minimum = raw_type == kSectionHeader ? 28 : 12;
    if (length < minimum || length % 4 != 0) {
      return corrupt(start, fmt::format("invalid block length {}", length));
    }
    if (length > kMaxBlockSize) {
      return corrupt(start, fmt::format("block of {} bytes, more than the {} accepted", length, kMaxBlockSize));
    }
    std::size_t rest = length - 8 - already;
    block_.resize(already + rest);
    if (already != 0) std::copy(magic, magic + already, block_.begin());
    got = read_bytes(block_.data() + already, rest);
    if (got < rest) {
      return corrupt(start, fmt::format("truncated block: {} of {} bytes", 8 + already + got, length));
    }
    std::uint32_t trailer = value32(block_.data() + block_.size() - 4);
    if (trailer != length) {
      return corrupt(start, fmt::format("block length {} does not match its trailing length {}", length, trailer));
    }
    block_.resize(block_.size() - 4);
    return true;
  }

  bool start_section(ByteView body) {
    ByteReader reader(body);
    reader.uint(4, order_);  // magic, checked already
    auto major = reader.uint(2, order_);
    auto minor = reader.uint(2, order_);
    if (major != 1) {
      return corrupt(offset_ - body.size() - 12, fmt::format("unsupported pcapng version {}.{}", major, minor));
    }
    // Interface numbers restart in every section.
    interfaces_.clear();
    interfaces_full_reported_ = false;
    return true;
  }

  void add_interface(ByteView body) {
    if (interfaces_.size() >= kMaxInterfaces) {
      if (!interfaces_full_reported_) {
        add_diagnostic(number_ + 1, fmt::format("more than {} interfaces in one section; later ones are ignored",
                                                kMaxInterfaces));
        interfaces_full_reported_ = true;
      }
      return;
    }
    Interface interface;
    ByteReader reader(body);
    interface.link_type = static_cast<std::uint32_t>(reader.uint(2, order_));
    reader.uint(2, order_);  // reserved
    interface.snap_length = static_cast<std::uint32_t>(reader.uint(4, order_));
    if (!reader.ok()) {
      interface.valid = false;
      add_diagnostic(number_ + 1, fmt::format("interface {}: description block too short", interfaces_.size()));
    } else {
      read_options(reader.rest(), interface);
    }
    interfaces_.push_back(interface);
  }

  void read_options(ByteView options, Interface& interface) {
    ByteReader reader(options);
    while (reader.remaining() >= 4) {
      auto code = static_cast<std::uint16_t>(reader.uint(2, order_));
      auto length = static_cast<std::size_t>(reader.uint(2, order_));
      if (code == kOptionEnd) return;
      std::size_t padded = (length + 3) & ~std::size_t{3};
      if (reader.remaining() < padded) {
        add_diagnostic(number_ + 1, fmt::format("interface {}: malformed options ignored", interfaces_.size()));
        return;
      }
      ByteView value = reader.bytes(padded).first(length);
      if (code == kOptionTsResolution && length >= 1) interface.ts_resolution = value[0];
      if (code == kOptionTsOffset && length == 8) {
        ByteReader offset(value);
        interface.ts_offset_seconds = static_cast<std::int64_t>(offset.uint(8, order_));
      }
    }
  }

  // A packet block: `interface_width` bytes of interface id (0: always interface 0), then for
  // timed blocks a 64-bit time, captured and original lengths; `fixed` bytes precede the data.
  std::optional<CaptureRecord> packet(ByteView body, std::size_t interface_width, std::size_t fixed, bool timed) {
    ++number_;
    ByteReader reader(body);
    std::uint32_t id = 0;
    if (interface_width != 0) {
      id = static_cast<std::uint32_t>(reader.uint(interface_width, order_));
      if (interface_width == 2) reader.uint(2, order_);  // drop count
    }
    std::uint64_t units = 0;
    std::uint32_t captured = 0;
    std::uint32_t original = 0;
    if (timed) {
      std::uint64_t high = reader.uint(4, order_);
      units = high << 32 | reader.uint(4, order_);
      captured = static_cast<std::uint32_t>(reader.uint(4, order_));
      original = static_cast<std::uint32_t>(reader.uint(4, order_));
    } else {
      original = static_cast<std::uint32_t>(reader.uint(4, order_));
    }
    if (!reader.ok()) return skipped(body, "corrupt packet block: too short");
    if (id >= interfaces_.size()) {
      return skipped(body, fmt::format("packet of interface {}, which has no description block", id));
    }
    const Interface& interface = interfaces_[id];
    if (!interface.valid) return skipped(body, fmt::format("interface {} has a corrupt description block", id));
    std::size_t available = body.size() - fixed;
    if (!timed) {
      // A simple packet block stores min(original length, snap length) bytes, padded.
      captured = original;
      if (interface.snap_length != 0 && captured > interface.snap_length) captured = interface.snap_length;
      if (captured > available) captured = static_cast<std::uint32_t>(available);
    } else if (captured > available) {
      return skipped(body, fmt::format("corrupt packet block: captured length {} exceeds the block", captured));
    }
    ByteView data = body.subspan(fixed, captured);
    std::optional<std::int64_t> time;
    if (timed) {
      time = to_nanoseconds(interface, units);
      if (!time) add_diagnostic(number_, "timestamp out of range; the record has no time");
    }
    return make_record(number_, time, interface.link_type, data, original,
                       decide_link(interface.link_type, data, force_link_));
  }

  CaptureRecord skipped(ByteView body, std::string reason) {
    add_diagnostic(number_, reason);
    CaptureRecord record;
    record.number = number_;
    record.data.assign(body.begin(), body.end());
    record.original_length = body.size();
    record.skip_reason = std::move(reason);
    return record;
  }

  static std::optional<std::int64_t> to_nanoseconds(const Interface& interface, std::uint64_t units) {
    Int128 ns = 0;
    int exponent = interface.ts_resolution & 0x7F;
    if ((interface.ts_resolution & 0x80) != 0) {
      // Units of 2^-exponent seconds; the product stays below 2^94.
      ns = static_cast<Int128>((static_cast<UInt128>(units) * 1'000'000'000u) >> exponent);
    } else if (exponent <= 9) {
      ns = static_cast<Int128>(units) * power_of_ten(9 - exponent);
    } else if (exponent - 9 <= 38) {
      ns = static_cast<Int128>(units) / power_of_ten(exponent - 9);
    }
    ns += static_cast<Int128>(interface.ts_offset_seconds) * 1'000'000'000;
    if (ns > std::numeric_limits<std::int64_t>::max() || ns < std::numeric_limits<std::int64_t>::min()) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(ns);
  }

  bool corrupt(std::uint64_t block_offset, const std::string& what) {
    fail(number_ + 1, fmt::format("corrupt pcapng at byte offset {}: {}", block_offset, what));
    return false;
  }

  std::size_t read_bytes(std::uint8_t* out, std::size_t size) {
    std::size_t got = size == 0 ? 0 : std::fread(out, 1, size, file_.get());
    offset_ += got;
    return got;
  }

  std::uint32_t value32(const std::uint8_t* bytes) const {
    ByteReader reader(ByteView(bytes, 4));
    return static_cast<std::uint32_t>(reader.uint(4, order_));
  }

  FilePtr file_;
  std::string force_link_;
  ByteOrder order_ = ByteOrder::Little;
  bool in_section_ = false;
  std::vector<Interface> interfaces_;
  bool interfaces_full_reported_ = false;
  Bytes block_;
  std::uint64_t offset_ = 0;
  std::uint64_t number_ = 0;
};

}  // namespace

OpenResult open_pcapng_reader(Input input, const OpenOptions& options) {
  OpenResult result;
  auto reader = std::make_unique<PcapngReader>(std::move(input.file), options.force_link);
  if (auto error = reader->start()) {
    result.error = "cannot read pcapng " + input.name + ": " + *error;
    return result;
  }
  result.reader = std::move(reader);
  return result;
}

}  // namespace mctpkit::capture::detail
