// A message carried by one packet is taken from the packet's own decoding rather than decoded a
// second time, or left in the packet's frame for a caller that asks. Whatever path it takes, it
// must be the message a decode of its bytes gives: same layers, same fields, same text in every
// output form.

#include <gtest/gtest.h>

#include <vector>

#include "mctpkit/capture/open.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/output/filter.hpp"
#include "mctpkit/output/output.hpp"
#include "vectors.hpp"

namespace mctpkit::testing {
namespace {

void expect_message_of(ByteView bytes, const Frame& message, const std::string& where) {
  Frame alone = decode(bytes, "mctp");
  alone.link = "mctp";
  EXPECT_EQ(output::summary(message), output::summary(alone)) << where;
  EXPECT_EQ(output::tree(message), output::tree(alone)) << where;
  EXPECT_EQ(output::json(message), output::json(alone)) << where;
  EXPECT_EQ(message.data, alone.data) << where;
  EXPECT_EQ(message.link, "mctp") << where;
  EXPECT_EQ(message.build(), alone.build()) << where;
}

struct Made {
  std::size_t messages = 0;
  std::size_t left_in_packet = 0;
  std::size_t filters_true = 0;
};

// Filters on binding fields (which a message alone does not have), message fields, the frame's
// length and link, and diagnostics.
const std::vector<output::Filter>& filters() {
  static const std::vector<output::Filter> made = [] {
    std::vector<output::Filter> out;
    for (const char* text : {"smbus", "smbus.src", "sll", "mctp", "mctp.dst > 8 and mctp.tag < 4", "frame.len > 9",
                             "frame.link == mctp", "frame.link == smbus", "diag", "not mctpc", "pldm or vdm",
                             "frame.number == 3"}) {
      out.push_back(std::get<output::Filter>(output::parse_filter(text)));
    }
    return out;
  }();
  return made;
}

// A filter takes a message left in its packet as it takes the frame of its own that a copy gives.
void expect_same_filtering(const Frame& packet, ByteView message_bytes, const Frame& copy, const std::string& where,
                           Made& made) {
  const output::MessageInPacket message{mctp::transport_index(packet), message_bytes.size()};
  const output::PacketContext context{3, std::nullopt};
  for (const output::Filter& f : filters()) {
    const bool expected = f.matches(copy, context);
    EXPECT_EQ(f.matches_message(packet, message, context), expected) << where << ": " << f.text();
    made.filters_true += expected;
  }
}

// Pushes `data` as one packet into fresh reassemblers, one of them leaving messages in their
// packets; checks the message, if it makes one, whichever way it comes.
void check_single_packet_message(ByteView data, const std::string& link, const std::string& where, Made& made) {
  Frame packet = decode(data, link);
  mctp::Reassembler copying, leaving;
  leaving.leave_messages_in_packets(true);
  for (const mctp::Event& e : copying.push(packet)) {
    if (e.kind != mctp::EventKind::Message) continue;
    ++made.messages;
    EXPECT_FALSE(e.in_packet) << where;
    expect_message_of(e.packet, e.message, where);
  }
  for (const mctp::Event& e : leaving.push(packet)) {
    if (e.kind != mctp::EventKind::Message) continue;
    if (!e.in_packet) {
      expect_message_of(e.packet, e.message, where);
      continue;
    }
    ++made.left_in_packet;
    EXPECT_TRUE(e.message.layers.empty() && e.message.data.empty() && e.message.link.empty()) << where;
    Frame copy;
    mctp::copy_message_of_packet(packet, e.packet, copy);
    expect_message_of(e.packet, copy, where);
    expect_same_filtering(packet, e.packet, copy, where, made);
  }
}

TEST(SinglePacketMessage, EveryGoldenVectorGivesTheMessageADecodeGives) {
  std::size_t vectors = 0;
  Made made;
  for (const char* file : {"pymctp-control.tsv", "pymctp-pldm.tsv", "pymctp-vdm.tsv", "pymctp-ipmi.tsv", "seed-examples.tsv"}) {
    for (const Vector& v : load_vectors(file)) {
      ++vectors;
      check_single_packet_message(v.data, v.link, v.source, made);
    }
  }
  EXPECT_GT(vectors, 500u);
  EXPECT_GT(made.messages, 400u);  // most vectors are whole messages in one packet
  EXPECT_GT(made.left_in_packet, 300u);  // and most of those decode the same alone
  EXPECT_GT(made.filters_true, 1000u);
}

TEST(SinglePacketMessage, EveryCapturedPacketGivesTheMessageADecodeGives) {
  Made made;
  for (const char* name : {"mctp-sll.pcap", "mctp-sll2.pcap", "mctp-smbus-i2c.pcap", "libmctp-demux-serial.pcap"}) {
    capture::OpenResult opened = capture::open_capture(std::string(MCTPKIT_SHARED_DIR) + "/captures/" + name);
    ASSERT_TRUE(opened) << name << ": " << opened.error;
    while (auto record = opened.reader->next()) {
      if (record->link.empty()) continue;
      check_single_packet_message(record->data, record->link, std::string(name) + " #" + std::to_string(record->number), made);
    }
  }
  EXPECT_GT(made.messages, 10u);
  EXPECT_GT(made.left_in_packet, 10u);
}

}  // namespace
}  // namespace mctpkit::testing
