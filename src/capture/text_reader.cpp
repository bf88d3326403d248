// tcpdump text dumps: a header line with a time starts a packet, hex dump lines carry its bytes.
// Packets are assembled one at a time from a line stream, so memory stays flat, in storage kept
// from packet to packet and written into the caller's record.

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "block_reader.hpp"
#include "format_readers.hpp"
#include "text_line.hpp"
#include "mctpkit/capture/packet_lines.hpp"
#include "text_link.hpp"
#include "text_time.hpp"

namespace mctpkit::capture::detail {

namespace {

// tcpdump's largest snap length; a longer hex dump is damage, not a packet.
constexpr std::size_t kMaxPacketBytes = 262144;

struct Packet {
  bool open = false;
  bool timed = false;  // started by a header line with a time
  std::optional<std::int64_t> time_ns;
  std::optional<std::uint16_t> ethertype;
  std::optional<std::uint32_t> link_type;  // the banner in force when the packet began
  Bytes bytes;
  bool text_after_hex = false;       // a non-hex line followed its hex dump
  std::uint64_t damaged_line = 0;    // first line that spoiled the dump, 0 = intact

  // No packet, the storage of its bytes kept for the next one.
  void reset() {
    open = timed = false;
    time_ns.reset();
    ethertype.reset();
    link_type.reset();
    bytes.clear();
    text_after_hex = false;
    damaged_line = 0;
  }
};

bool starts_with(ByteView whole, ByteView prefix) {
  return prefix.size() <= whole.size() && std::equal(prefix.begin(), prefix.end(), whole.begin());
}

class TextReader final : public CaptureReader {
 public:
  TextReader(FilePtr file, bool whole_blocks, std::string force_link, const TextClock& clock)
      : file_(std::move(file)),
        whole_blocks_(whole_blocks),
        blocks_(file_.get(), true),
        force_link_(std::move(force_link)),
        clock_(clock) {}

  std::string_view format_name() const override { return "tcpdump text"; }

 protected:
  std::optional<CaptureRecord> read_next() override {
    CaptureRecord record;
    if (!read_next_into(record)) return std::nullopt;
    return record;
  }

  bool read_next_into(CaptureRecord& record) override {
    while (!at_end_) {
      if (!read_line()) {
        at_end_ = true;
        if (failed()) return false;  // the packet being read may be incomplete
        const bool last = close_packet(record);
        report_end();
        return last;
      }
      if (handle_line(record)) return true;
    }
    return false;
  }

 private:
  // The next line, without its end, in line_; false at the end of the input or after a read
  // error.
  bool read_line() {
    bool cut = false;
    const bool got = whole_blocks_ ? take_line_in_place(cut) : take_line_by_character(cut);
    if (!got) return false;
    ++line_number_;
    if (cut) add_diagnostic(line_number_, fmt::format("line longer than {} characters; the rest is ignored", kMaxLineLength));
    if (!line_.empty() && line_.back() == '\r') line_.remove_suffix(1);
    // Editors on Windows start UTF-8 files with a byte-order mark; it would hide the banner.
    if (line_number_ == 1 && line_.starts_with("\xEF\xBB\xBF")) line_.remove_prefix(3);
    return true;
  }

  // A file or memory: the line is found with memchr in a large block of the input and left
  // there (line_ looks at it until the next line is read).
  bool take_line_in_place(bool& cut) {
    std::size_t have = blocks_.fill(1);
    std::size_t scanned = 0;
    while (have != 0) {
      const char* start = reinterpret_cast<const char*>(blocks_.data());
      if (const void* end = std::memchr(start + scanned, '\n', have - scanned)) {
        const auto length = static_cast<std::size_t>(static_cast<const char*>(end) - start);
        line_ = std::string_view(start, length);
        blocks_.consume(length + 1);
        return true;
      }
      if (have > kMaxLineLength) {
        // Too long: its first characters are kept, and the rest is read up to its end and dropped.
        long_line_.assign(start, kMaxLineLength);
        line_ = long_line_;
        cut = true;
        blocks_.consume(have);
        for (std::size_t more = blocks_.fill(1); more != 0; more = blocks_.fill(1)) {
          const auto* bytes = blocks_.data();
          if (const void* end = std::memchr(bytes, '\n', more)) {
            blocks_.consume(static_cast<std::size_t>(static_cast<const std::uint8_t*>(end) - bytes) + 1);
            return true;
          }
          blocks_.consume(more);
        }
        return !read_failed();
      }
      scanned = have;
      const std::size_t more = blocks_.fill(have + 1);
      if (more == have) {
        // The input ends without a newline: what is left is the last line.
        if (read_failed()) return false;
        line_ = std::string_view(reinterpret_cast<const char*>(blocks_.data()), have);
        blocks_.consume(have);
        return true;
      }
      have = more;
    }
    read_failed();
    return false;
  }

