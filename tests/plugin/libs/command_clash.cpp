// Adds a command named CLASHING_COMMAND (compiled twice: a built-in's name, a plugin's name).
#include <mctpkit/plugin/plugin.hpp>

namespace {
using namespace mctpkit;

void declare(plugin::Host& host) {
  host.add_command({.name = CLASHING_COMMAND, .help = "clashes",
                    .run = [](const plugin::CommandArgs&, plugin::CommandContext&) { return 0; }});
}

constexpr plugin::Descriptor kDescriptor{
    .name = PLUGIN_NAME, .version = "1.0", .license = "MIT", .description = "adds a clashing command",
    .declare = declare};
}  // namespace

MCTPKIT_PLUGIN(kDescriptor)
