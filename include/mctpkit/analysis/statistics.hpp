#pragma once
// Capture statistics: what was seen, which requests got answers and how fast, and what went
// wrong. Memory is bounded for a capture of any length: outstanding requests, kept response times
// and distinct command names are capped.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mctpkit/analysis/command_label.hpp"
#include "mctpkit/analysis/latencies.hpp"
#include "mctpkit/analysis/matcher.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/mctp/reassembly.hpp"

namespace mctpkit::analysis {

class Statistics {
 public:
  struct Limits {
    std::size_t max_outstanding = 4096;  // requests awaiting a response
    // Response times kept, all commands together (2 MiB); beyond, a median is of a sample.
    std::size_t max_latency_samples = 262144;
    // Distinct command names; later ones count together as "other commands".
    std::size_t max_commands = 4096;
  };

  Statistics() : Statistics(Limits{}) {}
  // The matcher names no command: requests carry their command's number, named for the report.
  explicit Statistics(Limits limits)
      : latencies_(limits.max_latency_samples), matcher_(Matcher::Limits{limits.max_outstanding, 0, false}),
        commands_(default_registry(), limits.max_commands) {}

  /// The number statistics give a command (dense, in the order first seen).
  using CommandId = CommandNames::Id;

  /// A packet as read (after the filter); `frame_number` (1-based, 0 = not known) is listed
  /// under the kinds of its diagnostics. Returns the number of the packet's command.
  CommandId add_packet(const Frame& packet, std::uint64_t frame_number = 0);
  /// A whole message (a single-packet one, or a reassembled one) at the time of its last packet.
  /// Only its layers from the MCTP transport layer on are read, so that the frame of the packet
  /// that is the whole message (mctp::Event::in_packet) serves as well. `known`: what
  /// add_packet() returned for that packet's frame when it is the message's, so that the command
  /// is not worked out twice.
  void add_message(const Frame& message, std::optional<std::int64_t> time_ns, std::uint64_t frame_number,
                   std::optional<CommandId> known = std::nullopt);
  /// The diagnostics of a message (a Message event) reassembled from several packets, listed
  /// under `frame_number`, its last packet's. Only the whole message shows what its packets
  /// cannot: a message integrity check (counted with the bad checksums too: a packet that
  /// carries a piece of a message checks none), or a field cut short or left over at its end.
  /// A message of one packet counts nothing here: add_packet() counted its diagnostics.
  void add_message_diagnostics(const mctp::Event& message, std::uint64_t frame_number);
  /// Reassembly problems (every event but Message).
  void add_reassembly_event(const mctp::Event& event);
  /// Records of the capture that were not MCTP.
  void add_skipped_record() { ++skipped_records_; }

  /// Response times of one command.
  struct Latency {
    std::string command;
    std::uint64_t pairs = 0;
    std::int64_t min_ns = 0;     // of every pair
    std::int64_t median_ns = 0;  // of the pairs kept
    std::int64_t max_ns = 0;     // of every pair
    bool sampled = false;        // more pairs than kept samples: the median is of a sample
  };
  struct Unanswered {
    std::uint64_t frame = 0;
    std::string command;
  };
  /// Everything report() shows, as values (for programs and the Python module).
  struct Figures {
    std::uint64_t packets = 0;
    std::uint64_t skipped_records = 0;  // records that are not MCTP
    std::uint64_t messages = 0;
    std::map<std::string, std::uint64_t> packets_by_command;
    std::map<std::string, std::uint64_t> messages_by_command;
    std::uint64_t matched = 0;
    std::vector<Latency> latencies;  // by command name
    /// Requests never answered: the outstanding ones (oldest first) plus those forgotten when
    /// too many were outstanding (counted in never_answered only).
    std::uint64_t never_answered = 0;
    std::vector<Unanswered> unanswered;
    std::uint64_t unmatched_responses = 0;
    std::uint64_t tag_reuse = 0;
    std::map<std::string, std::uint64_t> reassembly_problems;
    std::map<std::string, std::uint64_t> bad_checksums_by_layer;
    /// Diagnostics by kind, how many frames had one of each kind, and the first of those frames
    /// (numbers, up to kFramesPerKind).
    struct Diagnostics {
      std::map<std::string, std::uint64_t> by_kind;
      std::map<std::string, std::uint64_t> frames_by_kind;
      std::map<std::string, std::vector<std::uint64_t>> frames;
    };
    Diagnostics packet_diagnostics;
    /// Of messages of several packets; a message's frame is its last packet's.
    Diagnostics message_diagnostics;
  };

  /// How many frame numbers Figures::Diagnostics::frames keeps per kind.
  static constexpr std::size_t kFramesPerKind = 5;

  /// The figures so far, outstanding requests counted as never answered.
  Figures figures() const;

  /// The report printed by `--stats`: figures() as text.
  std::string report() const;

 private:
  // Counted by command number, which stands for a name: one vector slot each.
  using CountsByCommand = std::vector<std::uint64_t>;
  template <typename Key>
  using CountsBy = std::map<Key, std::uint64_t>;

  std::uint64_t packets_ = 0;
  std::uint64_t messages_ = 0;
  std::uint64_t skipped_records_ = 0;
  CountsByCommand packets_by_command_;
  CountsByCommand messages_by_command_;
  // Diagnostics of packets, or of messages, by kind.
  struct DiagnosticCounts {
    CountsBy<DiagKind> by_kind;
    CountsBy<DiagKind> frames_by_kind;
    std::map<DiagKind, std::vector<std::uint64_t>> frames;

    void add(const Frame& frame, std::uint64_t frame_number);
    Figures::Diagnostics figures() const;
  };

  void count_bad_checksums(const Frame& frame);

  DiagnosticCounts packet_diagnostics_;
  DiagnosticCounts message_diagnostics_;
  CountsBy<std::string> bad_checksums_by_layer_;
  CountsBy<mctp::EventKind> reassembly_problems_;
  Latencies latencies_;  // by request command number
  Matcher matcher_;
  CommandNames commands_;
  std::uint64_t matched_ = 0;
  std::uint64_t unmatched_responses_ = 0;
  std::uint64_t tag_reuse_ = 0;
};

}  // namespace mctpkit::analysis