  // A pipe, terminal or socket: read character by character from the stream's own buffer, so
  // that a line is handed on as soon as it is complete (a live capture's lines come as they are
  // printed).
  bool take_line_by_character(bool& cut) {
    long_line_.clear();
    int c = 0;
    while ((c = getc_unlocked(file_.get())) != EOF && c != '\n') {
      if (long_line_.size() < kMaxLineLength) {
        long_line_.push_back(static_cast<char>(c));
      } else {
        cut = true;
      }
    }
    if (c == EOF && read_failed()) return false;
    if (c == EOF && long_line_.empty()) return false;
    line_ = long_line_;
    return true;
  }

  // Whether the input reported an error, which then ends the reading with a diagnostic.
  bool read_failed() {
    if (std::ferror(file_.get()) == 0) return false;
    fail(line_number_ + 1, std::string("read error: ") + std::strerror(errno));
    return true;
  }

  // Takes in the line just read; true when that finished a packet, written into `finished`.
  bool handle_line(CaptureRecord& finished) {
    std::string_view line = strip_log_prefix(line_);
    parse_hex_line(line, hex_);
    switch (hex_.kind) {
      case HexLine::Kind::Hex:
        return add_hex(hex_, finished);
      case HexLine::Kind::Malformed:
        add_diagnostic(line_number_, "malformed hex dump line (" + hex_.problem + "); line skipped");
        damage();
        return false;
      case HexLine::Kind::NotHex:
        break;
    }
    if (std::optional<TimeLine> time = parse_time_line(line)) {
      const bool closed = close_packet(finished);
      start_packet(true);
      packet_.time_ns = convert(*time);
      packet_.ethertype = parse_ethertype(line);
      pending_ethertype_.reset();
      return closed;
    }
    if (std::optional<std::uint32_t> link_type = parse_link_type_line(line)) {
      link_type_ = *link_type;
      return false;
    }
    // Any other line: tcpdump's decoded text, a -t header line without a time, noise. After a
    // dump it means the packet is over, which matters when packets carry no time.
    if (packet_.open && !packet_.bytes.empty()) packet_.text_after_hex = true;
    pending_ethertype_ = parse_ethertype(line);
    return false;
  }

  bool add_hex(const HexLine& hex, CaptureRecord& finished) {
    bool closed = false;
    if (hex.offset == 0) {
      if (packet_.open && (!packet_.bytes.empty() || packet_.damaged_line != 0)) {
        // Offset 0 again: tcpdump's second dump of the same packet (unsupported link types),
        // or, without header lines, the next packet.
        bool same_packet = !packet_.text_after_hex && (packet_.timed || starts_with(packet_.bytes, hex.bytes));
        if (same_packet) {
          packet_.bytes.clear();
          packet_.damaged_line = 0;
        } else {
          closed = close_packet(finished);
          start_packet(false);
        }
      } else if (!packet_.open) {
        start_packet(false);
      }
    } else if (!packet_.open) {
      add_diagnostic(line_number_, fmt::format("hex dump line at offset 0x{:04x} outside any packet; line skipped",
                                               hex.offset));
      return false;
    }
    if (packet_.damaged_line != 0) return closed;  // reported once already
    if (hex.offset != packet_.bytes.size()) {
      add_diagnostic(line_number_, fmt::format("hex dump offset 0x{:04x} does not follow the previous line "
                                               "(expected 0x{:04x}); line skipped",
                                               hex.offset, packet_.bytes.size()));
      damage();
      return closed;
    }
    if (packet_.bytes.size() + hex.bytes.size() > kMaxPacketBytes) {
      add_diagnostic(line_number_, fmt::format("hex dump longer than {} bytes; line skipped", kMaxPacketBytes));
      damage();
      return closed;
    }
    packet_.bytes.insert(packet_.bytes.end(), hex.bytes.begin(), hex.bytes.end());
    return closed;
  }

