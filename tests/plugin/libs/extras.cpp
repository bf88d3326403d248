// A well-behaved plugin besides the sample: a link, an exerciser, and in its bind phase a
// binding of a layer that another plugin (the sample vendor) declares.
#include <mctpkit/plugin/plugin.hpp>
#include <mctpkit/vdm/vdm.hpp>

namespace {
using namespace mctpkit;

constexpr FieldDef kFields[] = {u16("counter")};
constexpr LayerDef kCounter{.id = "extras_counter", .abbrev = "extras", .fields = kFields, .summary = "ExtrasCounter"};

void declare(plugin::Host& host) {
  host.add_link({"extras", "a bare extras counter", &kCounter});
  host.add_exerciser({.name = "extras-null", .description = "discards everything", .syntax = "extras-null",
                      .factory = [](const exerciser::Spec&) { return std::unique_ptr<exerciser::Exerciser>(); }});
}

// The sample's generic packet also on vendor command 0x02, requests only.
void bind(plugin::Host& host) {
  const LayerDef* packet = host.layer("sample_vendor_packet");
  if (packet == nullptr) throw std::runtime_error("needs the sample-vendor plugin");
  host.bind(vdm::pci_vendor_binding(0x9999, 0x02, true), *packet);
}

constexpr plugin::Descriptor kDescriptor{
    .name = "extras", .version = "2.1.0", .license = "Apache-2.0",
    .description = "a link, an exerciser and a binding of another plugin's layer", .declare = declare, .bind = bind};
}  // namespace

MCTPKIT_PLUGIN(kDescriptor)
