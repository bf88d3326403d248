#pragma once
// A bounded map ordered by last activity, in storage kept from entry to entry.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/detail/fibonacci_slot.hpp"

namespace mctpkit::mctp::detail {

/// A map from keys to entries (each holding its key as `key`) that also orders them by last
/// activity: the reassembler's assemblies, finished messages and requests, by terminus.
/// The entries live in one vector of nodes, linked in order of activity and found through an
/// open-addressing index of node numbers (linear probing, Fibonacci hashing of `Hash`'s value,
/// removals by shifting back the entries after them). Removed nodes keep their storage for later
/// entries, so that a map that stays at its bound does not allocate for each message. Node
/// numbers stay valid until their node is removed, and iterators with them; references to
/// entries may move when an entry is added.
template <typename V, typename Hash>
class LruMap {
  using Key = std::remove_cvref_t<decltype(std::declval<V>().key)>;
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  struct Node {
    V value;
    std::size_t hash = 0;
    std::uint32_t prev = kNone, next = kNone;
  };

 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = V;
    using difference_type = std::ptrdiff_t;
    using pointer = V*;
    using reference = V&;

    iterator() = default;
    V& operator*() const { return map_->nodes_[at_].value; }
    V* operator->() const { return &map_->nodes_[at_].value; }
    iterator& operator++() {
      at_ = map_->nodes_[at_].next;
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.at_ == b.at_; }

   private:
    friend class LruMap;
    iterator(LruMap* map, std::uint32_t at) : map_(map), at_(at) {}
    LruMap* map_ = nullptr;
    std::uint32_t at_ = kNone;
  };

  // Least recently active first.
  iterator begin() { return {this, oldest_}; }
  iterator end() { return {this, kNone}; }
  iterator find(const Key& key) { return {this, lookup(key, Hash{}(key))}; }
  // Makes the entry the most recently active one.
  void touch(iterator it) {
    unlink(it.at_);
    link_newest(it.at_);
  }
  // Inserts or replaces the entry of `value.key`, as the most recently active one.
  iterator insert(V value) {
    const std::size_t hash = Hash{}(value.key);
    std::uint32_t at = lookup(value.key, hash);
    if (at != kNone) {
      nodes_[at].value = std::move(value);
      touch({this, at});
      return {this, at};
    }
    at = new_node(hash);
    nodes_[at].value = std::move(value);
    return {this, at};
  }
  // The entry of `key`, as the most recently active one: the one there was, or a new one whose
  // members other than the key hold whatever they held (the caller sets them all, or swaps a
  // whole entry in). No key is copied when there was one, and none into new storage when a
  // removed entry is reused.
  iterator slot(const Key& key) {
    const std::size_t hash = Hash{}(key);
    std::uint32_t at = lookup(key, hash);
    if (at != kNone) {
      touch({this, at});
      return {this, at};
    }
    at = new_node(hash);
    nodes_[at].value.key = key;
    return {this, at};
  }
  // Removes the entry; returns the next one in order of activity.
  iterator erase(iterator it) {
    const std::uint32_t at = it.at_;
    const std::uint32_t next = nodes_[at].next;
    unindex(at);
    unlink(at);
    free_.push_back(at);
    --size_;
    return {this, next};
  }
  void erase_key(const Key& key) {
    const std::uint32_t at = lookup(key, Hash{}(key));
    if (at != kNone) erase({this, at});
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    nodes_.clear();
    free_.clear();
    slots_.clear();
    slot_bits_ = 0;
    oldest_ = newest_ = kNone;
    size_ = 0;
  }

 private:
  std::size_t slot_of(std::size_t hash) const {
    return mctpkit::detail::fibonacci_slot(hash, slot_bits_);
  }
  std::size_t mask() const { return slots_.size() - 1; }

  std::uint32_t lookup(const Key& key, std::size_t hash) const {
    if (size_ == 0) return kNone;
    for (std::size_t i = slot_of(hash);; i = (i + 1) & mask()) {
      const std::uint32_t at = slots_[i];
      if (at == kNone) return kNone;
      if (nodes_[at].hash == hash && nodes_[at].value.key == key) return at;
    }
  }

  // A node for a new entry (a removed one's when there is one), indexed and the most recent.
  std::uint32_t new_node(std::size_t hash) {
    // The index is kept at most half full, so that probes stay short.
    if (2 * (size_ + 1) > slots_.size()) grow_index();
    std::uint32_t at;
    if (free_.empty()) {
      at = static_cast<std::uint32_t>(nodes_.size());
      nodes_.emplace_back();
    } else {
      at = free_.back();
      free_.pop_back();
    }
    nodes_[at].hash = hash;
    index(at);
    link_newest(at);
    ++size_;
    return at;
  }

  void index(std::uint32_t at) {
    std::size_t i = slot_of(nodes_[at].hash);
    while (slots_[i] != kNone) i = (i + 1) & mask();
    slots_[i] = at;
  }

  // Takes node `at` out of the index. The entries after it in its run that could sit in its
  // place move back, so that no lookup stops short at the hole.
  void unindex(std::uint32_t at) {
    std::size_t hole = slot_of(nodes_[at].hash);
    while (slots_[hole] != at) hole = (hole + 1) & mask();
    slots_[hole] = kNone;
    for (std::size_t i = (hole + 1) & mask(); slots_[i] != kNone; i = (i + 1) & mask()) {
      const std::size_t home = slot_of(nodes_[slots_[i]].hash);
      // The entry stays when its home lies after the hole and up to its place (cyclically).
      const bool stays = hole < i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (stays) continue;
      slots_[hole] = slots_[i];
      slots_[i] = kNone;
      hole = i;
    }
  }

  void grow_index() {
    slot_bits_ = std::max(slot_bits_ + 1, 4u);
    slots_.assign(std::size_t{1} << slot_bits_, kNone);
    for (std::uint32_t at = oldest_; at != kNone; at = nodes_[at].next) index(at);
  }

  void unlink(std::uint32_t at) {
    Node& n = nodes_[at];
    (n.prev == kNone ? oldest_ : nodes_[n.prev].next) = n.next;
    (n.next == kNone ? newest_ : nodes_[n.next].prev) = n.prev;
    n.prev = n.next = kNone;
  }
  void link_newest(std::uint32_t at) {
    Node& n = nodes_[at];
    n.prev = newest_;
    n.next = kNone;
    (newest_ == kNone ? oldest_ : nodes_[newest_].next) = at;
    newest_ = at;
  }

  std::vector<Node> nodes_;
  std::vector<std::uint32_t> free_;   // removed nodes, their storage kept
  std::vector<std::uint32_t> slots_;  // the index: node numbers, kNone where empty
  unsigned slot_bits_ = 0;
  std::uint32_t oldest_ = kNone, newest_ = kNone;
  std::size_t size_ = 0;
};

}  // namespace mctpkit::mctp::detail
