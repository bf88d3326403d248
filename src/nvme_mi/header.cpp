// The NVMe-MI message header (reference 8.1) and its message integrity check (8.2).
//
// The MCTP transport layer already holds byte 0 (IC bit and message type), so this layer starts
// at byte 1. The MIC is a CRC-32C over the whole message from that type byte on, so the
// checksum function puts the transport layer's byte back in front of what this layer covers.

#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/nvme_mi/nvme_mi.hpp"

namespace mctpkit::nvme_mi {

namespace {

constexpr EnumEntry kRorNames[] = {{0, "request"}, {1, "response"}};
constexpr EnumEntry kNmimtNames[] = {
    {kControlPrimitive, "control_primitive"}, {kMiCommand, "mi_command"}, {kAdminCommand, "admin_command"},
    {kPcieCommand, "pcie_command"},           {kAsyncEvent, "async_event"},
};

// The MCTP transport layer carrying this message, searched outwards (a binding may sit below).
const Layer* transport_of(const Frame& frame, std::size_t index) {
  for (std::size_t i = std::min(index, frame.layers.size()); i-- > 0;) {
    if (frame.layers[i].is(mctp::kTransport)) return &frame.layers[i];
  }
  return nullptr;
}

const FieldHandle kEom{"eom"}, kIc{"ic"}, kMsgType{"msg_type"};

std::uint64_t mic_of(const DeriveContext& ctx) {
  std::uint8_t type_byte = 0x80 | mctp::kNvmeMi;  // what libnvme and QEMU send
  if (const Layer* t = transport_of(ctx.frame, ctx.layer_index)) {
    // A first packet that does not end the message holds only part of what the MIC covers (the
    // MIC itself comes in the last packet): nothing can be checked here, so the decoded value
    // stands. Built, the MIC is computed over what the frame holds.
    if (t->num(kEom) == 0) {
      if (auto decoded = ctx.fields.get("mic")) return *decoded;
    }
    type_byte = static_cast<std::uint8_t>((t->num(kIc) & 1) << 7 | (t->num(kMsgType) & 0x7F));
  }
  return message_mic(type_byte, ctx.covered);
}

// The payload is everything but the 4-byte MIC. When fewer than 4 bytes follow the header they are
// all given to the payload, so that the MIC is the field the data ends in (with the default rule
// the payload would be empty and the short MIC would go unreported).
constexpr std::size_t kMicSize = 4;
std::size_t body_length(const Fields&, std::size_t available) {
  return available >= kMicSize ? available - kMicSize : available;
}

// Byte 1: ROR, NMIMT, reserved, CSI. Byte 2: reserved, CIAP, MEB. Byte 3: reserved.
// CIAP (command initiated auto pause, NVMe-MI 2.x) is named by one implementation only [1src];
// the reference lists byte 2 bits 7:1 as reserved, so the bit is shown rather than reported.
constexpr FieldDef kFields[] = {
    flag("ror").names(kRorNames).titled("Request or response"),
    bits("nmimt", 4).names(kNmimtNames).also("type").titled("NVMe-MI message type"),
    bits("reserved", 2).reserved(),
    flag("csi").titled("Command slot identifier"),
    bits("reserved2", 6).reserved(),
    flag("ciap").titled("Command initiated auto pause"),
    flag("meb").titled("Management endpoint buffer"),
    u8("reserved3").reserved(),
    payload().length_by(body_length),
    u32le("mic").checksum(mic_of).titled("Message integrity check (CRC-32C)"),
};

}  // namespace

std::uint32_t message_mic(std::uint8_t type_byte, ByteView rest) {
  return crc::crc32c(rest, crc::crc32c(ByteView(&type_byte, 1)));
}

const LayerDef kHeader{
    .id = "nvme_mi",
    .title = "NVMe-MI message",
    .abbrev = "nvme_mi",
    .fields = kFields,
    .summary = "NVMeMI",
    .next = {.table = kMessageTable, .key = {"nmimt", "ror"}},
    .bind = {mctp::kMessageTypeTable, Key{mctp::kNvmeMi}},
};

}  // namespace mctpkit::nvme_mi
