#pragma once
// Response times by command number: for each, how many pairs, the exact fastest and slowest, and
// the median of the times kept. What is kept is bounded for a capture of any length: every
// command shares one budget of samples, split evenly among the commands seen so far. A command
// with more pairs than its share keeps a uniform random sample of them (reservoir sampling), and
// its median is the sample's. The random numbers come from a fixed seed, so that one capture
// gives one report.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace mctpkit::analysis {

class Latencies {
 public:
  using CommandId = std::uint32_t;

  /// `budget`: how many times all commands keep together (at least one per command).
  explicit Latencies(std::size_t budget) : budget_(budget) {}

  /// One more pair of `command`, answered in `ns`.
  void add(CommandId command, std::int64_t ns);

  struct Summary {
    std::uint64_t pairs = 0;
    std::int64_t min_ns = 0;
    std::int64_t median_ns = 0;
    std::int64_t max_ns = 0;
    bool sampled = false;  // more pairs than kept times: the median is of a sample
  };
  /// What `command`'s pairs took; none when it has no pair.
  std::optional<Summary> summary(CommandId command) const;

  /// One more than the highest command number with a pair (or zero).
  std::size_t commands() const { return commands_.size(); }
  /// How many times are kept, all commands together.
  std::size_t kept() const;

 private:
  struct Command {
    std::uint64_t pairs = 0;
    std::int64_t min_ns = 0;
    std::int64_t max_ns = 0;
    std::vector<std::int64_t> samples;
  };

  // Each command's share of the budget.
  std::size_t share() const;
  // Keeps `to` of `c`'s samples, chosen at random, and gives back the memory of the others.
  void shrink(Command& c, std::size_t to);
  std::uint64_t random();

  std::size_t budget_;
  std::size_t active_ = 0;  // commands with a pair
  std::vector<Command> commands_;
  std::uint64_t random_state_ = 0x6A09E667F3BCC909u;
};

}  // namespace mctpkit::analysis
