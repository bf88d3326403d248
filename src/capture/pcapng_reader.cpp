// pcapng, parsed here rather than by libpcap: libpcap 1.10 stops at the first interface whose
// link type differs from the first one ("an interface has a type 209 different from the type
// of the first interface"), and a capture of an MCTP interface next to an I2C bus has exactly
// that. Blocks: SHB (both byte orders, several sections), IDB (if_tsresol, if_tsoffset), EPB,
// SPB and the obsolete PB; every other block is skipped. Blocks are read in place in large
// pieces of the file, as classic pcap records are (see block_reader.hpp), and a record is
// written into the caller's storage.

#include <fmt/format.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "block_reader.hpp"
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
  PcapngReader(FilePtr file, bool whole_blocks, std::string force_link)
      : file_(std::move(file)), blocks_(file_.get(), whole_blocks), force_link_(std::move(force_link)) {}

  std::string_view format_name() const override { return "pcapng"; }

  /// Reads the first block, which must be a valid section header, so that a damaged file
  /// header is an open error like for pcap. The message of the failure otherwise.
  std::optional<std::string> start() {
    Block block;
    if (next_block(block) && start_section(block)) {
      consume(block);
      return std::nullopt;
    }
    if (diagnostics().empty()) return std::string("empty section header");
    return diagnostics().back().message;
  }

 protected:
  std::optional<CaptureRecord> read_next() override {
    CaptureRecord record;
    if (!read_next_into(record)) return std::nullopt;
    return record;
  }

  bool read_next_into(CaptureRecord& record) override {
    Packet p;
    if (!next_packet(p)) return false;
    if (p.skip_reason.empty()) {
      fill_record(record, number_, p.time, p.link_type, p.data, p.original_length,
                  decide_link(p.link_type, p.data, force_link_));
    } else {
      // The block's whole body, with no time and no link type.
      fill_record(record, number_, std::nullopt, 0, p.block.body, p.block.body.size(),
                  LinkDecision{"", 0, std::move(p.skip_reason)});
    }
    consume(p.block);
    return true;
  }

  bool skip_next(bool& carries_mctp) override {
    Packet p;
    if (!next_packet(p)) return false;
    carries_mctp = p.skip_reason.empty() && !decide_link(p.link_type, p.data, force_link_).link.empty();
    consume(p.block);
    return true;
  }

 private:
  // A block as it lies in the read buffer, until it is consumed.
  struct Block {
    std::uint32_t type = 0;
    ByteView body;               // after the type and length, before the trailing length
    std::uint32_t length = 0;    // the whole block's
    std::uint64_t offset = 0;    // of its first byte in the file
  };

  // A packet block read: a record, or why its block cannot be one (the record then holds the
  // block's body).
  struct Packet {
    Block block;
    ByteView data;
    std::uint32_t link_type = 0;
    std::uint32_t original_length = 0;
    std::optional<std::int64_t> time;
    std::string skip_reason;
  };

  // The next packet block, section headers and interface descriptions on the way taken in;
  // false at the end of the file or after a fatal error.
  bool next_packet(Packet& p) {
    while (true) {
      if (!next_block(p.block)) return false;
      const ByteView body = p.block.body;
      switch (p.block.type) {
        case kSectionHeader:
          if (!start_section(p.block)) return false;
          break;
        case kInterfaceDescription:
          add_interface(body);
          break;
        case kEnhancedPacket:
          read_packet(body, 4, 20, true, p);
          return true;
        case kObsoletePacket:
          read_packet(body, 2, 20, true, p);
          return true;
        case kSimplePacket:
          read_packet(body, 0, 4, false, p);
          return true;
        default:
          break;  // statistics, name resolution, custom blocks...: nothing for us
      }
      consume(p.block);
    }
  }

  // The next block, whole in the read buffer and checked (length and trailing length); false at
  // the end of the file or after a fatal error.
  bool next_block(Block& block) {
    block.offset = offset_;
    std::size_t have = blocks_.fill(8);
    if (have == 0) return false;
    if (have < 8) return corrupt(offset_, fmt::format("truncated block header ({} of 8 bytes)", have));
    const std::uint32_t raw_type = little32(blocks_.data());
    if (raw_type == kSectionHeader) {
      // The byte order of a section (and of this very block's length) is only known from the
      // magic number that follows the length.
      if (blocks_.fill(12) < 12) return corrupt(offset_, "truncated section header block");
      const std::uint32_t magic = little32(blocks_.data() + 8);
      if (magic == kByteOrderMagic) {
        order_ = ByteOrder::Little;
      } else if (swap32(magic) == kByteOrderMagic) {
        order_ = ByteOrder::Big;
      } else {
        return corrupt(offset_, "section header with an unknown byte-order magic");
      }
      in_section_ = true;
    } else if (!in_section_) {
      return corrupt(offset_, "the file does not start with a section header block");
    }
    block.type = value32(blocks_.data());
    const std::uint32_t length = value32(blocks_.data() + 4);
    const std::uint32_t minimum = raw_type == kSectionHeader ? 28 : 12;
    if (length < minimum || length % 4 != 0) {
      return corrupt(offset_, fmt::format("invalid block length {}", length));
    }
    if (length > kMaxBlockSize) {
      return corrupt(offset_, fmt::format("block of {} bytes, more than the {} accepted", length, kMaxBlockSize));
    }
    have = blocks_.fill(length);
    if (have < length) return corrupt(offset_, fmt::format("truncated block: {} of {} bytes", have, length));
    const std::uint8_t* bytes = blocks_.data();
    const std::uint32_t trailer = value32(bytes + length - 4);
    if (trailer != length) {
      return corrupt(offset_, fmt::format("block length {} does not match its trailing length {}", length, trailer));
    }
    block.body = ByteView(bytes + 8, length - 12);
    block.length = length;
    return true;
  }

  void consume(const Block& block) {
    blocks_.consume(block.length);
    offset_ += block.length;
  }

  bool start_section(const Block& block) {
    ByteReader reader(block.body);
    reader.uint(4, order_);  // magic, checked already
    auto major = reader.uint(2, order_);
    auto minor = reader.uint(2, order_);
    if (major != 1) return corrupt(block.offset, fmt::format("unsupported pcapng version {}.{}", major, minor));
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

  // A packet block: `interface_width` bytes of interface id (0: always interface 0; 2: followed
  // by a 16-bit drop count), then for timed blocks a 64-bit time, captured and original lengths
  // at bytes 4 to 20; a simple block has only its original length. `fixed` bytes precede the
  // data. Every packet block is a record, numbered; one that cannot be read says why.
  void read_packet(ByteView body, std::size_t interface_width, std::size_t fixed, bool timed, Packet& p) {
    ++number_;
    p.skip_reason.clear();
    p.time.reset();
    if (body.size() < fixed) return skip(p, "corrupt packet block: too short");
    const std::uint8_t* b = body.data();
    std::uint32_t id = 0;
    if (interface_width == 4) id = value32(b);
    if (interface_width == 2) id = value16(b);
    std::uint64_t units = 0;
    std::uint32_t captured = 0;
    std::uint32_t original = 0;
    if (timed) {
      units = std::uint64_t{value32(b + 4)} << 32 | value32(b + 8);
      captured = value32(b + 12);
      original = value32(b + 16);
    } else {
      original = value32(b);
    }
    if (id >= interfaces_.size()) {
      return skip(p, fmt::format("packet of interface {}, which has no description block", id));
    }
    const Interface& interface = interfaces_[id];
    if (!interface.valid) return skip(p, fmt::format("interface {} has a corrupt description block", id));
    std::size_t available = body.size() - fixed;
    if (!timed) {
      // A simple packet block stores min(original length, snap length) bytes, padded.
      captured = original;
      if (interface.snap_length != 0 && captured > interface.snap_length) captured = interface.snap_length;
      if (captured > available) captured = static_cast<std::uint32_t>(available);
    } else if (captured > available) {
      return skip(p, fmt::format("corrupt packet block: captured length {} exceeds the block", captured));
    }
    p.data = body.subspan(fixed, captured);
    p.link_type = interface.link_type;
    p.original_length = original;
    if (timed) {
      p.time = to_nanoseconds(interface, units);
      if (!p.time) add_diagnostic(number_, "timestamp out of range; the record has no time");
    }
  }

  void skip(Packet& p, std::string reason) {
    add_diagnostic(number_, reason);
    p.skip_reason = std::move(reason);
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

  static std::uint32_t little32(const std::uint8_t* bytes) {
    return bytes[0] | bytes[1] << 8 | bytes[2] << 16 | static_cast<std::uint32_t>(bytes[3]) << 24;
  }
  // Words in the section's byte order.
  std::uint32_t value32(const std::uint8_t* bytes) const {
    std::uint32_t v = 0;
    std::memcpy(&v, bytes, sizeof v);
    return order_ == native_order() ? v : swap32(v);
  }
  std::uint16_t value16(const std::uint8_t* bytes) const {
    std::uint16_t v = 0;
    std::memcpy(&v, bytes, sizeof v);
    return order_ == native_order() ? v : static_cast<std::uint16_t>(v >> 8 | v << 8);
  }
  static constexpr ByteOrder native_order() {
    return std::endian::native == std::endian::little ? ByteOrder::Little : ByteOrder::Big;
  }

  FilePtr file_;
  BlockReader blocks_;  // reads file_
  std::string force_link_;
  ByteOrder order_ = ByteOrder::Little;
  bool in_section_ = false;
  std::vector<Interface> interfaces_;
  bool interfaces_full_reported_ = false;
  std::uint64_t offset_ = 0;  // of the next block in the file
  std::uint64_t number_ = 0;
};

}  // namespace

OpenResult open_pcapng_reader(Input input, const OpenOptions& options) {
  OpenResult result;
  auto reader = std::make_unique<PcapngReader>(std::move(input.file), input.whole_blocks, options.force_link);
  if (auto error = reader->start()) {
    result.error = "cannot read pcapng " + input.name + ": " + *error;
    return result;
  }
  result.reader = std::move(reader);
  return result;
}

}  // namespace mctpkit::capture::detail
