// Property tests with a fixed-seed PRNG: random messages fragmented at random transmission units
// and interleaved as DSP0236 allows (each message's packets in order, messages on different tags
// mixed) reassemble to the original bytes; injected faults give exactly the expected events.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/reassembly.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::mctp {
namespace {

const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
    register_transport(reg);
    register_control(reg);
    reg.add_link({"mctp", "bare MCTP", &kTransport});
    return reg;
  }();
  return r;
}

enum class Fault { None, DropMiddle, DropFirst, DropLast, Duplicate, SwapMiddle };

struct Message {
  AssemblyKey key;
  Bytes body;
  std::vector<Bytes> packets;  // as fragmented
  Fault fault = Fault::None;
  // What goes on the wire, in this message's order: index into `packets`.
  std::vector<std::size_t> sent;
  std::vector<std::size_t> stream_numbers;  // where each sent packet landed in the stream
};

struct Generator {
  std::mt19937_64 rng;
  explicit Generator(std::uint64_t seed) : rng(seed) {}

  std::size_t uniform(std::size_t lo, std::size_t hi) { return std::uniform_int_distribution<std::size_t>(lo, hi)(rng); }

  Message message(const AssemblyKey& key) {
    Message m;
    m.key = key;
    // Mostly short bodies (many single-packet ones), some up to 4 KiB.
    std::size_t rest = uniform(0, 1) ? uniform(0, 200) : uniform(0, 4095);
    Bytes data(rest);
    for (auto& b : data) b = static_cast<std::uint8_t>(uniform(0, 255));
    const std::uint8_t type = static_cast<std::uint8_t>(uniform(1, 0x7F));
    Frame f = Layer(kTransport, {{"dst", key.dst},
                                 {"src", key.src},
                                 {"to", key.to},
                                 {"tag", key.tag},
                                 {"pkt_seq", static_cast<unsigned>(uniform(0, 3))},
                                 {"msg_type", type},
                                 {"ic", 0}}) /
              Layer(kRawLayer, {{"data", data}});
    m.body.push_back(type);
    m.body.insert(m.body.end(), data.begin(), data.end());
    m.packets = fragment_bytes(f, uniform(4, 256), registry());
    return m;
  }

  std::vector<AssemblyKey> distinct_keys(std::size_t n) {
    std::vector<AssemblyKey> keys;
    while (keys.size() < n) {
      AssemblyKey k{static_cast<std::uint8_t>(uniform(0x08, 0x0B)), static_cast<std::uint8_t>(uniform(0x20, 0x21)),
                    static_cast<std::uint8_t>(uniform(0, 1)), static_cast<std::uint8_t>(uniform(0, 7)), ""};
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    }
    return keys;
  }

  void choose_fault(Message& m, bool faults) {
    const std::size_t n = m.packets.size();
    for (std::size_t i = 0; i < n; ++i) m.sent.push_back(i);
    if (!faults || n < 4) return;
    m.fault = static_cast<Fault>(uniform(0, 5));
    switch (m.fault) {
      case Fault::None: break;
      case Fault::DropMiddle: m.sent.erase(m.sent.begin() + static_cast<std::ptrdiff_t>(uniform(1, n - 2))); break;
      case Fault::DropFirst: m.sent.erase(m.sent.begin()); break;
      case Fault::DropLast: m.sent.pop_back(); break;
      case Fault::Duplicate: {
        std::size_t j = uniform(0, n - 1);
        m.sent.insert(m.sent.begin() + static_cast<std::ptrdiff_t>(j) + 1, j);
        break;
      }
      case Fault::SwapMiddle: {
        std::size_t i = uniform(1, n - 3);
        std::swap(m.sent[i], m.sent[i + 1]);
        break;
      }
    }
  }

  // Merges the messages' packets: each message keeps its order, the choice of which goes next is random.
  std::vector<std::pair<std::size_t, std::size_t>> interleave(std::vector<Message>& batch) {
    std::vector<std::pair<std::size_t, std::size_t>> order;  // (message, position in its `sent`)
    std::vector<std::size_t> next(batch.size(), 0);
    std::size_t left = 0;
    for (const Message& m : batch) left += m.sent.size();
    while (left > 0) {
      std::size_t pick = uniform(0, batch.size() - 1);
      if (next[pick] == batch[pick].sent.size()) continue;
      order.emplace_back(pick, next[pick]++);
      --left;
    }
    return order;
  }
};

struct Outcome {
  std::map<std::size_t, std::vector<const Event*>> by_message;
};

