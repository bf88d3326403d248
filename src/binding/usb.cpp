#include "mctpkit/binding/usb.hpp"

#include "mctpkit/binding/pcie_vdm.hpp"
#include "mctpkit/binding/payload.hpp"
#include "mctpkit/core/derive.hpp"

namespace mctpkit::binding {

namespace {

// The length counts the 4 header bytes too.
std::uint64_t derive_length(const DeriveContext& ctx) { return ctx.payload.size() + kUsbHeaderSize; }

constexpr FieldDef kFields[] = {
    u16("dmtf_id").hex().expect(kDmtfVendorId).titled("DMTF ID"),
    u8("reserved").reserved(),
    u8("length").derived(derive_length).titled("Length (header and packet)"),
    payload().length_from("length", -static_cast<std::int32_t>(kUsbHeaderSize)),
};

}  // namespace

const LayerDef kUsb{
    .id = "usb",
    .title = "USB binding (DSP0283)",
    .abbrev = "usb",
    .fields = kFields,
    .summary = "USB",
    .next = {.table = kPayloadTable},
};

void register_usb(Registry& registry) {
  registry.declare(kUsb);
  registry.add_link({"usb", "MCTP-over-USB packet: 1A B4 00 length, MCTP packet", &kUsb});
}

UsbTransfer split_usb_transfer(ByteView transfer) {
  UsbTransfer out;
  std::size_t pos = 0;
  while (pos < transfer.size()) {
    const ByteView rest = transfer.subspan(pos);
    out.rest = rest;
    if (rest.size() < kUsbHeaderSize) {
      out.stop = UsbTransfer::Stop::Truncated;
      return out;
    }
    if (rest[0] != kDmtfVendorId >> 8 || rest[1] != (kDmtfVendorId & 0xFF)) {
      out.stop = UsbTransfer::Stop::BadId;
      return out;
    }
    const std::size_t length = rest[3];
    if (length < kUsbHeaderSize) {
      out.stop = UsbTransfer::Stop::BadLength;
      return out;
    }
    if (length > rest.size()) {
      out.stop = UsbTransfer::Stop::Truncated;
      return out;
    }
    out.packets.push_back(rest.first(length));
    pos += length;
  }
  out.rest = transfer.subspan(transfer.size());
  out.stop = UsbTransfer::Stop::End;
  return out;
}

}  // namespace mctpkit::binding
