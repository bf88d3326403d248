#include "mctpkit/spdm/spdm.hpp"
#include "spdm/body.hpp"

namespace mctpkit::spdm {

void bind_code(Registry& registry, std::uint8_t code, const LayerDef& def, std::uint8_t first_minor,
               std::uint8_t last_minor, std::string_view owner) {
  registry.declare(def, owner);
  for (unsigned minor = first_minor; minor <= last_minor && minor <= 15; ++minor) {
    registry.bind(kCodeTable, Key{code, 0x10u | minor}, def, owner);
  }
}

void register_spdm(Registry& registry) {
  registry.declare(kHeader);
  registry.declare(kSecuredMessage);
  registry.bind(detail::kEncapsulatedTable, Key{}, kHeader);
  for (auto family : {detail::version_capability_bodies, detail::algorithm_bodies, detail::authentication_bodies,
                      detail::measurement_bodies, detail::session_bodies, detail::error_bodies,
                      detail::other_bodies}) {
    for (const detail::Body& b : family()) bind_code(registry, b.code, *b.def, b.first_minor, b.last_minor);
  }
}

}  // namespace mctpkit::spdm
