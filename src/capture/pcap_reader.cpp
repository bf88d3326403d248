// Classic pcap files (both byte orders, micro- and nanosecond timestamps, the modified format
// with longer record headers). libpcap opens the file: it checks the file header and says what
// the link type is called. The records are then read here, in place in large blocks; going
// through libpcap cost two stdio reads per record, more than everything else done to read it.

#include <pcap/pcap.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "block_reader.hpp"
#include "format_readers.hpp"
#include "link_decode.hpp"

namespace mctpkit::capture::detail {

namespace {

// A record larger than this is taken as damage rather than read; it is the limit libpcap sets
// for nearly every link type.
constexpr std::uint32_t kMaxRecordSize = 262144;

// How the records of one file are laid out, from the magic number that libpcap accepted.
struct RecordLayout {
  bool swapped = false;      // written by a host of the other byte order
  bool nanoseconds = false;  // the second word of a record's time counts nanoseconds
  std::size_t header_size = 16;
  // Files older than version 2.3 (and DG/UX's "543.0") give the original length before the
  // captured one; 2.3 files were written both ways, which shows as a captured length above the
  // original one.
  bool lengths_swapped = false;
  bool lengths_maybe_swapped = false;
};

RecordLayout layout_of(ByteView head, pcap_t* handle) {
  RecordLayout layout;
  std::uint32_t magic = 0;
  std::memcpy(&magic, head.data(), sizeof magic);  // opened as pcap: the head holds the magic
  layout.swapped = pcap_is_swapped(handle) != 0;
  if (layout.swapped) magic = swap32(magic);
  layout.nanoseconds = magic == kPcapMagicNanoseconds;
  layout.header_size = magic == kPcapMagicModified ? 24 : 16;  // the modified format adds 8 bytes
  const int major = pcap_major_version(handle), minor = pcap_minor_version(handle);
  layout.lengths_swapped = (major == 2 && minor < 3) || major == 543;
  layout.lengths_maybe_swapped = major == 2 && minor == 3;
  return layout;
}

class PcapReader final : public CaptureReader {
 public:
  PcapReader(pcap_t* handle, RecordLayout layout, bool whole_blocks, std::string force_link)
      : handle_(handle),
        layout_(layout),
        blocks_(pcap_file(handle), whole_blocks),
        link_type_(static_cast<std::uint32_t>(pcap_datalink(handle))),
        snapshot_(static_cast<std::uint32_t>(std::max(pcap_snapshot(handle), 0))),
        force_link_(std::move(force_link)) {}
  ~PcapReader() override { pcap_close(handle_); }

  std::string_view format_name() const override { return "pcap"; }

 protected:
  std::optional<CaptureRecord> read_next() override {
    CaptureRecord record;
    if (!read_next_into(record)) return std::nullopt;
    return record;
  }

  bool read_next_into(CaptureRecord& record) override {
    Record r;
    if (!read_record(r)) return false;
    fill_record(record, number_, r.time_ns, link_type_, r.data, r.original_length,
                decide_link(link_type_, r.data, force_link_));
    blocks_.consume(r.size_in_file);
    return true;
  }

  bool skip_next(bool& carries_mctp) override {
    Record r;
    if (!read_record(r)) return false;
    carries_mctp = !decide_link(link_type_, r.data, force_link_).link.empty();
    blocks_.consume(r.size_in_file);
    return true;
  }

 private:
  // A record as it lies in the block, until the caller consumes it.
  struct Record {
    ByteView data;
    std::uint32_t original_length = 0;
    std::int64_t time_ns = 0;
    std::size_t size_in_file = 0;  // its header and every captured byte
  };

  // The next record; false at the end of the file or after a fatal error.
  bool read_record(Record& r) {
    const std::uint64_t number = number_ + 1;
    const std::size_t header_size = layout_.header_size;
    std::size_t have = blocks_.fill(header_size);
    if (have == 0 && !blocks_.failed()) return false;  // clean end of file
    if (have < header_size) return cut_short(number, have, header_size, "header");
    const std::uint8_t* header = blocks_.data();
    const std::uint32_t seconds = word(header, 0), fraction = word(header, 4);
    std::uint32_t captured = word(header, 8), original = word(header, 12);
    if (layout_.lengths_swapped || (layout_.lengths_maybe_swapped && captured > original)) {
      std::swap(captured, original);
    }
    if (captured > kMaxRecordSize) {
      fail(number, fmt::format("cannot read record {}: it claims {} captured bytes, more than the {} a record may "
                               "hold; the file is damaged",
                               number, captured, kMaxRecordSize));
      return false;
    }
    have = blocks_.fill(header_size + captured);
    if (have < header_size + captured) return cut_short(number, have - header_size, captured, "data");
    number_ = number;
    // A record longer than the file's snapshot length is cut to it, as libpcap hands it out: a
    // writer that got the header wrong, or damage.
    r.data = ByteView(blocks_.data() + header_size, std::min(captured, snapshot_));
    r.original_length = original;
    // The seconds are unsigned in the file, so times after 2038 stay positive.
    r.time_ns = std::int64_t{seconds} * 1'000'000'000 + std::int64_t{fraction} * (layout_.nanoseconds ? 1 : 1000);
    r.size_in_file = header_size + captured;
    return true;
  }

  std::uint32_t word(const std::uint8_t* at, std::size_t offset) const {
    std::uint32_t v = 0;
    std::memcpy(&v, at + offset, sizeof v);
    return layout_.swapped ? swap32(v) : v;
  }

  // The file ends (or cannot be read) inside record `number`: what came before was returned.
  bool cut_short(std::uint64_t number, std::size_t got, std::size_t wanted, std::string_view part) {
    if (blocks_.failed()) {
      fail(number, fmt::format("cannot read record {}: {}", number, std::strerror(errno)));
    } else {
      fail(number, fmt::format("cannot read record {}: the file ends after {} of the {} bytes of its {}", number, got,
                               wanted, part));
    }
    return false;
  }

  pcap_t* handle_;
  RecordLayout layout_;
  BlockReader blocks_;
  std::uint32_t link_type_;
  std::uint32_t snapshot_;
  std::string force_link_;
  std::uint64_t number_ = 0;
};

}  // namespace

OpenResult open_pcap_reader(Input input, const OpenOptions& options) {
  OpenResult result;
  char error[PCAP_ERRBUF_SIZE] = {};
  pcap_t* handle = pcap_fopen_offline(input.file.get(), error);
  if (handle == nullptr) {
    result.error = "cannot read pcap " + input.name + ": " + error;
    return result;  // libpcap leaves the stream to us on failure; input closes it
  }
  input.file.release();  // pcap_close() closes it from now on
  result.reader = std::make_unique<PcapReader>(handle, layout_of(input.head, handle), input.whole_blocks,
                                               options.force_link);
  return result;
}

}  // namespace mctpkit::capture::detail
