// Every built-in layer builds the same bytes from the plan its registry made of it (the fixed
// prefix written at its known places) as by the walk over its declaration, which builds layers
// a registry does not know (tests/core/build_plan_test.cpp tests the plan on a layer of its own).

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>

#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {
namespace {

std::string build_text(const Frame& frame, const Registry& registry) {
  try {
    return to_hex(frame.build(registry), "");
  } catch (const std::exception& e) {
    return std::string("threw: ") + e.what();
  }
}

TEST(BuildPlan, EveryBuiltInLayerBuildsAsByTheWalk) {
  const Registry& registry = default_registry();
  const Registry unknown;
  std::mt19937_64 random(7);
  std::size_t layers = 0, built = 0;
  for (const LayerDef* def : registry.layers()) {
    ++layers;
    for (int round = 0; round < 8; ++round) {
      Frame frame;
      Layer& layer = frame.layers.emplace_back(*def);
      // Every number a random value of its width; the rest left for the build.
      for (std::size_t i = 0; i < layer.size(); ++i) {
        const FieldDef& f = layer.defs()[i];
        const unsigned width = f.kind == FieldKind::Bits ? f.width : f.kind == FieldKind::UInt ? 8u * f.width : 0u;
        if (width == 0) continue;
        layer.set_number(i, width >= 64 ? random() : random() & ((std::uint64_t{1} << width) - 1));
      }
      const std::string fast = build_text(frame, registry);
      ASSERT_EQ(fast, build_text(frame, unknown)) << def->id << " round " << round;
      built += fast.rfind("threw", 0) == std::string::npos;
    }
  }
  EXPECT_GT(layers, 100u);
  EXPECT_GT(built, 8 * 100u);
}

}  // namespace
}  // namespace mctpkit