void run_batches(std::uint64_t seed, int batches, bool faults) {
  Generator gen(seed);
  Reassembler r(registry());
  std::size_t number = 0, messages_checked = 0;
  std::map<Fault, std::size_t> faults_seen;
  for (int round = 0; round < batches; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const std::vector<AssemblyKey> keys = gen.distinct_keys(gen.uniform(1, 12));
    std::vector<Message> batch;
    for (const AssemblyKey& k : keys) {
      batch.push_back(gen.message(k));
      gen.choose_fault(batch.back(), faults);
      faults_seen[batch.back().fault]++;
    }
    std::vector<Event> events;
    for (auto [mi, pos] : gen.interleave(batch)) {
      Message& m = batch[mi];
      m.stream_numbers.push_back(number);
      Frame f = decode(m.packets[m.sent[pos]], "mctp", registry());
      for (Event& e : r.push(f, std::nullopt, number)) events.push_back(std::move(e));
      ++number;
    }
    for (Event& e : r.flush()) events.push_back(std::move(e));

    std::map<std::size_t, std::vector<const Event*>> by_message;
    for (const Event& e : events) {
      auto it = std::find(keys.begin(), keys.end(), e.key);
      ASSERT_NE(it, keys.end()) << "event for an unknown terminus: " << e.text;
      by_message[static_cast<std::size_t>(it - keys.begin())].push_back(&e);
    }
    for (std::size_t mi = 0; mi < batch.size(); ++mi) {
      const Message& m = batch[mi];
      SCOPED_TRACE(describe(m.key) + ", " + std::to_string(m.packets.size()) + " packets, fault " +
                   std::to_string(static_cast<int>(m.fault)));
      std::vector<EventKind> got;
      for (const Event* e : by_message[mi]) got.push_back(e->kind);
      using K = EventKind;
      switch (m.fault) {
        case Fault::None:
        case Fault::Duplicate: {
          std::vector<EventKind> want = {K::Message};
          if (m.fault == Fault::Duplicate) {
            // A duplicated last packet comes after the message is complete.
            bool last = m.sent[m.sent.size() - 2] == m.packets.size() - 1;
            want = last ? std::vector<EventKind>{K::Message, K::DuplicatePacket}
                        : std::vector<EventKind>{K::DuplicatePacket, K::Message};
          }
          ASSERT_EQ(got, want);
          const Event& msg = *by_message[mi][m.fault == Fault::Duplicate && want[0] != K::Message ? 1 : 0];
          EXPECT_EQ(Bytes(msg.body().begin(), msg.body().end()), m.body);
          std::vector<std::size_t> numbers;
          for (std::size_t k = 0; k < m.sent.size(); ++k) {
            if (k > 0 && m.sent[k] == m.sent[k - 1]) continue;  // the copy is not part of the message
            numbers.push_back(m.stream_numbers[k]);
          }
          EXPECT_EQ(msg.packets, numbers);
          ++messages_checked;
          break;
        }
        case Fault::DropMiddle: EXPECT_EQ(got, std::vector<EventKind>{K::MissingPacket}); break;
        case Fault::DropFirst: EXPECT_EQ(got, std::vector<EventKind>{K::OrphanPacket}); break;
        case Fault::DropLast: EXPECT_EQ(got, std::vector<EventKind>{K::Incomplete}); break;
        case Fault::SwapMiddle: EXPECT_EQ(got, (std::vector<EventKind>{K::MissingPacket, K::OutOfOrder})); break;
      }
    }
    ASSERT_EQ(r.open_assemblies(), 0u);
  }
  EXPECT_GT(messages_checked, static_cast<std::size_t>(batches));
  if (faults) {
    for (int f = 0; f <= 5; ++f) EXPECT_GT(faults_seen[static_cast<Fault>(f)], 10u) << "fault " << f;
  }
}

TEST(ReassemblyProperty, InterleavedMessagesReassembleToTheOriginalBytes) { run_batches(0x5EED, 200, false); }

TEST(ReassemblyProperty, InjectedFaultsGiveTheExactDiagnostics) { run_batches(0xFA017, 200, true); }

TEST(ReassemblyProperty, DuplicatedSinglePacketMessageIsTwoMessages) {
  // SOM+EOM carries no state to tell a copy from a retry (a retried request is sent again whole),
  // so each copy is a message of its own.
  Reassembler r(registry());
  Frame f = decode(parse_hex("01 09 08 C9 00 81 02").value(), "mctp", registry());
  EXPECT_EQ(r.push(f).size(), 1u);
  auto events = r.push(f);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, EventKind::TagReuse);
  EXPECT_EQ(events[1].kind, EventKind::Message);
}

}  // namespace
}  // namespace mctpkit::mctp
