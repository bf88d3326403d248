#include "mctpkit/binding/kcs.hpp"

#include "mctpkit/binding/payload.hpp"
#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/derive.hpp"

namespace mctpkit::binding {

namespace {

std::uint64_t pec_of_packet(const DeriveContext& ctx) { return crc::crc8_smbus(ctx.payload); }

constexpr FieldDef kFields[] = {
    u8("netfn_lun").hex().expect(0xB0).titled("NetFn/LUN (group extension 0x2C, LUN 0)"),
    u8("defining_body").hex().expect(0x01).titled("Defining body (DMTF)"),
    u8("byte_count").length_after().titled("Byte count (MCTP packet)"),
    payload().length_from("byte_count"),
    u8("pec").checksum(pec_of_packet).titled("PEC (over the packet)"),
};

}  // namespace

const LayerDef kKcs{
    .id = "kcs",
    .title = "KCS binding (DSP0254)",
    .abbrev = "kcs",
    .fields = kFields,
    .summary = "KCS",
    .next = {.table = kPayloadTable},
};

void register_kcs(Registry& registry) {
  registry.declare(kKcs);
  registry.add_link({"kcs", "MCTP over KCS: B0 01 count, MCTP packet, PEC over the packet", &kKcs});
}

}  // namespace mctpkit::binding
