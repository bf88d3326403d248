// Reassembler::recycle() only lends storage: a reassembler given back its events must report
// exactly what one that is not reports, message by message, in every output form.

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "mctpkit/capture/open.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit::testing {
namespace {

std::string event_text(const mctp::Event& e) {
  std::string out = std::string(mctp::to_string(e.kind)) + " [";
  for (std::size_t p : e.packets) out += std::to_string(p) + " ";
  out += "] " + e.text;
  if (e.kind == mctp::EventKind::Message) {
    out += e.in_packet ? " (in its packet)" : "";
    out += " | " + output::summary(e.message) + " | " + output::json(e.message) + " | " + e.message.link;
    out += " | " + std::to_string(e.packet.size()) + " | " + std::to_string(e.message.data.size());
  }
  return out;
}

// Feeds both reassemblers the packets of the sample captures. With `faults`, every packet goes in
// twice and every seventh is left out, so that messages alternate with duplicates, gaps, orphans
// and restarts, and one push gives zero, one or several events. With `leave`, both leave
// messages in their packets, so that events left in a packet take turns with copied ones.
std::size_t compare_recycled(bool faults, bool leave = false) {
  std::size_t messages = 0, others = 0;
  for (const char* name : {"mctp-sll.pcap", "mctp-sll2.pcap", "mctp-smbus-i2c.pcap", "libmctp-demux-serial.pcap"}) {
    capture::OpenResult opened = capture::open_capture(std::string(MCTPKIT_SHARED_DIR) + "/captures/" + name);
    EXPECT_TRUE(opened) << name << ": " << opened.error;
    if (!opened) continue;
    mctp::Reassembler plain, recycling;
    plain.leave_messages_in_packets(leave);
    recycling.leave_messages_in_packets(leave);
    Frame packet;
    while (auto record = opened.reader->next()) {
      if (record->link.empty()) continue;
      if (faults && record->number % 7 == 3) continue;
      decode_into(packet, record->data, record->link);
      for (int copy = 0; copy < (faults ? 2 : 1); ++copy) {
        std::vector<mctp::Event> expected = plain.push(packet, record->time_ns, record->number);
        std::vector<mctp::Event> got = recycling.push(packet, record->time_ns, record->number);
        EXPECT_EQ(got.size(), expected.size()) << name << " #" << record->number;
        for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
          const mctp::Event& e = got[i];
          EXPECT_EQ(event_text(e), event_text(expected[i])) << name << " #" << record->number;
          const bool message = e.kind == mctp::EventKind::Message;
          messages += message;
          others += !message;
          if (!message || e.in_packet) {
            // An event in the storage of a recycled message keeps nothing of its frame, nor, but
            // for a message, of its bytes.
            EXPECT_TRUE((message || e.packet.empty()) && e.message.layers.empty() && e.message.data.empty() &&
                        e.message.diagnostics.empty() && e.message.link.empty())
                << name << " #" << record->number;
          }
        }
        recycling.recycle(std::move(got));
      }
    }
    std::vector<mctp::Event> expected = plain.flush();
    std::vector<mctp::Event> got = recycling.flush();
    EXPECT_EQ(got.size(), expected.size()) << name;
    for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
      EXPECT_EQ(event_text(got[i]), event_text(expected[i])) << name << " at the end";
    }
  }
  return faults ? std::min(messages, others) : messages;
}

TEST(ReassemblerRecycle, EventsAreThoseOfAReassemblerThatIsNotGivenThemBack) { EXPECT_GT(compare_recycled(false), 100u); }

TEST(ReassemblerRecycle, MessagesAndFaultsInRecycledStorageAreThoseOfAFreshReassembler) {
  // Both kinds of event in numbers: each reuses the storage of the other.
  EXPECT_GT(compare_recycled(true), 50u);
}

TEST(ReassemblerRecycle, MessagesLeftInTheirPacketsTakeTurnsWithCopiedOnes) {
  EXPECT_GT(compare_recycled(false, true), 100u);
  EXPECT_GT(compare_recycled(true, true), 50u);
}

}  // namespace
}  // namespace mctpkit::testing
