// A message carried by one packet is taken from the packet's own decoding rather than decoded a
// second time. Whatever path it takes, it must be the message a decode of its bytes gives: same
// layers, same fields, same text in every output form.

#include <gtest/gtest.h>

#include <vector>

#include "mctpkit/capture/open.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/output/output.hpp"
#include "vectors.hpp"

namespace mctpkit::testing {
namespace {

// Pushes `data` as one packet into a fresh reassembler; checks its message, if it makes one.
// Returns whether it did.
bool check_single_packet_message(ByteView data, const std::string& link, const std::string& where) {
  Frame packet = decode(data, link);
  mctp::Reassembler reassembler;
  bool made = false;
  for (const mctp::Event& e : reassembler.push(packet)) {
    if (e.kind != mctp::EventKind::Message) continue;
    made = true;
    Frame alone = decode(e.packet, "mctp");
    alone.link = "mctp";
    EXPECT_EQ(output::summary(e.message), output::summary(alone)) << where;
    EXPECT_EQ(output::tree(e.message), output::tree(alone)) << where;
    EXPECT_EQ(output::json(e.message), output::json(alone)) << where;
    EXPECT_EQ(e.message.data, alone.data) << where;
    EXPECT_EQ(e.message.link, "mctp") << where;
    EXPECT_EQ(e.message.build(), alone.build()) << where;
  }
  return made;
}

TEST(SinglePacketMessage, EveryGoldenVectorGivesTheMessageADecodeGives) {
  std::size_t messages = 0, vectors = 0;
  for (const char* file : {"pymctp-control.tsv", "pymctp-pldm.tsv", "pymctp-vdm.tsv", "pymctp-ipmi.tsv", "seed-examples.tsv"}) {
    for (const Vector& v : load_vectors(file)) {
      ++vectors;
      messages += check_single_packet_message(v.data, v.link, v.source);
    }
  }
  EXPECT_GT(vectors, 500u);
  EXPECT_GT(messages, 400u);  // most vectors are whole messages in one packet
}

TEST(SinglePacketMessage, EveryCapturedPacketGivesTheMessageADecodeGives) {
  std::size_t messages = 0;
  for (const char* name : {"mctp-sll.pcap", "mctp-sll2.pcap", "mctp-smbus-i2c.pcap", "libmctp-demux-serial.pcap"}) {
    capture::OpenResult opened = capture::open_capture(std::string(MCTPKIT_SHARED_DIR) + "/captures/" + name);
    ASSERT_TRUE(opened) << name << ": " << opened.error;
    while (auto record = opened.reader->next()) {
      if (record->link.empty()) continue;
      messages += check_single_packet_message(record->data, record->link, std::string(name) + " #" + std::to_string(record->number));
    }
  }
  EXPECT_GT(messages, 10u);
}

}  // namespace
}  // namespace mctpkit::testing
