// The bound on layers per frame: building is a loop (no recursion per layer) and refuses stacks
// deeper than kMaxLayers; decoding stops at the bound and keeps the rest as Raw.

#include <gtest/gtest.h>

#include <stdexcept>

#include "mctpkit/core/limits.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {
namespace {

Layer raw(std::uint8_t byte) {
  Layer layer(kRawLayer);
  layer.set("data", Bytes{byte});
  return layer;
}

TEST(LayerLimit, TheLimitIsSixtyFour) { EXPECT_EQ(kMaxLayers, 64u); }

TEST(LayerLimit, AFrameOfSixtyFourLayersBuildsOutermostFirst) {
  Frame frame;
  for (std::size_t i = 0; i < kMaxLayers; ++i) frame.layers.push_back(raw(static_cast<std::uint8_t>(i)));
  Bytes expected;
  for (std::size_t i = 0; i < kMaxLayers; ++i) expected.push_back(static_cast<std::uint8_t>(i));
  EXPECT_EQ(frame.build(Registry{}), expected);
}

TEST(LayerLimit, ADeeperFrameIsRefused) {
  Frame frame;
  for (std::size_t i = 0; i < 25'000; ++i) frame.layers.push_back(raw(1));
  try {
    frame.build(Registry{});
    FAIL() << "built";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "25000 layers: a frame holds at most 64");
  }
}

}  // namespace
}  // namespace mctpkit
