#include "mctpkit/msgtypes/msgtypes.hpp"

namespace mctpkit::msgtypes {

void register_msgtypes(Registry& registry) { (void)registry; }

}  // namespace mctpkit::msgtypes
