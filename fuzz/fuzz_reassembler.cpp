// The reassembler fed a sequence of packets with small limits: its memory stays within them and
// every message it hands out is within the size limit.
// Input: repeated [length byte, time step byte, packet bytes], decoded as bare MCTP packets.

#include "fuzz_input.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/reassembly.hpp"

namespace {

using namespace mctpkit;

void check(const std::vector<mctp::Event>& events, const mctp::Limits& limits) {
  for (const mctp::Event& e : events) {
    if (e.kind == mctp::EventKind::Message) {
      MCTPKIT_FUZZ_CHECK(e.body().size() <= limits.max_message_size);
      MCTPKIT_FUZZ_CHECK(!e.packets.empty());
    }
    MCTPKIT_FUZZ_CHECK(!e.text.empty() || e.kind == mctp::EventKind::Message);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mctp::Limits limits;
  limits.max_message_size = 200;
  limits.max_open_assemblies = 3;
  limits.max_history = 4;
  limits.timeout_ns = 1000;
  mctp::Reassembler reassembler(default_registry(), limits);
  fuzz::FuzzInput in(data, size);
  std::int64_t now = 0;
  for (std::size_t number = 1; !in.empty(); ++number) {
    std::size_t length = in.byte();
    now += in.byte() * 10;
    Frame packet = decode(in.take(length), "mctp");
    check(reassembler.push(packet, now, number), limits);
    MCTPKIT_FUZZ_CHECK(reassembler.open_assemblies() <= limits.max_open_assemblies);
    MCTPKIT_FUZZ_CHECK(reassembler.buffered_bytes() <= limits.max_open_assemblies * limits.max_message_size);
  }
  check(reassembler.expire(now + 500), limits);
  check(reassembler.flush(), limits);
  MCTPKIT_FUZZ_CHECK(reassembler.open_assemblies() == 0);
  MCTPKIT_FUZZ_CHECK(reassembler.buffered_bytes() == 0);
  return 0;
}
