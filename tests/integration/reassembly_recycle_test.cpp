// Reassembler::recycle() only lends storage: a reassembler given back its events must report
// exactly what one that is not reports, message by message, in every output form.

#include <gtest/gtest.h>

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
    out += " | " + output::summary(e.message) + " | " + output::json(e.message) + " | " + e.message.link;
    out += " | " + std::to_string(e.packet.size()) + " | " + std::to_string(e.message.data.size());
  }
  return out;
}

TEST(ReassemblerRecycle, EventsAreThoseOfAReassemblerThatIsNotGivenThemBack) {
  std::size_t messages = 0;
  for (const char* name : {"mctp-sll.pcap", "mctp-sll2.pcap", "mctp-smbus-i2c.pcap", "libmctp-demux-serial.pcap"}) {
    capture::OpenResult opened = capture::open_capture(std::string(MCTPKIT_SHARED_DIR) + "/captures/" + name);
    ASSERT_TRUE(opened) << name << ": " << opened.error;
    mctp::Reassembler plain, recycling;
    Frame packet;
    while (auto record = opened.reader->next()) {
      if (record->link.empty()) continue;
      decode_into(packet, record->data, record->link);
      std::vector<mctp::Event> expected = plain.push(packet, record->time_ns, record->number);
      std::vector<mctp::Event> got = recycling.push(packet, record->time_ns, record->number);
      ASSERT_EQ(got.size(), expected.size()) << name << " #" << record->number;
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(event_text(got[i]), event_text(expected[i])) << name << " #" << record->number;
        messages += got[i].kind == mctp::EventKind::Message;
      }
      recycling.recycle(std::move(got));
    }
  }
  EXPECT_GT(messages, 100u);
}

}  // namespace
}  // namespace mctpkit::testing
