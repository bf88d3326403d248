#include "mctpkit/binding/serial.hpp"

#include "mctpkit/binding/payload.hpp"
#include "mctpkit/core/derive.hpp"

namespace mctpkit::binding {

namespace {

// Covers revision, byte count and packet: the layer's bytes less the opening flag.
std::uint64_t fcs_of(const DeriveContext& ctx) {
  if (ctx.covered.size() < 3) return 0;
  return serial_fcs(ctx.covered[1], ctx.covered[2], ctx.covered.subspan(3));
}

constexpr FieldDef kFields[] = {
    u8("flag").hex().expect(kSerialFlag).titled("Opening flag"),
    u8("revision").hex().expect(kSerialRevision).titled("Serial protocol revision"),
    u8("byte_count").length_after().titled("Byte count (MCTP packet, before escaping)"),
    payload().length_from("byte_count"),
    u16("fcs").checksum(fcs_of).titled("Frame check sequence"),
    u8("end_flag").hex().expect(kSerialFlag).titled("Closing flag"),
};

// Frames are built with the FCS raw; serial_frame() and serial_wrap() take the escaped form on request.
Bytes wrap(ByteView plain) { return serial_wrap(plain); }

}  // namespace

const LayerDef kSerial{
    .id = "serial",
    .title = "Serial binding (DSP0253)",
    .abbrev = "serial",
    .fields = kFields,
    .summary = "SERIAL (revision: {revision:d}, byte_count: {byte_count}, fcs: {fcs})",
    .next = {.table = kPayloadTable},
    .unwrap = serial_unwrap,
    .wrap = wrap,
};

void register_serial(Registry& registry) {
  registry.declare(kSerial);
  registry.add_link({"serial", "DSP0253 serial frame: 7E, revision, count, packet, FCS, 7E (7E/7D escaped; FCS raw or escaped)", &kSerial});
}

}  // namespace mctpkit::binding
