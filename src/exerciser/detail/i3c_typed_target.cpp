#include "exerciser/detail/i3c_typed_target.hpp"

#include <cstdio>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::detail {

namespace {

constexpr std::uint8_t kCccRstdaa = 0x06, kCccEntdaa = 0x07, kCccSetnewda = 0x88, kCccSetmwl = 0x89,
                       kCccSetmrl = 0x8A;

TypedMessage set_reg(std::uint8_t field, Bytes value) {
  Bytes payload{field};
  payload.insert(payload.end(), value.begin(), value.end());
  return {I3cTypedTarget::kSetReg, std::move(payload)};
}

Bytes be16(std::uint16_t v) { return {static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)}; }

}  // namespace

std::vector<TypedMessage> I3cTypedTarget::join() const {
  Bytes pid;
  for (int shift = 40; shift >= 0; shift -= 8) pid.push_back(static_cast<std::uint8_t>(registers_.pid >> shift));
  std::vector<TypedMessage> messages{set_reg(kRegPid, pid), set_reg(kRegBcr, {registers_.bcr}),
                                     set_reg(kRegDcr, {registers_.dcr}), set_reg(kRegMwl, be16(registers_.mwl)),
                                     set_reg(kRegMrl, be16(registers_.mrl))};
  if (registers_.static_address) messages.push_back(set_reg(kRegStaticAddress, {*registers_.static_address}));
  messages.push_back({kHotJoin, {}});
  return messages;
}

std::vector<TypedMessage> I3cTypedTarget::send(ByteView data) const {
  std::vector<TypedMessage> messages{{kData, Bytes(data.begin(), data.end())}};
  if (ibi_mdb_) messages.push_back({kIbiReq, {*ibi_mdb_}});
  return messages;
}

std::optional<Bytes> I3cTypedTarget::receive(const TypedMessage& message) {
  const Bytes& p = message.payload;
  switch (message.type) {
    case kData: {
      if (p.empty()) return std::nullopt;
      const std::uint8_t address = dynamic_address_.value_or(registers_.static_address.value_or(0));
      Bytes frame{static_cast<std::uint8_t>(address << 1)};
      frame.insert(frame.end(), p.begin(), p.end());
      return frame;
    }
    case kCccNotify:
      if (p.empty()) break;
      if ((p[0] == kCccEntdaa || p[0] == kCccSetnewda) && p.size() >= 2) dynamic_address_ = p[1] & 0x7F;
      if (p[0] == kCccRstdaa) dynamic_address_.reset();
      if (p[0] == kCccSetmwl && p.size() >= 3) registers_.mwl = static_cast<std::uint16_t>(p[1] << 8 | p[2]);
      if (p[0] == kCccSetmrl && p.size() >= 3) registers_.mrl = static_cast<std::uint16_t>(p[1] << 8 | p[2]);
      break;
    case kEvent:
      if (!p.empty()) last_event_ = p[0];
      break;
    default:
      break;  // HELLO is checked by the stream transport; the rest are the target's own messages
  }
  return std::nullopt;
}

Bytes hello_payload() {
  return {static_cast<std::uint8_t>(kHelloVersion >> 24), static_cast<std::uint8_t>(kHelloVersion >> 16),
          static_cast<std::uint8_t>(kHelloVersion >> 8), static_cast<std::uint8_t>(kHelloVersion)};
}

void check_hello(ByteView payload, const std::string& what) {
  if (payload.size() != 4 || payload[0] != 0x00 || payload[1] != 0x01) {
    char text[64] = "a payload that is not 4 bytes";
    if (payload.size() == 4) {
      std::snprintf(text, sizeof text, "version 0x%02X%02X%02X%02X", payload[0], payload[1], payload[2], payload[3]);
    }
    throw TransportError(what + ": the peer's HELLO has " + text + " (expected version 0x00010000)");
  }
}

}  // namespace mctpkit::exerciser::detail
