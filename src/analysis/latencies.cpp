#include "mctpkit/analysis/latencies.hpp"

#include <algorithm>
#include <utility>

namespace mctpkit::analysis {

void Latencies::add(CommandId command, std::int64_t ns) {
  if (command >= commands_.size()) commands_.resize(command + 1);
  Command& c = commands_[command];
  if (c.pairs == 0) {
    c.min_ns = c.max_ns = ns;
    ++active_;
    // One more command shares the budget: those holding more than the new share give some back.
    const std::size_t cap = share();
    for (Command& other : commands_) {
      if (other.samples.size() > cap) shrink(other, cap);
    }
  } else {
    c.min_ns = std::min(c.min_ns, ns);
    c.max_ns = std::max(c.max_ns, ns);
  }
  ++c.pairs;
  const std::size_t cap = share();
  if (c.samples.size() < cap) {
    // Grown by hand so that the storage never passes the share.
    if (c.samples.size() == c.samples.capacity()) {
      c.samples.reserve(std::min(cap, std::max<std::size_t>(16, 2 * c.samples.size())));
    }
    c.samples.push_back(ns);
    return;
  }
  // The pair numbered `pairs` takes a random place with the chance (kept / pairs) that keeps the
  // sample uniform over every pair so far.
  const std::uint64_t place = random() % c.pairs;
  if (place < c.samples.size()) c.samples[place] = ns;
}

std::optional<Latencies::Summary> Latencies::summary(CommandId command) const {
  if (command >= commands_.size() || commands_[command].pairs == 0) return std::nullopt;
  const Command& c = commands_[command];
  std::vector<std::int64_t> s = c.samples;
  std::sort(s.begin(), s.end());
  const std::size_t half = s.size() / 2;
  const std::int64_t median = s.size() % 2 ? s[half] : (s[half - 1] + s[half]) / 2;
  return Summary{c.pairs, c.min_ns, median, c.max_ns, c.pairs > s.size()};
}

std::size_t Latencies::kept() const {
  std::size_t n = 0;
  for (const Command& c : commands_) n += c.samples.size();
  return n;
}

std::size_t Latencies::share() const { return std::max<std::size_t>(1, budget_ / std::max<std::size_t>(1, active_)); }

void Latencies::shrink(Command& c, std::size_t to) {
  // The first `to` places of a random shuffle: a uniform choice among a uniform sample is still
  // a uniform sample.
  std::vector<std::int64_t>& s = c.samples;
  for (std::size_t i = 0; i < to; ++i) std::swap(s[i], s[i + random() % (s.size() - i)]);
  s.resize(to);
  s.shrink_to_fit();
}

// splitmix64: small, fast and good enough to pick places.
std::uint64_t Latencies::random() {
  std::uint64_t z = (random_state_ += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

}  // namespace mctpkit::analysis
