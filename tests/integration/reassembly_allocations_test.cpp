// A reassembler given back its events (recycle()) reaches a steady state in which a message of
// one packet allocates nothing, whatever addresses the binding adds to the message's key: an
// SMBus key ("smbus.dst=0x10 smbus.src=0x1D") is too long to live inside a string object, so a
// copy of a key is an allocation.

#include <gtest/gtest.h>

#include <vector>

#include "mctpkit/binding/smbus.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/hex_text.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/output/output.hpp"
#include "allocation_counter.hpp"

namespace mctpkit::testing {
namespace {

// The MCTP packet `mctp_hex` in an SMBus frame from address `src` to address `dst`, decoded.
Frame smbus_packet(std::uint64_t dst, std::uint64_t src, std::string_view mctp_hex) {
  const Frame mctp = decode(std::get<Bytes>(parse_hex_text(mctp_hex)), "mctp");
  Frame framed;
  framed.layers.emplace_back(binding::kSmbus, std::initializer_list<FieldInit>{{"dst", dst}, {"src", src}});
  framed.layers.insert(framed.layers.end(), mctp.layers.begin(), mctp.layers.end());
  return decode(framed.build(), "smbus");
}

TEST(ReassemblerAllocations, MessagesOfOnePacketWithBindingAddressesAllocateNothingOnceWarm) {
  // Get Endpoint ID requests (EID 8 -> 9, TO=1) and their responses, on tags 0 to 3, between
  // SMBus addresses 0x10 and 0x1D.
  std::vector<Frame> packets;
  const char* const request_flags[] = {"C8", "C9", "CA", "CB"};   // SOM, EOM, TO, tag
  const char* const response_flags[] = {"C0", "C1", "C2", "C3"};  // SOM, EOM, tag
  for (int tag = 0; tag < 4; ++tag) {
    packets.push_back(smbus_packet(0x1D, 0x10, std::string("01 09 08 ") + request_flags[tag] + " 00 80 02"));
    packets.push_back(smbus_packet(0x10, 0x1D, std::string("01 08 09 ") + response_flags[tag] + " 00 00 02 00 09 00 00"));
  }
  for (const Frame& p : packets) ASSERT_TRUE(p.diagnostics.empty()) << output::summary(p);

  for (bool leave : {true, false}) {
    mctp::Reassembler reassembler;
    reassembler.leave_messages_in_packets(leave);
    std::size_t number = 0;
    const auto push_all = [&] {
      for (const Frame& p : packets) {
        std::vector<mctp::Event> events = reassembler.push(p, std::nullopt, number++);
        EXPECT_EQ(events.size(), 1u);
        for (const mctp::Event& e : events) {
          EXPECT_EQ(e.kind, mctp::EventKind::Message) << e.text;
          EXPECT_EQ(e.key.physical, e.key.to == 1 ? "smbus.dst=0x1D smbus.src=0x10" : "smbus.dst=0x10 smbus.src=0x1D");
        }
        reassembler.recycle(std::move(events));
      }
    };
    push_all();  // storage grows to its size
    const long before = allocations_so_far();
    push_all();
    EXPECT_EQ(allocations_so_far() - before, 0) << (leave ? "left in packets" : "copied");
  }
}

// A message of three packets goes into a node of the reassembler's map and out again; once warm,
// neither its assembly (the body and the packet numbers) nor its event allocates.
TEST(ReassemblerAllocations, MessagesOfSeveralPacketsAllocateNothingOnceWarm) {
  // Get Endpoint ID requests cut into three packets of one byte (SOM, middle, EOM; TO=1), and
  // their responses in one packet, on tags 0 to 3.
  std::vector<Frame> packets;
  const char* const first[] = {"88", "89", "8A", "8B"}, *const middle[] = {"18", "19", "1A", "1B"},
                    *const last[] = {"68", "69", "6A", "6B"}, *const response[] = {"C0", "C1", "C2", "C3"};
  for (int tag = 0; tag < 4; ++tag) {
    packets.push_back(smbus_packet(0x1D, 0x10, std::string("01 09 08 ") + first[tag] + " 00"));
    packets.push_back(smbus_packet(0x1D, 0x10, std::string("01 09 08 ") + middle[tag] + " 80"));
    packets.push_back(smbus_packet(0x1D, 0x10, std::string("01 09 08 ") + last[tag] + " 02"));
    packets.push_back(smbus_packet(0x10, 0x1D, std::string("01 08 09 ") + response[tag] + " 00 00 02 00 09 00 00"));
  }
  mctp::Reassembler reassembler;
  reassembler.leave_messages_in_packets(true);
  std::size_t number = 0, messages = 0;
  const auto push_all = [&] {
    for (std::size_t i = 0; i < packets.size(); ++i) {
      std::vector<mctp::Event> events = reassembler.push(packets[i], std::nullopt, number++);
      // Nothing for the first two packets of a request; one whole message for the others.
      EXPECT_EQ(events.size(), i % 4 < 2 ? 0u : 1u) << i;
      for (const mctp::Event& e : events) {
        EXPECT_EQ(e.kind, mctp::EventKind::Message) << e.text;
        EXPECT_EQ(e.packets.size(), i % 4 == 2 ? 3u : 1u);
        EXPECT_TRUE(e.message.diagnostics.empty());
        ++messages;
      }
      reassembler.recycle(std::move(events));
    }
  };
  push_all();  // storage grows to its size
  const long before = allocations_so_far();
  push_all();
  EXPECT_EQ(allocations_so_far() - before, 0);
  EXPECT_EQ(messages, 16u);
}

}  // namespace
}  // namespace mctpkit::testing
