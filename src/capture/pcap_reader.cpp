// Classic pcap files through libpcap (both byte orders, micro- and nanosecond timestamps).

#include <pcap/pcap.h>

#include <cstdint>
#include <limits>
#include <string>

#include "format_readers.hpp"
#include "link_decode.hpp"

namespace mctpkit::capture::detail {

namespace {

class PcapReader final : public CaptureReader {
 public:
  PcapReader(pcap_t* handle, std::string force_link)
      : handle_(handle),
        link_type_(static_cast<std::uint32_t>(pcap_datalink(handle))),
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
    pcap_pkthdr* header = nullptr;
    const u_char* bytes = nullptr;
    int status = pcap_next_ex(handle_, &header, &bytes);
    if (status == PCAP_ERROR_BREAK) return false;  // clean end of file
    if (status != 1) {
      // libpcap says what is wrong (e.g. "truncated dump file; tried to read 29 captured
      // bytes, only got 14"); everything before was returned already.
      fail(number_ + 1, "cannot read record " + std::to_string(number_ + 1) + ": " + pcap_geterr(handle_));
      return false;
    }
    ++number_;
    ByteView data(bytes, header->caplen);
    fill_record(record, number_, timestamp(*header), link_type_, data, header->len,
                decide_link(link_type_, data, force_link_));
    return true;
  }

 private:
  static std::int64_t timestamp(const pcap_pkthdr& header) {
    // The file holds an unsigned 32-bit second count, which libpcap passes through a signed
    // 32-bit field: undo the sign extension so times after 2038 stay right.
    auto seconds = static_cast<std::int64_t>(header.ts.tv_sec);
    if (seconds < 0 && seconds >= std::numeric_limits<std::int32_t>::min()) seconds += std::int64_t{1} << 32;
    // Opened with nanosecond precision, tv_usec holds nanoseconds; both terms stay far below
    // the int64 range (seconds < 2^32).
    return seconds * 1'000'000'000 + static_cast<std::int64_t>(header.ts.tv_usec);
  }

  pcap_t* handle_;
  std::uint32_t link_type_;
  std::string force_link_;
  std::uint64_t number_ = 0;
};

}  // namespace

OpenResult open_pcap_reader(Input input, const OpenOptions& options) {
  OpenResult result;
  char error[PCAP_ERRBUF_SIZE] = {};
  pcap_t* handle =
      pcap_fopen_offline_with_tstamp_precision(input.file.get(), PCAP_TSTAMP_PRECISION_NANO, error);
  if (handle == nullptr) {
    result.error = "cannot read pcap " + input.name + ": " + error;
    return result;  // libpcap leaves the stream to us on failure; input closes it
  }
  input.file.release();  // pcap_close() closes it from now on
  result.reader = std::make_unique<PcapReader>(handle, options.force_link);
  return result;
}

}  // namespace mctpkit::capture::detail
