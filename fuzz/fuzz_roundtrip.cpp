// decode -> build: a frame that decoded without a warning or error builds back to exactly the
// bytes it was decoded from (unknown types stay Raw and are written back as they came).
// Input: one byte choosing the link, then the bytes.

#include "fuzz_input.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mctpkit;
  static const std::vector<LinkDef> links = default_registry().links();
  fuzz::FuzzInput in(data, size);
  const LinkDef& link = links[in.byte() % links.size()];
  ByteView bytes = in.rest();
  auto strict = decode_strict(bytes, link.name);
  const Frame* frame = std::get_if<Frame>(&strict);
  if (frame == nullptr) return 0;
  Bytes built = frame->build();
  // Links with their own framing (serial byte stuffing) may spell the same frame differently;
  // what they carry must be the same.
  if (link.first->unwrap != nullptr) built = link.first->unwrap(built);
  MCTPKIT_FUZZ_CHECK(built == frame->data);
  return 0;
}
