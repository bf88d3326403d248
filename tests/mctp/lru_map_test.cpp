// The reassembler's map by terminus against a plain model (a list in order of activity), through
// long random runs of every operation, with hashes that collide on purpose so that runs in the
// index are long, wrap around its end and lose entries from their middle.

#include "mctp/detail/lru_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <list>
#include <random>
#include <string>
#include <utility>

namespace mctpkit::mctp::detail {
namespace {

struct Entry {
  int key = 0;
  std::string payload;
};

// Eight hash values. Seven are placed by Fibonacci hashing in the last slots of the index
// whatever its size (the value times the multiplier, 2^64 - 1 - k * 2^54, has k counted down
// from all ones in its top bits), so that runs of entries wrap around to the index's start; the
// eighth, 0, is placed in the first slot, where the wrapped runs meet entries at home.
struct CollidingHash {
  std::size_t operator()(int key) const {
    constexpr std::uint64_t kInverseOfMultiplier = 0xF1DE83E19937733DULL;  // of 0x9E3779B97F4A7C15
    const std::uint64_t k = static_cast<std::uint64_t>(key % 8);
    if (k == 7) return 0;
    return static_cast<std::size_t>(kInverseOfMultiplier * (~std::uint64_t{0} - (k << 54)));
  }
};

using Map = LruMap<Entry, CollidingHash>;
using Model = std::list<std::pair<int, std::string>>;  // least recently active first

std::string order_of(Map& map) {
  std::string out;
  for (const Entry& e : map) out += std::to_string(e.key) + "=" + e.payload + " ";
  return out;
}

std::string order_of(const Model& model) {
  std::string out;
  for (const auto& [key, payload] : model) out += std::to_string(key) + "=" + payload + " ";
  return out;
}

Model::iterator model_find(Model& model, int key) {
  return std::find_if(model.begin(), model.end(), [key](const auto& e) { return e.first == key; });
}

void model_touch(Model& model, Model::iterator it) { model.splice(model.end(), model, it); }

TEST(LruMap, EveryOperationAgreesWithAListInOrderOfActivity) {
  std::mt19937 random(20261206);
  Map map;
  Model model;
  std::size_t largest = 0;
  for (int step = 0; step < 200000; ++step) {
    // The key space grows and shrinks, so that the index grows and empties again.
    const int keys = step % 50000 < 25000 ? 300 : 12;
    const int key = static_cast<int>(random() % keys);
    const std::string payload = std::to_string(step);
    // Mostly entries added, so that the map grows to hundreds of entries between the removals;
    // now and then half of them go at once.
    constexpr unsigned kOps[20] = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4};
    const unsigned op = step % 1999 == 0 ? 5 : kOps[random() % 20];
    auto found = model_find(model, key);
    switch (op) {
      case 0: {  // insert or replace
        map.insert(Entry{key, payload});
        if (found != model.end()) model.erase(found);
        model.emplace_back(key, payload);
        break;
      }
      case 1: {  // the slot of a key, filled in
        map.slot(key)->payload = payload;
        if (found != model.end()) model.erase(found);
        model.emplace_back(key, payload);
        break;
      }
      case 2: {  // find and touch
        auto it = map.find(key);
        ASSERT_EQ(it == map.end(), found == model.end()) << "step " << step;
        if (it != map.end()) {
          ASSERT_EQ(it->payload, found->second);
          map.touch(it);
          model_touch(model, found);
        }
        break;
      }
      case 3: {  // erase by key
        map.erase_key(key);
        if (found != model.end()) model.erase(found);
        break;
      }
      case 4: {  // erase the oldest few, as the bounds and the timeouts do
        for (int n = 0; n < 3 && !map.empty(); ++n) map.erase(map.begin());
        for (int n = 0; n < 3 && !model.empty(); ++n) model.pop_front();
        break;
      }
      case 5: {  // erase while walking, keeping every other entry
        bool keep = true;
        for (auto it = map.begin(); it != map.end();) {
          it = keep ? std::next(it) : map.erase(it);
          keep = !keep;
        }
        keep = true;
        for (auto it = model.begin(); it != model.end();) {
          it = keep ? std::next(it) : model.erase(it);
          keep = !keep;
        }
        break;
      }
    }
    ASSERT_EQ(map.size(), model.size()) << "step " << step;
    largest = std::max(largest, map.size());
    if (step % 97 == 0 || model.size() < 20) {
      ASSERT_EQ(order_of(map), order_of(model)) << "step " << step;
    }
  }
  EXPECT_GT(largest, 150u);  // the index grew from 16 slots to 512
  // Every key is found, or not, as the model says.
  for (int key = 0; key < 300; ++key) {
    auto it = map.find(key);
    auto found = model_find(model, key);
    ASSERT_EQ(it == map.end(), found == model.end()) << key;
    if (found != model.end()) {
      EXPECT_EQ(it->payload, found->second);
    }
  }
  map.clear();
  EXPECT_TRUE(map.empty());
  EXPECT_TRUE(map.begin() == map.end());
  EXPECT_TRUE(map.find(3) == map.end());
  map.slot(3)->payload = "again";
  EXPECT_EQ(order_of(map), "3=again ");
}

}  // namespace
}  // namespace mctpkit::mctp::detail
