#pragma once
// The built-in exerciser kinds: each transport's file defines its registration function, and
// default_exercisers() calls every one of them in builtins.cpp.

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::detail {

void register_builtin_exercisers(ExerciserRegistry& registry);

}  // namespace mctpkit::exerciser::detail

namespace mctpkit::exerciser::detail {

void register_qemu_i3c(ExerciserRegistry& registry);
void register_qemu_i3c_netdev2(ExerciserRegistry& registry);
void register_qemu_i3c_stream(ExerciserRegistry& registry);
void register_qemu_i2c_stream(ExerciserRegistry& registry);
void register_aardvark(ExerciserRegistry& registry);

}  // namespace mctpkit::exerciser::detail
