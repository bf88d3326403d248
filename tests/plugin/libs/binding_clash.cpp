// Binds a layer under the key the sample vendor's GetVersion request owns, after declaring a
// layer, a command and an exerciser that clash with nothing: the whole plugin must be refused,
// none of them registered.
#include <mctpkit/plugin/plugin.hpp>
#include <mctpkit/vdm/vdm.hpp>

namespace {
using namespace mctpkit;

constexpr FieldDef kFields[] = {u8("value")};
// Vendor command 0x05: free, so it would decode if anything of this plugin leaked through.
constexpr LayerDef kHarmless{.id = "clash_harmless", .abbrev = "clash_harmless", .fields = kFields,
                             .summary = "ClashHarmless", .bind = vdm::pci_vendor_binding(0x9999, 0x05, true)};
constexpr LayerDef kClashing{.id = "clash_get_version", .fields = kFields, .summary = "ClashGetVersion",
                             .bind = vdm::pci_vendor_binding(0x9999, 0x01, true)};

void declare(plugin::Host& host) {
  host.declare(kHarmless);
  host.add_command({.name = "clash-harmless", .help = "never added",
                    .run = [](const plugin::CommandArgs&, plugin::CommandContext&) { return 0; }});
  host.add_exerciser({.name = "clash-harmless", .description = "never added", .syntax = "clash-harmless",
                      .factory = [](const exerciser::Spec&) { return std::unique_ptr<exerciser::Exerciser>(); }});
}
void bind(plugin::Host& host) { host.bind(kClashing.bind, kClashing); }

constexpr plugin::Descriptor kDescriptor{
    .name = "binding-clash", .version = "1.0", .license = "MIT",
    .description = "binds a key the sample vendor owns", .declare = declare, .bind = bind};
}  // namespace

MCTPKIT_PLUGIN(kDescriptor)
