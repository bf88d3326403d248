#include "exerciser/detail/builtins.hpp"

#include "mctpkit/exerciser/qemu_i2c.hpp"
#include "mctpkit/exerciser/serial.hpp"

namespace mctpkit::exerciser {

namespace detail {

// Each transport declares its registration function here and adds one call below.

void register_builtin_exercisers(ExerciserRegistry& registry) {
  register_serial_exerciser(registry);
  register_qemu_i2c_exerciser(registry);
  register_qemu_i3c(registry);
  register_qemu_i3c_netdev2(registry);
  register_qemu_i3c_stream(registry);
  register_qemu_i2c_stream(registry);
  register_aardvark(registry);
}

}  // namespace detail

ExerciserRegistry& default_exercisers() {
  static ExerciserRegistry registry = [] {
    ExerciserRegistry r;
    detail::register_builtin_exercisers(r);
    return r;
  }();
  return registry;
}

}  // namespace mctpkit::exerciser
