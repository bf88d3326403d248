// A plugin that binds a command under an IANA enterprise number through the host facade: both
// directions bound, owned by the plugin, listed in its report, and decoded.

#include <gtest/gtest.h>

#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/plugin/loader.hpp"
#include "mctpkit/vdm/vdm.hpp"

namespace mctpkit::plugin {
namespace {

constexpr FieldDef kFields[] = {u8("level")};
constexpr LayerDef kLevel{.id = "meta_level", .fields = kFields, .summary = "Level {level}"};

void declare_meta(Host& host) { bind_iana_vendor_command(host, kLevel, 40981, 0x05); }
constexpr Descriptor kMetaPlugin{.name = "meta-levels", .version = "0.3", .license = "MIT",
                                 .description = "levels", .declare = declare_meta};

TEST(IanaVendorCommandPlugin, BindsBothDirectionsOwnedByThePlugin) {
  Registry registry;
  register_builtin_protocols(registry);
  exerciser::ExerciserRegistry exercisers;
  LoadReport r = register_plugins({{"meta.so", &kMetaPlugin}}, registry, exercisers);
  ASSERT_TRUE(r.refused.empty()) << r.refused.front().message();
  for (bool rq : {true, false}) {
    Key key = vdm::iana_vendor_key(40981, 0x05, rq);
    EXPECT_EQ(registry.lookup(vdm::kIanaVendorTable, key), &kLevel) << rq;
    EXPECT_EQ(registry.binding_owner(vdm::kIanaVendorTable, key), "meta-levels") << rq;
  }
  EXPECT_EQ(report_text(r),
            "meta-levels 0.3 (MIT)\n"
            "  levels\n"
            "  path: meta.so\n"
            "  layers:\n"
            "    meta_level: vdm.iana (0xA015, 0x5, 0x1), vdm.iana (0xA015, 0x5, 0x0)\n");

  // Enterprise 40981 is 0x0000A015; request bit set, command 5, level 9.
  auto wire = parse_hex("01 0A 20 C8 7F 00 00 A0 15 80 05 09");
  ASSERT_TRUE(wire);
  Frame f = decode(*wire, "mctp", registry);
  ASSERT_EQ(f.layers.size(), 3u);
  EXPECT_EQ(f.layers[2].def().id, "meta_level");
  EXPECT_EQ(f.layers[2].num("level"), 9u);
  EXPECT_TRUE(f.diagnostics.empty());
}

}  // namespace
}  // namespace mctpkit::plugin
