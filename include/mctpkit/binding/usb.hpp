#pragma once
// MCTP over USB (DSP0283 1.0): `1A B4` (DMTF ID), a reserved byte, a length byte (4 + packet
// length, header included), then the MCTP packet. No checksum: USB has its own. One bulk
// transfer may hold several such packets back to back; split_usb_transfer() cuts them apart.

#include <vector>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::binding {

inline constexpr std::size_t kUsbHeaderSize = 4;

extern const LayerDef kUsb;

void register_usb(Registry& registry);

/// The packets of one USB transfer, each with its 4-byte header (decode each with link "usb").
struct UsbTransfer {
  enum class Stop : std::uint8_t {
    End,        // every byte belongs to a packet
    BadId,      // the bytes at `rest` do not start with 1A B4
    BadLength,  // a length below 4
    Truncated,  // a length beyond the end of the transfer, or fewer than 4 bytes left
  };
  std::vector<ByteView> packets;  // views into the transfer
  ByteView rest;                  // bytes after the last whole packet
  Stop stop = Stop::End;
};

/// Splits `transfer` at each header's length, as Linux does; stops at the first bytes that are
/// not a whole MCTP-over-USB packet (they are left in `rest`).
UsbTransfer split_usb_transfer(ByteView transfer);

}  // namespace mctpkit::binding
