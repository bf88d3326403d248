// tcpdump text dumps: a header line with a time starts a packet, hex dump lines carry its bytes.
// Packets are assembled one at a time from a line stream, so memory stays flat.

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

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
};

bool starts_with(ByteView whole, ByteView prefix) {
  return prefix.size() <= whole.size() && std::equal(prefix.begin(), prefix.end(), whole.begin());
}

class TextReader final : public CaptureReader {
 public:
  TextReader(FilePtr file, std::string force_link, const TextClock& clock)
      : file_(std::move(file)), force_link_(std::move(force_link)), clock_(clock) {}

  std::string_view format_name() const override { return "tcpdump text"; }

 protected:
  std::optional<CaptureRecord> read_next() override {
    while (!at_end_) {
      if (!read_line()) {
        at_end_ = true;
        if (failed()) return std::nullopt;  // the packet being read may be incomplete
        std::optional<CaptureRecord> last = close_packet();
        report_end();
        return last;
      }
      if (std::optional<CaptureRecord> record = handle_line()) return record;
    }
    return std::nullopt;
  }

 private:
  bool read_line() {
    line_.clear();
    bool cut = false;
    int c = 0;
    while ((c = getc_unlocked(file_.get())) != EOF && c != '\n') {
      if (line_.size() < kMaxLineLength) {
        line_.push_back(static_cast<char>(c));
      } else {
        cut = true;
      }
    }
    if (c == EOF && std::ferror(file_.get())) {
      fail(line_number_ + 1, std::string("read error: ") + std::strerror(errno));
      return false;
    }
    if (c == EOF && line_.empty()) return false;
    ++line_number_;
    if (cut) add_diagnostic(line_number_, fmt::format("line longer than {} characters; the rest is ignored", kMaxLineLength));
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    // Editors on Windows start UTF-8 files with a byte-order mark; it would hide the banner.
    if (line_number_ == 1 && line_.rfind("\xEF\xBB\xBF", 0) == 0) line_.erase(0, 3);
    return true;
  }

  std::optional<CaptureRecord> handle_line() {
    std::string_view line = strip_log_prefix(line_);
    HexLine hex = parse_hex_line(line);
    switch (hex.kind) {
      case HexLine::Kind::Hex:
        return add_hex(hex);
      case HexLine::Kind::Malformed:
        add_diagnostic(line_number_, "malformed hex dump line (" + hex.problem + "); line skipped");
        damage();
        return std::nullopt;
      case HexLine::Kind::NotHex:
        break;
    }
    if (std::optional<TimeLine> time = parse_time_line(line)) {
      std::optional<CaptureRecord> finished = close_packet();
      start_packet(true);
      packet_.time_ns = convert(*time);
      packet_.ethertype = parse_ethertype(line);
      pending_ethertype_.reset();
      return finished;
    }
    if (std::optional<std::uint32_t> link_type = parse_link_type_line(line)) {
      link_type_ = *link_type;
      return std::nullopt;
    }
    // Any other line: tcpdump's decoded text, a -t header line without a time, noise. After a
    // dump it means the packet is over, which matters when packets carry no time.
    if (packet_.open && !packet_.bytes.empty()) packet_.text_after_hex = true;
    pending_ethertype_ = parse_ethertype(line);
    return std::nullopt;
  }

  std::optional<CaptureRecord> add_hex(const HexLine& hex) {
    std::optional<CaptureRecord> finished;
    if (hex.offset == 0) {
      if (packet_.open && (!packet_.bytes.empty() || packet_.damaged_line != 0)) {
        // Offset 0 again: tcpdump's second dump of the same packet (unsupported link types),
        // or, without header lines, the next packet.
        bool same_packet = !packet_.text_after_hex && (packet_.timed || starts_with(packet_.bytes, hex.bytes));
        if (same_packet) {
          packet_.bytes.clear();
          packet_.damaged_line = 0;
        } else {
          finished = close_packet();
          start_packet(false);
        }
      } else if (!packet_.open) {
        start_packet(false);
      }
    } else if (!packet_.open) {
      add_diagnostic(line_number_, fmt::format("hex dump line at offset 0x{:04x} outside any packet; line skipped",
                                               hex.offset));
      return std::nullopt;
    }
    if (packet_.damaged_line != 0) return finished;  // reported once already
    if (hex.offset != packet_.bytes.size()) {
      add_diagnostic(line_number_, fmt::format("hex dump offset 0x{:04x} does not follow the previous line "
                                               "(expected 0x{:04x}); line skipped",
                                               hex.offset, packet_.bytes.size()));
      damage();
      return finished;
    }
    if (packet_.bytes.size() + hex.bytes.size() > kMaxPacketBytes) {
      add_diagnostic(line_number_, fmt::format("hex dump longer than {} bytes; line skipped", kMaxPacketBytes));
      damage();
      return finished;
    }
    packet_.bytes.insert(packet_.bytes.end(), hex.bytes.begin(), hex.bytes.end());
    return finished;
  }

  void start_packet(bool timed) {
    packet_ = Packet{};
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

  std::optional<CaptureRecord> close_packet() {
    Packet packet = std::move(packet_);
    packet_ = Packet{};
    if (!packet.open) return std::nullopt;
    if (packet.bytes.empty() && packet.damaged_line == 0) {
      ++packets_without_dump_;
      return std::nullopt;
    }
    ++number_;
    LinkDecision decision;
    if (packet.damaged_line != 0) {
      decision.skip_reason = fmt::format("hex dump damaged at line {}", packet.damaged_line);
    } else {
      decision = decide_text_link(packet.link_type, packet.ethertype, packet.bytes, force_link_);
    }
    return make_record(number_, packet.time_ns, 0, packet.bytes, packet.bytes.size(), std::move(decision));
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
  std::string force_link_;
  TextClock clock_;
  std::string line_;
  std::uint64_t line_number_ = 0;
  std::optional<std::uint32_t> link_type_;
  std::optional<std::uint16_t> pending_ethertype_;
  Packet packet_;
  std::uint64_t number_ = 0;
  std::uint64_t packets_without_dump_ = 0;
  bool at_end_ = false;
};

}  // namespace

OpenResult open_text_reader(Input input, const OpenOptions& options, const TextClock& clock) {
  OpenResult result;
  result.reader = std::make_unique<TextReader>(std::move(input.file), options.force_link, clock);
  return result;
}

}  // namespace mctpkit::capture::detail
