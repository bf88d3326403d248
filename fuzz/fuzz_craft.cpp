// Craft expressions: parsing never crashes, errors point into the text, and a parsed frame
// either builds or is refused with std::invalid_argument; what was built decodes.

#include <stdexcept>

#include "mctpkit/core/limits.hpp"
#include "fuzz_input.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/craft/expression.hpp"
#include "mctpkit/mctp/fragment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mctpkit;
  std::string_view text = fuzz::as_text(ByteView(data, size));
  auto parsed = craft::parse_expression(text);
  if (const auto* error = std::get_if<craft::ExpressionError>(&parsed)) {
    MCTPKIT_FUZZ_CHECK(!error->message.empty());
    MCTPKIT_FUZZ_CHECK(error->column >= 1 && error->column <= text.size() + 1);
    return 0;
  }
  const Frame& frame = std::get<Frame>(parsed);
  MCTPKIT_FUZZ_CHECK(!frame.layers.empty() && frame.layers.size() <= kMaxLayers);
  try {
    Bytes built = frame.build();
    Frame again = decode(built, frame.layers.front().def(), default_registry());
    MCTPKIT_FUZZ_CHECK(again.layers.size() <= kMaxLayers);
    for (const Bytes& packet : mctp::fragment_bytes(frame, 16)) MCTPKIT_FUZZ_CHECK(!packet.empty());
  } catch (const std::invalid_argument& e) {
    MCTPKIT_FUZZ_CHECK(*e.what() != '\0');
  }
  return 0;
}
