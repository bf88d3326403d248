#include "mctpkit/binding/smbus.hpp"

#include "mctpkit/binding/payload.hpp"

#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/text_append.hpp"

namespace mctpkit::binding {

namespace {

constexpr std::uint8_t kMctpCommandCode = 0x0F;

std::uint64_t pec_full(const DeriveContext& ctx) { return crc::crc8_smbus(ctx.covered); }

// Without the destination byte in the frame, the PEC still starts with it: the enclosing
// layer (IPMI Master Write-Read) names the address in its `phys_addr` field.
std::uint64_t pec_without_dst(const DeriveContext& ctx) {
  std::uint8_t running = 0;
  if (ctx.layer_index > 0) {
    const Layer& outer = ctx.frame.layers[ctx.layer_index - 1];
    if (outer.index_of("phys_addr") != Fields::npos) {
      std::uint8_t dst = static_cast<std::uint8_t>(outer.num("phys_addr"));
      running = crc::crc8_smbus(ByteView(&dst, 1));
    }
  }
  return crc::crc8_smbus(ctx.covered, running);
}

#define MCTPKIT_SMBUS_TAIL(pec_fn)                                                        \
  u8("command").hex().expect(kMctpCommandCode).titled("Command code"),                    \
      u8("byte_count").length_after().titled("Byte count"),                               \
      bits("src", 7).hex().titled("Source address (7-bit)").or_named("addr"),             \
      bits("src_rw", 1).expect(1).titled("Source address bit 0 (1 for MCTP)"),            \
      payload().length_from("byte_count", -1), u8("pec").checksum(pec_fn).required_by_spec().titled("PEC")

constexpr FieldDef kFullFields[] = {
    bits("dst", 7).hex().titled("Destination address (7-bit)").or_named("addr"),
    bits("dst_rw", 1).titled("Destination R/W bit"),
    MCTPKIT_SMBUS_TAIL(pec_full),
};

constexpr FieldDef kNoDstFields[] = {
    MCTPKIT_SMBUS_TAIL(pec_without_dst),
};

#undef MCTPKIT_SMBUS_TAIL

const FieldHandle kDst{"dst"}, kDstRw{"dst_rw"}, kSrc{"src"}, kSrcRw{"src_rw"}, kByteCount{"byte_count"}, kPec{"pec"};

// "SMBUS (dst=0x20, src=0x3B, byte_count=12, pec=0xBA)": addresses as 8-bit bytes, R/W bit included.
void summarize(const Layer& l, std::string& out) {
  TextBuffer text(out);
  text.put("SMBUS (");
  if (l.index_of(kDst) != Fields::npos) {
    text.put("dst=0x");
    text.hex(l.num(kDst) << 1 | l.num(kDstRw), 2);
    text.put(", ");
  }
  text.put("src=0x");
  text.hex(l.num(kSrc) << 1 | l.num(kSrcRw), 2);
  text.put(", byte_count=");
  text.decimal(l.num(kByteCount));
  if (auto pec = l.get(kPec)) {
    text.put(", pec=0x");
    text.hex(*pec, 2);
  }
  text.put(')');
}

}  // namespace

const LayerDef kSmbus{
    .id = "smbus",
    .title = "SMBus/I2C binding (DSP0237)",
    .abbrev = "smbus",
    .fields = kFullFields,
    .summary_fn = summarize,
    .next = {.table = kPayloadTable},
};

const LayerDef kSmbusNoDst{
    .id = "smbus_nodst",
    .title = "SMBus/I2C binding without destination byte",
    .abbrev = "smbus",
    .fields = kNoDstFields,
    .summary_fn = summarize,
    .next = {.table = kPayloadTable},
};

void register_smbus(Registry& registry) {
  registry.declare(kSmbus);
  registry.declare(kSmbusNoDst);
  registry.add_link({"smbus", "SMBus/I2C frame: destination address byte, 0x0F, count, source, packet, PEC", &kSmbus});
  registry.add_link({"smbus-nodst", "SMBus/I2C frame without the destination byte (as in IPMI Master Write-Read)",
                     &kSmbusNoDst});
}

}  // namespace mctpkit::binding
