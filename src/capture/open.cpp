// Recognising the format of a capture from its first bytes and handing it to its reader.

#include "mctpkit/capture/open.hpp"

#include <cstdint>
#include <utility>

#include "format_readers.hpp"
#include "input.hpp"
#include "mctpkit/capture/record.hpp"
#include "text_time.hpp"

namespace mctpkit::capture {

namespace {

enum class Format { Empty, Pcap, Pcapng, Text, Utf16Text, Unknown };

bool is_pcap_magic(std::uint32_t magic) {
  // Microsecond, nanosecond and the modified (Kuznetzov) pcap, read in either byte order.
  for (std::uint32_t known : {detail::kPcapMagicMicroseconds, detail::kPcapMagicNanoseconds, detail::kPcapMagicModified}) {
    if (magic == known || magic == detail::swap32(known)) return true;
  }
  return false;
}

// Text: no control characters other than blanks, line ends and ESC (colour codes), and valid
// UTF-8 (a sequence cut by the end of the head is fine). Binary data fails within a few bytes.
bool looks_like_text(ByteView head) {
  std::size_t i = 0;
  while (i < head.size()) {
    std::uint8_t c = head[i];
    if (c < 0x80) {
      bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ||
                     c == 0x7F;
      if (control) return false;
      ++i;
      continue;
    }
    std::size_t length = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 0 || c == 0xC0 || c == 0xC1) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= head.size()) return true;
      if ((head[i + k] & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

Format recognise(ByteView head) {
  if (head.empty()) return Format::Empty;
  if (head.size() >= 4) {
    std::uint32_t magic = static_cast<std::uint32_t>(head[0]) << 24 | head[1] << 16 | head[2] << 8 | head[3];
    if (is_pcap_magic(magic)) return Format::Pcap;
    if (magic == 0x0A0D0D0A) return Format::Pcapng;
  }
  // A dump redirected by Windows PowerShell is UTF-16 with a byte-order mark.
  if (head.size() >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) {
    return Format::Utf16Text;
  }
  return looks_like_text(head) ? Format::Text : Format::Unknown;
}

std::optional<std::string> validate_force_link(const std::string& link) {
  if (link.empty() || link == kLinkMctp || link == kLinkSmbus) return std::nullopt;
  return "Unknown link '" + link + "'. Expected mctp or smbus.";
}

OpenResult open_reader(detail::InputResult opened, const OpenOptions& options) {
  OpenResult result;
  if (!opened.input.file) {
    result.error = std::move(opened.error);
    return result;
  }
  detail::Input& input = opened.input;
  detail::TextClock clock;
  if (auto error = detail::TextClock::create(options.text_time, clock)) {
    result.error = *error;
    return result;
  }
  switch (recognise(input.head)) {
    case Format::Empty:
      result.error = input.name + " is empty: not a pcap, pcapng or tcpdump text file";
      return result;
    case Format::Utf16Text:
      result.error = input.name + " is UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)";
      return result;
    case Format::Unknown:
      result.error = input.name + " is not a pcap, pcapng or tcpdump text file";
      return result;
    case Format::Pcap:
      return detail::open_pcap_reader(std::move(input), options);
    case Format::Pcapng:
      return detail::open_pcapng_reader(std::move(input), options);
    case Format::Text:
      return detail::open_text_reader(std::move(input), options, clock);
  }
  return result;
}

// Checks that need no input, so a bad option is reported before a pipe is read.
std::optional<std::string> validate_options(const OpenOptions& options) {
  if (auto error = validate_text_time(options.text_time)) return error;
  return validate_force_link(options.force_link);
}

}  // namespace

std::optional<std::string> validate_text_time(const TextTimeOptions& options) {
  detail::TextClock clock;
  return detail::TextClock::create(options, clock);
}

OpenResult open_capture(const std::string& path, const OpenOptions& options) {
  if (auto error = validate_options(options)) return OpenResult{nullptr, *error};
  return open_reader(detail::open_input(path), options);
}

OpenResult open_capture_memory(Bytes data, const OpenOptions& options, const std::string& name) {
  if (auto error = validate_options(options)) return OpenResult{nullptr, *error};
  return open_reader(detail::open_memory_input(std::move(data), "'" + name + "'"), options);
}

}  // namespace mctpkit::capture
