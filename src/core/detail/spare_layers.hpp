#pragma once
// The layers of earlier decodes into frames, kept for their storage (value vectors, byte strings,
// list elements), so that a new layer takes a kept one instead of allocating: one of its own table
// first, whose byte strings have their sizes already. The kept layers wait in 2^kBits small
// stacks chosen by their table's address, so that finding one of a table looks at a stack or two
// rather than at every kept layer (a capture of mixed traffic keeps a layer of each of dozens of
// tables). LayerPool (layer_pool.hpp) is the simpler pool of builds and the reassembler, which
// copy into a layer whatever its table was and so keep their layers in one stack.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/detail/fibonacci_slot.hpp"
#include "mctpkit/core/layer.hpp"

namespace mctpkit::detail {

class SpareLayers {
 public:
  /// New layers are made only while fewer than `usual` are kept; at most twice that are kept.
  explicit SpareLayers(std::size_t usual) : usual_(usual) {}

  /// Keeps `layer`, unless the bound is reached (it is then freed). Of two kept layers of one
  /// table, the one kept last is taken first.
  void keep(Layer&& layer) {
    if (count_ >= 2 * usual_) return;
    stacks_[stack_of(layer.def())].push_back(std::move(layer));
    ++count_;
  }

  /// Appends to `to` a kept layer of `def`'s table, and returns it; or, with none, a kept layer of
  /// another table when `usual` or more are kept (for the caller to reset); or null.
  Layer* take(const LayerDef& def, std::vector<Layer>& to) {
    if (count_ == 0) return nullptr;
    std::vector<Layer>& own = stacks_[stack_of(def)];
    for (std::size_t i = own.size(); i > 0; --i) {
      if (own[i - 1].is(def)) return move_out(own, i - 1, to);
    }
    if (count_ < usual_) return nullptr;
    if (!own.empty()) return move_out(own, own.size() - 1, to);
    // Another table's layer, from the stacks in turn, so that each gives up its layers alike.
    for (std::size_t n = 0; n < stacks_.size(); ++n) {
      next_ = (next_ + 1) % stacks_.size();
      if (!stacks_[next_].empty()) return move_out(stacks_[next_], stacks_[next_].size() - 1, to);
    }
    return nullptr;
  }

 private:
  static constexpr unsigned kBits = 6;

  static std::size_t stack_of(const LayerDef& def) {
    return fibonacci_slot(reinterpret_cast<std::uintptr_t>(&def), kBits);
  }

  Layer* move_out(std::vector<Layer>& stack, std::size_t i, std::vector<Layer>& to) {
    if (i + 1 != stack.size()) std::swap(stack[i], stack.back());
    Layer& layer = to.emplace_back(std::move(stack.back()));
    stack.pop_back();
    --count_;
    return &layer;
  }

  std::size_t usual_;
  std::size_t count_ = 0;
  std::size_t next_ = 0;
  std::array<std::vector<Layer>, std::size_t{1} << kBits> stacks_;
};

}  // namespace mctpkit::detail
