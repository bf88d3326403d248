// Decoding on every link, then every output form: nothing may crash, hang or leak, and the
// outputs of one frame must be produced whatever the diagnostics.
// Input: one byte choosing the link (index into the registry's links), then the bytes.

#include "mctpkit/core/limits.hpp"
#include "fuzz_input.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/output/output.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mctpkit;
  static const std::vector<LinkDef> links = default_registry().links();
  fuzz::FuzzInput in(data, size);
  const LinkDef& link = links[in.byte() % links.size()];
  ByteView bytes = in.rest();
  Frame frame = decode(bytes, link.name);
  MCTPKIT_FUZZ_CHECK(frame.layers.size() <= kMaxLayers);
  MCTPKIT_FUZZ_CHECK(!output::summary(frame).empty());
  MCTPKIT_FUZZ_CHECK(!output::tree(frame).empty());
  MCTPKIT_FUZZ_CHECK(!output::json(frame).empty());
  for (const Diagnostic& d : frame.diagnostics) MCTPKIT_FUZZ_CHECK(!describe(d).empty());
  return 0;
}
