// A registration function that throws.
#include <stdexcept>

#include <mctpkit/plugin/plugin.hpp>

namespace {
void declare(mctpkit::plugin::Host&) { throw std::runtime_error("no licence key for this host"); }
constexpr mctpkit::plugin::Descriptor kDescriptor{
    .name = "throws", .version = "1.0", .license = "MIT", .description = "throws while registering",
    .declare = declare};
}  // namespace

MCTPKIT_PLUGIN(kDescriptor)
