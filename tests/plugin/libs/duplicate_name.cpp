// A second plugin calling itself sample-vendor: the first one found wins.
#include <mctpkit/plugin/plugin.hpp>

namespace {
void declare(mctpkit::plugin::Host&) {}
constexpr mctpkit::plugin::Descriptor kDescriptor{
    .name = "sample-vendor", .version = "0.0.1", .license = "MIT", .description = "an impostor",
    .declare = declare};
}  // namespace

MCTPKIT_PLUGIN(kDescriptor)
