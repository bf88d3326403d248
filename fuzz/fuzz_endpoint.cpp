// Endpoint request handling: any frame handed to an emulated endpoint (a simple endpoint with a
// PLDM terminus, on the SMBus or bare MCTP link) gets no reply or replies that fit the endpoint's
// transmission unit; the responder keeps its state across inputs, as a long-running endpoint does.
// Input: one byte choosing the link, then frames, each a length byte and its bytes.

#include <memory>

#include "fuzz_input.hpp"
#include "mctpkit/endpoint/config.hpp"
#include "mctpkit/endpoint/responder.hpp"

namespace {

using namespace mctpkit;

constexpr std::size_t kMtu = 32;

endpoint::Responder& responder(bool smbus) {
  static const char* kConfig =
      R"({"physical_address": "0x10", "static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00",
          "mtu": 32, "message_types": ["control", "pldm"], "pldm": {"tid": 5}})";
  static std::unique_ptr<endpoint::Responder> on_smbus, on_mctp;
  auto& r = smbus ? on_smbus : on_mctp;
  if (!r) r = std::make_unique<endpoint::Responder>(endpoint::parse_config(kConfig), smbus ? "smbus" : "mctp");
  return *r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput in(data, size);
  const bool smbus = (in.byte() & 1) != 0;
  endpoint::Responder& r = responder(smbus);
  while (!in.empty()) {
    ByteView frame = in.take(in.byte());
    for (const endpoint::Outgoing& o : r.handle(frame)) {
      // An SMBus frame adds its four header bytes and the PEC to the packet's MCTP header and body.
      for (const Bytes& f : o.frames) MCTPKIT_FUZZ_CHECK(f.size() <= kMtu + 4 + 4 + 1);
    }
  }
  return 0;
}
