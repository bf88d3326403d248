#pragma once
// Registration of every protocol that ships with mctpkit.

#include "mctpkit/core/registry.hpp"

namespace mctpkit {

/// Declares and binds every built-in layer and link into `registry`, through the same calls a
/// plugin uses.
void register_builtin_protocols(Registry& registry);

/// The links of message bodies without their transport header (pldm, control, spdm, nvme-mi,
/// vdm-pci, vdm-iana); part of register_builtin_protocols.
void register_message_links(Registry& registry);

/// A registry holding the built-in protocols, created on first use. (Also declared in
/// core/frame.hpp so that Frame::build() can default to it.)
const Registry& default_registry();

/// The same registry, for adding to it: mctpkit::plugin::load_plugins() registers plugin layers
/// here so that every entry point defaulting to default_registry() sees them. Add before
/// decoding starts (the registry is not locked).
Registry& mutable_default_registry();

}  // namespace mctpkit
