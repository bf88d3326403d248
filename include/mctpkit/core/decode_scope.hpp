#pragma once
// How far a decoding goes into a packet. A reader that looks at a few layers only (a display
// filter on the MCTP header, a writer of the packets it selects) has no use for the layers of
// the message body, which cost most of a decoding: a scope names the layers it reads, and a
// decoding within it stops before the first layer from which none of those can be reached.
// Every layer it does decode is decoded exactly as a whole decoding would (a layer never depends
// on what follows it), so a reader of those layers sees no difference; the layers left out (Raw
// layers too), their fields and their diagnostics are simply not there.

#include <functional>
#include <vector>

#include "mctpkit/core/registry.hpp"

namespace mctpkit {

class DecodeScope {
 public:
  /// The layers `reads` takes, among `registry`'s layers and the Raw layer, and every layer of
  /// `registry` through whose dispatch one of them can be reached.
  DecodeScope(const Registry& registry, const std::function<bool(const LayerDef&)>& reads);

  /// Whether a decoding within the scope decodes a layer of `def`. (The first layer of a
  /// decoding is always decoded.)
  bool enters(const LayerDef& def) const;
  /// Whether every layer is entered: the Raw layer is read (any layer can end in one, when its
  /// data is cut short), so a decoding within the scope is a whole decoding.
  bool whole() const { return whole_; }

 private:
  std::vector<const LayerDef*> entered_;  // sorted by address
  bool whole_ = false;
};

}  // namespace mctpkit
