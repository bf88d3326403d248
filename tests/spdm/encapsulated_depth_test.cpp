// SPDM messages nesting ENCAPSULATED_REQUEST without end: decoding stops at the frame's layer
// bound with a diagnostic, keeps the rest as Raw, and the frame builds back to its bytes.

#include "mctpkit/core/limits.hpp"
#include "spdm_test_support.hpp"

namespace mctpkit::spdm::test {
namespace {

// 16,000 ENCAPSULATED_REQUEST headers (version 1.2, code 0x6A, request id 1), then GET_VERSION:
// 64 KB, within what the reassembler accepts for one message.
Bytes deeply_nested() {
  Bytes data = hex(std::string(kMctpSpdm));
  for (int i = 0; i < 16'000; ++i) data.insert(data.end(), {0x12, 0x6A, 0x01, 0x00});
  data.insert(data.end(), {0x10, 0x84, 0x00, 0x00});
  return data;
}

TEST(EncapsulatedDepth, DecodingStopsAtTheLayerBound) {
  const Bytes data = deeply_nested();
  Frame f = decode_mctp(data);
  ASSERT_EQ(f.layers.size(), kMaxLayers);
  EXPECT_TRUE(f.layers.back().is(kRawLayer));
  ASSERT_EQ(f.diagnostics.size(), 1u);
  const Diagnostic& d = f.diagnostics.front();
  EXPECT_EQ(d.kind, DiagKind::Malformed);
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.text, "more than 64 layers; the rest is not decoded");
  // MCTP transport with the message type (5 bytes, one layer), then 31 pairs of a 4-byte
  // header layer and an encapsulated body layer: 63 layers; the Raw layer holds the rest.
  EXPECT_EQ(d.offset, 5u + 31 * 4);
  EXPECT_EQ(f.layers.back().offset, d.offset);
  EXPECT_EQ(f.layers.back().bytes("data").size(), data.size() - d.offset);
}

TEST(EncapsulatedDepth, TheBoundedFrameBuildsBackToItsBytes) {
  const Bytes data = deeply_nested();
  EXPECT_EQ(decode_mctp(data).build(registry()), data);
}

}  // namespace
}  // namespace mctpkit::spdm::test
