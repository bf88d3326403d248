// Display filters: parsing never crashes and stays cheap, errors point into the text, and a
// parsed filter evaluates on decoded packets.

#include "fuzz_input.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/output/filter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mctpkit;
  static const std::vector<Frame> packets = [] {
    const std::vector<std::pair<const char*, Bytes>> samples = {
        {"smbus", {0x20, 0x0F, 0x0C, 0x65, 0x01, 0x0A, 0x43, 0xD0, 0x00, 0x1A, 0x01, 0x00, 0x00, 0x43, 0x00, 0xF4}},
        {"mctp", {0x01, 0x09, 0x08, 0xC8, 0x01, 0x83, 0x00, 0x02}},
        {"mctp", {0x01, 0x00}},
    };
    std::vector<Frame> out;
    for (const auto& [link, bytes] : samples) out.push_back(decode(bytes, link));
    return out;
  }();
  std::string_view text = fuzz::as_text(ByteView(data, size));
  const Registry* registry = size % 2 == 0 ? &default_registry() : nullptr;  // checked and unchecked
  auto parsed = output::parse_filter(text, registry);
  if (const auto* error = std::get_if<output::FilterError>(&parsed)) {
    MCTPKIT_FUZZ_CHECK(!error->message.empty());
    MCTPKIT_FUZZ_CHECK(!output::format_filter_error(*error).empty());
    return 0;
  }
  const output::Filter& filter = std::get<output::Filter>(parsed);
  for (const Frame& f : packets) (void)filter.matches(f);
  return 0;
}
