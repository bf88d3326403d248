#include "mctpkit/binding/pcie_vdm.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "mctpkit/binding/payload.hpp"
#include "mctpkit/core/derive.hpp"

namespace mctpkit::binding {

namespace {

constexpr std::size_t kMaxDataBytes = 1024 * 4;  // Length 0 means 1024 DW

// Only route to RC, route by ID and broadcast from RC are allowed (DSP0238); others show as
// numbers.
constexpr EnumEntry kRoutings[] = {{0b000, "to_rc"}, {0b010, "by_id"}, {0b011, "broadcast"}};

// The MCTP transport header is the last DW of the TLP header; Length and Pad Len count only
// what follows it.
constexpr std::size_t kMctpHeaderSize = 4;

std::size_t body_size(const DeriveContext& ctx) {
  if (ctx.payload.size() <= kMctpHeaderSize) {
    throw std::invalid_argument("pcie_vdm: a VDM with data needs at least one byte after the MCTP transport header");
  }
  return ctx.payload.size() - kMctpHeaderSize;
}

std::uint64_t derive_length(const DeriveContext& ctx) {
  std::size_t bytes = body_size(ctx);
  if (auto pad = ctx.fields.get("pad_len")) bytes += *pad;
  if (bytes > kMaxDataBytes) {
    throw std::invalid_argument(
        fmt::format("pcie_vdm: {} bytes of data do not fit one TLP (at most {})", bytes, kMaxDataBytes));
  }
  const std::size_t dws = (bytes + 3) / 4;
  return dws == 1024 ? 0 : dws;
}

std::uint64_t derive_pad(const DeriveContext& ctx) { return (4 - body_size(ctx) % 4) % 4; }

std::size_t packet_length(const Fields& f, std::size_t /*available*/) {
  const std::size_t dws = f.num("length") == 0 ? 1024 : f.num("length");
  return kMctpHeaderSize + dws * 4 - f.num("pad_len");  // pad_len <= 3 < 4 <= dws * 4
}

bool pad_at_least_1(const Fields& f) { return f.num("pad_len") >= 1; }
bool pad_at_least_2(const Fields& f) { return f.num("pad_len") >= 2; }
bool pad_at_least_3(const Fields& f) { return f.num("pad_len") >= 3; }
bool has_digest(const Fields& f) { return f.num("td") == 1; }

constexpr FieldDef kFields[] = {
    // DW 0
    bits("fmt", 3).expect(0b011).titled("Fmt (4 DW header, with data)"),
    bits("type", 2).expect(0b10).titled("Type[4:3] (message)"),
    bits("routing", 3).names(kRoutings).titled("Routing (Type[2:0])"),
    bits("t9", 1).reserved().titled("T9"),
    bits("tc", 3).titled("Traffic class"),
    bits("t8", 1).reserved().titled("T8"),
    bits("attr2", 1).reserved().titled("Attr[2]"),
    bits("ln", 1).reserved().titled("LN"),
    bits("th", 1).reserved().titled("TH"),
    flag("td").titled("TD (TLP digest present)"),
    flag("ep").titled("EP (poisoned)"),
    bits("attr", 2).titled("Attr[1:0]"),
    bits("at", 2).reserved().titled("AT"),
    bits("length", 10).derived(derive_length).titled("Length (DW of data, 0 = 1024)"),
    // DW 1
    u16("requester_id").hex().titled("Requester ID (bus, device, function)"),
    bits("reserved", 2).reserved(),
    bits("pad_len", 2).derived(derive_pad).titled("Pad length"),
    bits("vdm_code", 4).expect(0).titled("MCTP VDM code"),
    u8("message_code").hex().expect(0x7F).titled("Message code (Vendor Defined Type 1)"),
    // DW 2
    u16("target_id").hex().titled("Target ID (route by ID)"),
    u16("vendor_id").hex().expect(kDmtfVendorId).titled("Vendor ID (DMTF)"),
    // DW 3 on: the MCTP packet
    payload().length_by(packet_length),
    u8("pad1").when(pad_at_least_1).reserved().titled("Pad byte"),
    u8("pad2").when(pad_at_least_2).reserved().titled("Pad byte"),
    u8("pad3").when(pad_at_least_3).reserved().titled("Pad byte"),
    u32("digest").hex().when(has_digest).titled("TLP digest (ECRC, not checked)"),
};

}  // namespace

const LayerDef kPcieVdm{
    .id = "pcie_vdm",
    .title = "PCIe VDM binding (DSP0238)",
    .abbrev = "pcie_vdm",
    .fields = kFields,
    .summary = "PCIE-VDM (routing: {routing}, requester_id: {requester_id}, target_id: {target_id}, "
               "length: {length}, pad_len: {pad_len})",
    .next = {.table = kPayloadTable},
};

void register_pcie_vdm(Registry& registry) {
  registry.declare(kPcieVdm);
  registry.add_link({"pcie-vdm", "PCIe VDM TLP (4 DW header, vendor 0x1AB4), MCTP packet, pad", &kPcieVdm});
}

}  // namespace mctpkit::binding
