#pragma once
// A frame: the stack of layers of one packet (outermost first), as crafted or as decoded.

#include <string>
#include <vector>

#include "mctpkit/core/diagnostic.hpp"
#include "mctpkit/core/layer.hpp"

namespace mctpkit {

class Registry;
const Registry& default_registry();

class Frame {
 public:
  Frame() = default;
  explicit Frame(Layer layer) { layers.push_back(std::move(layer)); }

  std::vector<Layer> layers;
  std::vector<Diagnostic> diagnostics;
  Bytes data;        // the decoded bytes (empty for a crafted frame)
  std::string link;  // the link the data was decoded as

  const Layer* find(const LayerDef& def) const;
  Layer* find(const LayerDef& def);
  template <const LayerDef& Def>
  const Layer* find() const {
    return find(Def);
  }
  /// First layer whose id, craft name or abbreviation prefix is `name`.
  const Layer* find(std::string_view name) const;

  /// Serializes the stack: unset fields take defaults or are derived (message type from the
  /// next layer, lengths, counts, checksums); set fields are written as given.
  /// Throws std::invalid_argument when a value cannot be encoded.
  Bytes build(const Registry& registry = default_registry()) const;

  bool has_errors() const;
};

Frame operator/(Layer lower, Layer upper);
Frame operator/(Frame lower, Layer upper);

}  // namespace mctpkit
