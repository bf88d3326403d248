#include "mctpkit/binding/i3c.hpp"

#include <stdexcept>

#include "mctpkit/binding/payload.hpp"
#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/derive.hpp"

namespace mctpkit::binding {

namespace {

constexpr EnumEntry kDirections[] = {{0, "write"}, {1, "read"}};

// With the address byte in the data, everything before the PEC is covered.
std::uint64_t pec_with_addr(const DeriveContext& ctx) { return crc::crc8_smbus(ctx.covered); }

std::uint64_t pec_without_addr(const DeriveContext& ctx) {
  const std::size_t addr = ctx.fields.index_of("addr");
  const FieldValue& a = ctx.fields.value(addr);
  if (a.state == FieldValue::State::Absent) {
    // Decoded data does not hold the address: the PEC cannot be recomputed, so it is taken as
    // it is (reporting every frame as bad would be noise).
    return ctx.fields.num("pec");
  }
  if (!a.is_set()) throw std::invalid_argument("i3c_noaddr: set addr, the PEC covers the target address");
  const std::uint8_t address_byte = static_cast<std::uint8_t>(a.number << 1 | (ctx.fields.num("rnw") & 1));
  return crc::crc8_smbus(ctx.covered, crc::crc8_smbus(ByteView(&address_byte, 1)));
}

// The address fields of i3c_noaddr exist only when crafting: they are never on the wire.
constexpr bool never(const Fields&) { return false; }

constexpr FieldDef kWithAddr[] = {
    bits("addr", 7).hex().titled("Target dynamic address"),
    bits("rnw", 1).names(kDirections).titled("Direction (RnW)"),
    payload(),
    u8("pec").checksum(pec_with_addr).titled("PEC"),
};

constexpr FieldDef kWithoutAddr[] = {
    bits("addr", 7).hex().when(never).titled("Target dynamic address (not in the data)"),
    bits("rnw", 1).names(kDirections).when(never).titled("Direction (not in the data)"),
    payload(),
    u8("pec").checksum(pec_without_addr).titled("PEC (not checked: the address is not in the data)"),
};

}  // namespace

const LayerDef kI3c{
    .id = "i3c",
    .title = "I3C binding (DSP0233), address byte first",
    .abbrev = "i3c",
    .fields = kWithAddr,
    .summary = "I3C",
    .next = {.table = kPayloadTable},
};

const LayerDef kI3cNoAddr{
    .id = "i3c_noaddr",
    .title = "I3C binding (DSP0233), private transfer data",
    .abbrev = "i3c",
    .fields = kWithoutAddr,
    .summary = "I3C",
    .next = {.table = kPayloadTable},
};

void register_i3c(Registry& registry) {
  registry.declare(kI3c);
  registry.declare(kI3cNoAddr);
  registry.add_link({"i3c", "I3C transfer with its address byte first (dyn_addr<<1 | RnW), packet, PEC", &kI3c});
  registry.add_link({"i3c-noaddr", "I3C private transfer data: packet, PEC (PEC not checked)", &kI3cNoAddr});
}

}  // namespace mctpkit::binding
