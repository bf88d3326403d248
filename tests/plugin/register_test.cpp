// Registering plugins from descriptors linked into the test (no dlopen): the descriptor checks,
// the two phases, and that a refused plugin leaves the registries exactly as they were.

#include <gtest/gtest.h>

#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/plugin/loader.hpp"
#include "mctpkit/vdm/vdm.hpp"

namespace mctpkit::plugin {
namespace {

constexpr FieldDef kFields[] = {u8("value")};
constexpr LayerDef kAlpha{.id = "alpha_layer", .fields = kFields, .summary = "Alpha",
                          .bind = vdm::pci_vendor_binding(0x1234, 0x01, true)};
constexpr LayerDef kAlphaMore{.id = "alpha_more", .fields = kFields, .summary = "AlphaMore"};
constexpr LayerDef kBeta{.id = "beta_layer", .fields = kFields, .summary = "Beta"};

int do_nothing(const CommandArgs&, CommandContext&) { return 0; }
std::unique_ptr<exerciser::Exerciser> no_exerciser(const exerciser::Spec&) { return nullptr; }

void declare_alpha(Host& host) {
  host.declare(kAlpha);
  host.add_command({.name = "alpha", .help = "alpha's command", .run = do_nothing});
}
// In its bind phase, binds a layer that beta (later in the list) declares.
void bind_alpha(Host& host) {
  const LayerDef* beta = host.layer("beta_layer");
  if (beta == nullptr) throw std::runtime_error("beta_layer not declared");
  host.bind(vdm::pci_vendor_binding(0x1234, 0x07, true), *beta);
}
constexpr Descriptor kAlphaPlugin{.name = "alpha", .version = "1.0", .license = "MIT", .description = "alpha",
                                  .declare = declare_alpha, .bind = bind_alpha};

void declare_beta(Host& host) { bind_pci_vendor_command(host, kBeta, 0x1234, 0x02); }
constexpr Descriptor kBetaPlugin{.name = "beta", .version = "2.0", .license = "BSD-3-Clause", .description = "beta",
                                 .declare = declare_beta};

// Declares a layer, an exerciser and a command, then binds a key alpha owns.
void declare_gamma(Host& host) {
  host.declare(kAlphaMore);
  host.bind(vdm::pci_vendor_binding(0x1234, 0x03, true), kAlphaMore);
  host.add_exerciser({.name = "gamma-ex", .description = "d", .syntax = "gamma-ex", .factory = no_exerciser});
  host.add_command({.name = "gamma", .help = "gamma's command", .run = do_nothing});
  host.bind(vdm::pci_vendor_binding(0x1234, 0x01, true), kAlphaMore);
}
constexpr Descriptor kGammaPlugin{.name = "gamma", .version = "1", .license = "MIT", .description = "clashes",
                                  .declare = declare_gamma};

struct Fixture : ::testing::Test {
  Registry registry;
  exerciser::ExerciserRegistry exercisers;
  void SetUp() override { register_builtin_protocols(registry); }
};

TEST_F(Fixture, BindPhaseSeesEveryPluginsDeclarations) {
  LoadReport r = register_plugins({{"a.so", &kAlphaPlugin}, {"b.so", &kBetaPlugin}}, registry, exercisers);
  ASSERT_TRUE(r.refused.empty()) << r.refused.front().message();
  ASSERT_EQ(r.loaded.size(), 2u);
  EXPECT_EQ(registry.lookup(vdm::kPciVendorTable, vdm::pci_vendor_key(0x1234, 0x07, true)), &kBeta);
  EXPECT_EQ(registry.lookup(vdm::kPciVendorTable, vdm::pci_vendor_key(0x1234, 0x01, true)), &kAlpha);
  EXPECT_EQ(registry.binding_owner(vdm::kPciVendorTable, vdm::pci_vendor_key(0x1234, 0x07, true)), "alpha");
  EXPECT_EQ(registry.layer_owner("alpha_layer"), "alpha");
  EXPECT_EQ(report_text(r),
            "alpha 1.0 (MIT)\n"
            "  alpha\n"
            "  path: a.so\n"
            "  layers:\n"
            "    alpha_layer: vdm.pci (0x1234, 0x1, 0x1)\n"
            "    beta_layer: vdm.pci (0x1234, 0x7, 0x1)\n"
            "  commands: alpha\n"
            "beta 2.0 (BSD-3-Clause)\n"
            "  beta\n"
            "  path: b.so\n"
            "  layers:\n"
            "    beta_layer: vdm.pci (0x1234, 0x2, 0x1), vdm.pci (0x1234, 0x2, 0x0)\n");
}

TEST_F(Fixture, AClashRefusesTheWholePluginAndChangesNothing) {
  register_plugins({{"a.so", &kAlphaPlugin}, {"b.so", &kBetaPlugin}}, registry, exercisers);
  const std::size_t layers_before = registry.layers().size();
  LoadReport r = register_plugins({{"g.so", &kGammaPlugin}}, registry, exercisers, {}, {});
  ASSERT_EQ(r.refused.size(), 1u);
  EXPECT_EQ(r.refused[0].message(),
            "g.so: refused: vdm.pci key (0x1234, 0x1, 0x1) is bound to 'alpha_layer' by alpha and to 'alpha_more' "
            "by gamma");
  EXPECT_TRUE(r.loaded.empty());
  EXPECT_EQ(registry.layers().size(), layers_before);
  EXPECT_EQ(registry.layer("alpha_more"), nullptr);
  EXPECT_EQ(registry.lookup(vdm::kPciVendorTable, vdm::pci_vendor_key(0x1234, 0x03, true)), nullptr);
  EXPECT_EQ(exercisers.find("gamma-ex"), nullptr);
}

TEST_F(Fixture, FirstOfANameWinsAndCommandClashesAreRefused) {
  LoadReport first = register_plugins({{"a.so", &kAlphaPlugin}, {"b.so", &kBetaPlugin}}, registry, exercisers);
  LoadReport r = register_plugins({{"again.so", &kBetaPlugin}}, registry, exercisers, {}, first.loaded);
  ASSERT_EQ(r.refused.size(), 1u);
  EXPECT_EQ(r.refused[0].message(), "again.so: refused: plugin name 'beta' is already taken by b.so");

  Registry fresh;
  register_builtin_protocols(fresh);
  exerciser::ExerciserRegistry fresh_exercisers;
  r = register_plugins({{"a.so", &kAlphaPlugin}, {"b.so", &kBetaPlugin}}, fresh, fresh_exercisers, {"alpha"});
  ASSERT_EQ(r.refused.size(), 1u);
  EXPECT_EQ(r.refused[0].message(), "a.so: refused: command 'alpha' clashes with the built-in command of that name");
  ASSERT_EQ(r.loaded.size(), 1u);
  EXPECT_EQ(r.loaded[0].name, "beta");
}

TEST_F(Fixture, DescriptorChecks) {
  Descriptor future = kBetaPlugin;
  future.abi_major = 2;
  future.abi_minor = 5;
  Descriptor newer_minor = kBetaPlugin;
  newer_minor.abi_minor = kAbiMinor + 1;
  Descriptor other_build = kBetaPlugin;
  other_build.fingerprint = "gcc 1, libstdc++ cxx11abi=0, layout 00000000";
  Descriptor no_license = kBetaPlugin;
  no_license.license = "";
  LoadReport r = register_plugins(
      {{"f.so", &future}, {"n.so", &newer_minor}, {"o.so", &other_build}, {"l.so", &no_license}}, registry, exercisers);
  ASSERT_EQ(r.refused.size(), 4u);
  EXPECT_EQ(r.refused[0].reason, "built for plugin ABI 2.5, this mctpkit has plugin ABI 1.3");
  EXPECT_EQ(r.refused[1].reason, "built for plugin ABI 1.4, this mctpkit has plugin ABI 1.3");
  EXPECT_EQ(r.refused[2].reason, std::string("built with 'gcc 1, libstdc++ cxx11abi=0, layout 00000000', this mctpkit "
                                             "with '") + kFingerprint.text + "'");
  EXPECT_EQ(r.refused[3].reason, "the descriptor has no license");
  EXPECT_TRUE(r.loaded.empty());
}

// A reason is one line of a report: text a plugin supplies (its name, fingerprint, an exception's
// message) is shown with control and non-ASCII bytes escaped, and cut when very long.
TEST_F(Fixture, RefusalsStayOnOneLine) {
  Descriptor newline_name = kBetaPlugin;
  newline_name.name = "a\nb";
  Descriptor control_name = kBetaPlugin;
  control_name.name = "a\x01\xC3\xA9";
  const std::string long_print(300, 'g');
  Descriptor long_fingerprint = kBetaPlugin;
  long_fingerprint.fingerprint = long_print.c_str();
  static constexpr Descriptor kThrowsLines{.name = "lines", .version = "1", .license = "MIT", .description = "throws",
                                           .declare = [](Host&) { throw std::runtime_error("first\nsecond"); }};
  LoadReport r = register_plugins(
      {{"n.so", &newline_name}, {"c.so", &control_name}, {"f.so", &long_fingerprint}, {"t.so", &kThrowsLines}}, registry,
      exercisers);
  ASSERT_EQ(r.refused.size(), 4u);
  EXPECT_EQ(r.refused[0].reason, "plugin name 'a\\x0Ab' contains white space");
  EXPECT_EQ(r.refused[1].reason, "plugin name 'a\\x01\\xC3\\xA9' contains a character that is not printable ASCII");
  EXPECT_EQ(r.refused[2].reason, "built with '" + std::string(200, 'g') + "...', this mctpkit with '" + kFingerprint.text + "'");
  EXPECT_EQ(r.refused[3].reason, "registration failed: first\\x0Asecond");
  EXPECT_TRUE(r.loaded.empty());
}

TEST_F(Fixture, AThrowingRegistrationIsRefusedAndTheOthersLoad) {
  static constexpr Descriptor kThrows{.name = "thrower", .version = "1", .license = "MIT", .description = "throws",
                                      .declare = [](Host& host) {
                                        host.declare(kAlphaMore);
                                        throw std::runtime_error("out of licences");
                                      }};
  LoadReport r = register_plugins({{"t.so", &kThrows}, {"b.so", &kBetaPlugin}}, registry, exercisers);
  ASSERT_EQ(r.refused.size(), 1u);
  EXPECT_EQ(r.refused[0].message(), "t.so: refused: registration failed: out of licences");
  EXPECT_EQ(registry.layer("alpha_more"), nullptr);
  ASSERT_EQ(r.loaded.size(), 1u);
}

TEST_F(Fixture, JsonListing) {
  LoadReport r = register_plugins({{"b.so", &kBetaPlugin}, {"g.so", &kGammaPlugin}}, registry, exercisers);
  EXPECT_EQ(report_json(r),
            R"({"plugins":[{"name":"beta","version":"2.0","license":"BSD-3-Clause","description":"beta","path":"b.so",)"
            R"("layers":[{"id":"beta_layer","bindings":[{"table":"vdm.pci","key":[4660,2,1]},)"
            R"({"table":"vdm.pci","key":[4660,2,0]}]}],"links":[],"commands":[],"exercisers":[]},)"
            R"({"name":"gamma","version":"1","license":"MIT","description":"clashes","path":"g.so",)"
            R"("layers":[{"id":"alpha_more","bindings":[{"table":"vdm.pci","key":[4660,3,1]},)"
            R"({"table":"vdm.pci","key":[4660,1,1]}]}],"links":[],"commands":["gamma"],"exercisers":["gamma-ex"]}],)"
            R"("refused":[]})");
  EXPECT_EQ(exercisers.find("gamma-ex")->owner, "gamma");
}

}  // namespace
}  // namespace mctpkit::plugin
