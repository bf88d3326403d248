#include "mctpkit/core/crc.hpp"

#include <array>

namespace mctpkit::crc {
namespace {

constexpr std::array<std::uint8_t, 256> make_crc8_table(std::uint8_t poly) {
  std::array<std::uint8_t, 256> table{};
  for (unsigned i = 0; i < 256; ++i) {
    std::uint8_t r = static_cast<std::uint8_t>(i);
    for (int b = 0; b < 8; ++b) r = static_cast<std::uint8_t>((r & 0x80) ? (r << 1) ^ poly : r << 1);
    table[i] = r;
  }
  return table;
}

// Table for a reflected CRC of `Width` bits with reflected polynomial `poly`.
template <typename T>
constexpr std::array<T, 256> make_reflected_table(T poly) {
  std::array<T, 256> table{};
  for (unsigned i = 0; i < 256; ++i) {
    T r = static_cast<T>(i);
    for (int b = 0; b < 8; ++b) r = static_cast<T>((r & 1) ? (r >> 1) ^ poly : r >> 1);
    table[i] = r;
  }
  return table;
}

// Eight tables for a reflected 32-bit CRC: table k gives what a byte does to the register when
// k more zero bytes follow it, so that eight bytes are folded in with eight independent lookups
// rather than eight dependent ones (slicing by 8). Table 0 is the usual byte table.
using SlicedTables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr SlicedTables make_sliced_tables(std::uint32_t poly) {
  SlicedTables t{};
  t[0] = make_reflected_table<std::uint32_t>(poly);
  for (unsigned i = 0; i < 256; ++i) {
    for (unsigned k = 1; k < t.size(); ++k) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
  }
  return t;
}

constexpr auto kCrc8Smbus = make_crc8_table(0x07);
constexpr auto kCrc16Fcs = make_reflected_table<std::uint16_t>(0x8408);
constexpr auto kCrc32c = make_sliced_tables(0x82F63B78u);
constexpr auto kCrc32 = make_sliced_tables(0xEDB88320u);

template <typename T>
T run_reflected(const std::array<T, 256>& table, ByteView data, T reg) {
  for (std::uint8_t byte : data) reg = static_cast<T>((reg >> 8) ^ table[(reg ^ byte) & 0xFF]);
  return reg;
}

// Little-endian 32 bits at `p`, assembled byte by byte (no alignment needed).
std::uint32_t le32(const std::uint8_t* p) {
  return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
}

std::uint32_t run_sliced(const SlicedTables& t, ByteView data, std::uint32_t reg) {
  const std::uint8_t* p = data.data();
  std::size_t n = data.size();
  for (; n >= 8; p += 8, n -= 8) {
    const std::uint32_t lo = reg ^ le32(p), hi = le32(p + 4);
    reg = t[7][lo & 0xFF] ^ t[6][lo >> 8 & 0xFF] ^ t[5][lo >> 16 & 0xFF] ^ t[4][lo >> 24] ^ t[3][hi & 0xFF] ^
          t[2][hi >> 8 & 0xFF] ^ t[1][hi >> 16 & 0xFF] ^ t[0][hi >> 24];
  }
  return run_reflected(t[0], ByteView(p, n), reg);
}

}  // namespace

std::uint8_t crc8_smbus(ByteView data, std::uint8_t running) {
  for (std::uint8_t byte : data) running = kCrc8Smbus[running ^ byte];
  return running;
}

std::uint16_t crc16_fcs(ByteView data, std::uint16_t running) {
  return run_reflected(kCrc16Fcs, data, running);
}

std::uint32_t crc32c(ByteView data, std::uint32_t running) {
  return ~run_sliced(kCrc32c, data, ~running);
}

std::uint32_t crc32(ByteView data, std::uint32_t running) {
  return ~run_sliced(kCrc32, data, ~running);
}

}  // namespace mctpkit::crc
