#pragma once
// Layers kept for their storage (value vectors, byte strings, list elements), so that a frame
// copied or decoded into later takes them instead of allocating. Used by builds, which work in a
// copy of the frame, and by the reassembler, which copies and decodes messages.

#include <cstddef>
#include <span>
#include <vector>

#include "mctpkit/core/layer.hpp"

namespace mctpkit::detail {

class LayerPool {
 public:
  /// Keeps at most `max` layers; more are freed.
  explicit LayerPool(std::size_t max) : max_(max) {}

  void keep(Layer&& layer) {
    if (layers_.size() < max_) layers_.push_back(std::move(layer));
  }

  /// Kept layers moved to `to` until it holds `depth` (a frame decoded into then reuses them).
  void lend(std::vector<Layer>& to, std::size_t depth) {
    while (to.size() < depth && !layers_.empty()) {
      to.push_back(std::move(layers_.back()));
      layers_.pop_back();
    }
  }

  /// Makes `to` a copy of `from`: layer by layer in the storage `to` has, then in kept layers';
  /// layers of `to` beyond `from`'s are kept.
  void assign(std::vector<Layer>& to, std::span<const Layer> from) {
    while (to.size() > from.size()) {
      keep(std::move(to.back()));
      to.pop_back();
    }
    for (std::size_t i = 0; i < from.size(); ++i) {
      if (i < to.size()) {
        to[i].assign(from[i]);
      } else if (!layers_.empty()) {
        to.push_back(std::move(layers_.back()));
        layers_.pop_back();
        to.back().assign(from[i]);
      } else {
        to.push_back(from[i]);
      }
    }
  }

 private:
  std::size_t max_;
  std::vector<Layer> layers_;
};

}  // namespace mctpkit::detail
