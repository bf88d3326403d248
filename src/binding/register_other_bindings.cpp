#include "mctpkit/binding/bindings.hpp"

namespace mctpkit::binding {

void register_other_bindings(Registry& registry) { (void)registry; }

}  // namespace mctpkit::binding
