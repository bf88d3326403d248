#pragma once
// What a derived field's function sees, at build time and (for checksums) at decode time.

#include <cstddef>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit {

class Fields;
class Frame;

struct DeriveContext {
  // The stack (outer layers give addresses a checksum covers): the whole frame when building;
  // when checking a decoded layer, the layers decoded so far, that layer last.
  const Frame& frame;
  std::size_t layer_index;    // index of the layer being built or checked
  const Fields& fields;       // that layer's values
  ByteView covered;           // the layer's bytes before this field: header, payload, trailer so far
  ByteView payload;           // the next layer's bytes
};

}  // namespace mctpkit
