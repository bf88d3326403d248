// The stream parsers of the QEMU exercisers: the length-framed typed messages of the I2C and I3C
// streams, fed in chunks of sizes the fuzzer chooses, and the SMBus frame carried by an I2C WRITE.
// Every message comes out within the framer's limit, a malformed stream is a TransportError
// (never a crash or an endless loop), and a WRITE body gives a frame at most one byte longer.
// Input: one byte seeding the chunk sizes, one byte for the target's own address, then the stream.

#include "exerciser/detail/i2c_stream_codec.hpp"
#include "exerciser/detail/typed_message.hpp"
#include "fuzz_input.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mctpkit;
  fuzz::FuzzInput in(data, size);
  unsigned seed = in.byte();
  const std::uint8_t own = in.byte() & 0x7F;
  constexpr std::size_t kMax = 512;
  exerciser::detail::LengthFramer framer(kMax, "fuzz stream");
  std::size_t messages = 0;
  while (!in.empty()) {
    seed = seed * 1103515245u + 12345u;
    framer.feed(in.take(1 + (seed >> 16) % 64));
    try {
      while (auto m = framer.next()) {
        MCTPKIT_FUZZ_CHECK(m->payload.size() <= kMax);
        MCTPKIT_FUZZ_CHECK(++messages <= size);  // every message costs input bytes
        if (auto frame = exerciser::detail::smbus_frame_from_write(m->payload, own)) {
          MCTPKIT_FUZZ_CHECK(frame->size() <= m->payload.size() + 1);
        }
      }
    } catch (const exerciser::TransportError&) {
      framer.reset();  // as the stream does: the connection starts over
    }
  }
  return 0;
}