  void start_packet(bool timed) {
    packet_.reset();
    packet_.open = true;
    packet_.timed = timed;
    packet_.link_type = link_type_;
    if (!timed) {
      packet_.ethertype = pending_ethertype_;
      pending_ethertype_.reset();
    }
  }

  void damage() {
    if (packet_.open && packet_.damaged_line == 0) packet_.damaged_line = line_number_;
  }

  std::optional<std::int64_t> convert(const TimeLine& time) {
    if (!time.problem.empty()) {
      add_diagnostic(line_number_, time.problem + "; the packet has no time");
      return std::nullopt;
    }
    if (time.epoch_ns) return time.epoch_ns;
    std::optional<TextClock::Instant> instant = clock_.to_utc(time.date, time.time_of_day_ns);
    if (!instant) {
      add_diagnostic(line_number_, "time out of range; the packet has no time");
      return std::nullopt;
    }
    if (instant->nonexistent) {
      add_diagnostic(line_number_, fmt::format("local time does not exist in {} (the clocks were put forward); "
                                               "read with the offset before the change",
                                               clock_.zone_name()));
    }
    return instant->utc_ns;
  }

  // Ends the packet being read; true when it is a record, written into `record`.
  bool close_packet(CaptureRecord& record) {
    const bool is_record = packet_.open && (!packet_.bytes.empty() || packet_.damaged_line != 0);
    if (packet_.open && !is_record) ++packets_without_dump_;
    if (is_record) {
      ++number_;
      LinkDecision decision;
      if (packet_.damaged_line != 0) {
        decision.skip_reason = fmt::format("hex dump damaged at line {}", packet_.damaged_line);
      } else {
        decision = decide_text_link(packet_.link_type, packet_.ethertype, packet_.bytes, force_link_);
      }
      fill_record(record, number_, packet_.time_ns, 0, packet_.bytes, packet_.bytes.size(), std::move(decision));
    }
    packet_.reset();
    return is_record;
  }

  void report_end() {
    if (packets_without_dump_ != 0) {
      add_diagnostic(line_number_, fmt::format("{} packet header line(s) without a hex dump (tcpdump prints the "
                                               "bytes with -x, -xx, -X or -XX)",
                                               packets_without_dump_));
    } else if (number_ == 0) {
      add_diagnostic(line_number_, "no packets: no tcpdump hex dump lines found");
    }
  }

  FilePtr file_;
  bool whole_blocks_;   // file_ may be read ahead (see Input::whole_blocks)
  BlockReader blocks_;  // reads file_ when it may
  std::string force_link_;
  TextClock clock_;
  std::string_view line_;  // the line read last: in blocks_, or in long_line_
  std::string long_line_;  // a line read character by character, or one cut short
  std::uint64_t line_number_ = 0;
  std::optional<std::uint32_t> link_type_;
  std::optional<std::uint16_t> pending_ethertype_;
  HexLine hex_;  // the last line as a hex dump line, its storage kept
  Packet packet_;
  std::uint64_t number_ = 0;
  std::uint64_t packets_without_dump_ = 0;
  bool at_end_ = false;
};

}  // namespace

OpenResult open_text_reader(Input input, const OpenOptions& options, const TextClock& clock) {
  OpenResult result;
  result.reader = std::make_unique<TextReader>(std::move(input.file), input.whole_blocks, options.force_link, clock);
  return result;
}

}  // namespace mctpkit::capture::detail
