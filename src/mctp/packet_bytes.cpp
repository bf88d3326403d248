#include <algorithm>

#include "mctpkit/core/frame.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::mctp {

ByteView packet_bytes(const Frame& decoded) {
  for (std::size_t i = 0; i < decoded.layers.size(); ++i) {
    if (!decoded.layers[i].is(kTransport)) continue;
    std::size_t begin = decoded.layers[i].offset, end = begin;
    for (std::size_t k = i; k < decoded.layers.size(); ++k) {
      end = std::max(end, decoded.layers[k].offset + decoded.layers[k].length);
    }
    end = std::min(end, decoded.data.size());
    return ByteView(decoded.data).subspan(begin, end - begin);
  }
  return {};
}

}  // namespace mctpkit::mctp
