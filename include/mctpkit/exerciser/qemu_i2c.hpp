#pragma once
// The `qemu-i2c` exerciser: QEMU's I2C "netdev" over UDP (pymctp-compat.md section 4). One
// datagram carries one complete SMBus frame (destination address byte, 0x0F, byte count, source
// address byte, MCTP packet, PEC), both ways. The exerciser binds `host:in` and sends to
// `peer-host:out`; a responder does the opposite. Datagrams shorter than 7 bytes are dropped
// and counted.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser {

struct QemuI2cOptions {
  std::string host = "127.0.0.1";       // local address to bind
  std::uint16_t in = 0;                 // local port (0: any free port, see qemu_i2c_port)
  std::string peer_host = "127.0.0.1";  // where frames are sent
  std::uint16_t out = 0;                // peer port (0: reply to whoever sent last)
  std::uint8_t addr = 0x10;             // own 7-bit address
  std::optional<std::uint8_t> peer;     // peer 7-bit address
  std::size_t mtu = 64;
};

/// Parses `qemu-i2c:in=PORT,out=PORT[,host=ADDR][,peer-host=ADDR][,addr=0x10][,peer=0x1D][,mtu=64]`.
QemuI2cOptions qemu_i2c_options(const Spec& spec);

std::unique_ptr<Exerciser> open_qemu_i2c(const QemuI2cOptions& options);

/// The local UDP port of a qemu-i2c exerciser, and how many datagrams it dropped as too short.
std::optional<std::uint16_t> qemu_i2c_port(const Exerciser& exerciser);
std::optional<std::uint64_t> qemu_i2c_dropped(const Exerciser& exerciser);

void register_qemu_i2c_exerciser(ExerciserRegistry& registry);

}  // namespace mctpkit::exerciser
