#pragma once
// Capture statistics: what was seen, which requests got answers and how fast, and what went
// wrong. Memory is bounded: outstanding requests and kept latency samples are capped.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mctpkit/analysis/matcher.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/mctp/reassembly.hpp"

namespace mctpkit::analysis {

class Statistics {
 public:
  struct Limits {
    std::size_t max_outstanding = 4096;        // requests awaiting a response
    std::size_t max_latency_samples = 100000;  // per command; beyond, the median is estimated
  };

  Statistics() : Statistics(Limits{}) {}
  explicit Statistics(Limits limits) : limits_(limits), matcher_(Matcher::Limits{limits.max_outstanding, 0}) {}

  /// A packet as read (after the filter).
  void add_packet(const Frame& packet);
  /// A whole message (a single-packet one, or a reassembled one) at the time of its last packet.
  void add_message(const Frame& message, std::optional<std::int64_t> time_ns, std::uint64_t frame_number);
  /// Reassembly problems (every event but Message).
  void add_reassembly_event(const mctp::Event& event);
  /// Records of the capture that were not MCTP.
  void add_skipped_record() { ++skipped_records_; }

  /// The report printed by `--stats`, outstanding requests counted as never answered.
  std::string report() const;

 private:
  struct Latencies {
    std::uint64_t count = 0;
    std::vector<std::int64_t> samples;
    std::uint64_t seen_for_sampling = 0;
  };

  void record_latency(const std::string& command, std::int64_t ns);

  Limits limits_;
  std::uint64_t packets_ = 0;
  std::uint64_t messages_ = 0;
  std::uint64_t skipped_records_ = 0;
  std::map<std::string, std::uint64_t> packets_by_command_;
  std::map<std::string, std::uint64_t> messages_by_command_;
  std::map<std::string, std::uint64_t> diagnostics_by_kind_;
  std::map<std::string, std::uint64_t> bad_checksums_by_layer_;
  std::map<std::string, std::uint64_t> reassembly_problems_;
  std::map<std::string, Latencies> latencies_;
  Matcher matcher_;
  std::uint64_t matched_ = 0;
  std::uint64_t unmatched_responses_ = 0;
  std::uint64_t tag_reuse_ = 0;
};

}  // namespace mctpkit::analysis
