#pragma once
// Text descriptions of the registry's layers: what `mctpkit layers` prints and what Python's
// `mctpkit.ls()` shows.

#include <string>
#include <string_view>

#include "mctpkit/core/registry.hpp"

namespace mctpkit::output {

/// Every craft name with the heading of its first layer, then the links; one per line.
std::string list_layers(const Registry& registry);

/// "uint", "bits", "bytes", "list" or "payload".
std::string_view field_kind_name(FieldKind kind);

/// One layer: "craft_name (id): heading", then one line per field (name, width, label, notes,
/// abbreviation), value names under fields that have them, list elements' fields indented.
std::string describe_layer(const LayerDef& def);

}  // namespace mctpkit::output
