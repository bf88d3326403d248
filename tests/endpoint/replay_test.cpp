// A responder fed with the request/response pairs mined from a capture answers the requests of
// that capture with the capture's responses.

#include <fstream>
#include <iterator>

#include "endpoint_test_support.hpp"
#include "mctpkit/capture/open.hpp"

using namespace mctpkit;
using namespace mctpkit::endpoint;
using namespace mctpkit::endpoint::test;

namespace {

struct Message {
  mctp::AssemblyKey key;
  Bytes body;
};

// Every whole message of the capture, in order, with its packets' frames.
struct CaptureMessages {
  std::vector<Message> messages;
  std::vector<std::vector<Bytes>> request_packets;  // the packets of each request (TO=1)
  std::vector<std::size_t> request_positions;       // and its place in `messages`
  std::string link;
};

CaptureMessages read_capture(const std::string& path) {
  CaptureMessages out;
  auto opened = capture::open_capture(path);
  EXPECT_TRUE(opened) << opened.error;
  mctp::Reassembler reassembler;
  std::vector<Bytes> packets;
  std::vector<Bytes> pending;
  while (auto record = opened.reader->next()) {
    if (record->link.empty()) continue;
    out.link = record->link;
    packets.push_back(record->data);
    for (mctp::Event& e : reassembler.push(decode(record->data, record->link), std::nullopt, packets.size() - 1)) {
      if (e.kind != mctp::EventKind::Message) continue;
      out.messages.push_back({e.key, Bytes(e.body().begin(), e.body().end())});
      if (e.key.to == 1) {
        out.request_positions.push_back(out.messages.size() - 1);
        std::vector<Bytes> frames;
        for (std::size_t n : e.packets) frames.push_back(packets[n]);
        out.request_packets.push_back(std::move(frames));
      }
    }
  }
  return out;
}

}  // namespace

TEST(EndpointReplay, AnswersTheRequestsOfTheCaptureItCameFrom) {
  const std::string path = std::string(MCTPKIT_SHARED_DIR) + "/captures/mctp-sll.pcap";
  std::vector<CannedReply> mined = mine_capture(path);
  ASSERT_FALSE(mined.empty());
  CaptureMessages capture = read_capture(path);
  ASSERT_FALSE(capture.request_packets.empty());

  // An endpoint with an EID the capture does not use: the mined replies answer for the EIDs of
  // the capture.
  Responder r(parse_config(R"({"eid": 200, "uuid": "11223344-5566-7788-99aa-bbccddeeff00"})"), capture.link);
  r.add_canned(mined);
  std::size_t answered = 0, compared = 0;
  for (std::size_t k = 0; k < capture.request_packets.size(); ++k) {
    const auto& request = capture.request_packets[k];
    std::vector<Bytes> reply;
    for (const Bytes& packet : request) {
      for (Bytes& f : ask(r, packet)) reply.push_back(std::move(f));
    }
    if (reply.empty()) continue;
    ++answered;
    Frame message = reassembled(reply, capture.link);
    ASSERT_FALSE(message.layers.empty());
    const Layer& t = message.layers[0];
    // The capture's response to this request: the next message going the other way with the tag.
    Frame req = decode(request.back(), capture.link);
    const Layer* rt = req.find("mctp");
    for (std::size_t p = capture.request_positions[k] + 1; p < capture.messages.size(); ++p) {
      const Message& m = capture.messages[p];
      bool from_target = m.key.src == rt->num("dst") || rt->num("dst") == 0;
      if (m.key.to == 0 && from_target && m.key.dst == rt->num("src") && m.key.tag == rt->num("tag")) {
        EXPECT_EQ(t.num("src"), m.key.src);
        EXPECT_EQ(t.num("dst"), m.key.dst);
        EXPECT_EQ(t.num("tag"), m.key.tag);
        EXPECT_EQ(t.num("to"), 0u);
        EXPECT_EQ(to_hex(ByteView(message.data).subspan(4)), to_hex(m.body));
        ++compared;
        break;
      }
    }
  }
  // Every request the capture shows answered gets the capture's response; the capture's
  // broadcast Endpoint Discovery (no response there) is answered by the emulated endpoint itself,
  // which has not been discovered.
  EXPECT_EQ(mined.size(), 15u);
  EXPECT_EQ(compared, mined.size());
  EXPECT_EQ(answered, mined.size() + 1);
}

TEST(EndpointReplay, UnreadableCapture) {
  EXPECT_THROW(mine_capture("/nonexistent/capture.pcap"), ConfigError);
}
