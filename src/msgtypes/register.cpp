#include "mctpkit/msgtypes/msgtypes.hpp"

namespace mctpkit::msgtypes {

void register_msgtypes(Registry& registry) {
  for (const LayerDef* def : {&kNcsi, &kEthernet, &kCxlFmApi, &kCxlCci, &kPcieMi}) registry.declare(*def);
}

}  // namespace mctpkit::msgtypes
