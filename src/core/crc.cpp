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

constexpr auto kCrc8Smbus = make_crc8_table(0x07);
constexpr auto kCrc16Fcs = make_reflected_table<std::uint16_t>(0x8408);
constexpr auto kCrc32c = make_reflected_table<std::uint32_t>(0x82F63B78u);
constexpr auto kCrc32 = make_reflected_table<std::uint32_t>(0xEDB88320u);

template <typename T>
T run_reflected(const std::array<T, 256>& table, ByteView data, T reg) {
  for (std::uint8_t byte : data) reg = static_cast<T>((reg >> 8) ^ table[(reg ^ byte) & 0xFF]);
  return reg;
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
  return ~run_reflected(kCrc32c, data, ~running);
}

std::uint32_t crc32(ByteView data, std::uint32_t running) {
  return ~run_reflected(kCrc32, data, ~running);
}

}  // namespace mctpkit::crc
