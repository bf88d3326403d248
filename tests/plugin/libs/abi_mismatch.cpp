// A plugin built for a later plugin ABI (99.3).
#include <mctpkit/plugin/plugin.hpp>

namespace {
void declare(mctpkit::plugin::Host&) {}
constexpr mctpkit::plugin::Descriptor kDescriptor{
    .abi_major = 99, .abi_minor = 3, .name = "from-the-future", .version = "9.0", .license = "MIT",
    .description = "built against a later mctpkit", .declare = declare};
}  // namespace

MCTPKIT_PLUGIN(kDescriptor)
