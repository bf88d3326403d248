#pragma once
// What qemu-i2c-stream's messages mean (pymctp-compat.md §4): WRITE 0x00, READ_REQ 0x01 (u16
// big-endian length), READ_RSP 0x02, ALERT 0x03, HELLO 0x07 as in the I3C stream.

#include <cstdint>
#include <optional>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::exerciser::detail {

enum I2cStreamType : std::uint8_t {
  kI2cWrite = 0x00,
  kI2cReadReq = 0x01,
  kI2cReadRsp = 0x02,
  kI2cAlert = 0x03,
  kI2cHello = 0x07,
};

/// The `smbus` link frame (destination address byte first) a WRITE body carries.
/// The body's first byte tells its shape, since an address byte (7-bit address << 1) is even
/// and the MCTP SMBus command code 0x0F is odd:
///   `0F count source ...`          the bytes written to `own` (target mode): `own<<1` is prepended;
///   `A 0F count source ...`        already a whole frame: taken as it is;
///   `A D 0F count source ...`      the master-mode `[(address<<1)][SMBus frame]`: the frame is
///                                  taken after the leading address.
/// nullopt for an empty body.
std::optional<Bytes> smbus_frame_from_write(ByteView body, std::uint8_t own);

}  // namespace mctpkit::exerciser::detail
