#include "mctpkit/core/crc.hpp"

#include <gtest/gtest.h>

#include <string_view>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit {
namespace {

Bytes ascii(std::string_view s) { return Bytes(s.begin(), s.end()); }
Bytes hex(std::string_view s) { return *parse_hex(s); }

TEST(Crc, CheckValuesOf123456789) {
  const Bytes check = ascii("123456789");
  EXPECT_EQ(crc::crc8_smbus(check), 0xF4);
  EXPECT_EQ(crc::crc16_fcs(check), 0x6F91);
  EXPECT_EQ(crc::crc32c(check), 0xE3069283u);
  EXPECT_EQ(crc::crc32(check), 0xCBF43926u);
}

TEST(Crc, ReferenceVectors) {
  EXPECT_EQ(crc::crc8_smbus(hex("64 0F 0A 21 01 00 0A CF 00 91 01 00 1D")), 0xFC);
  EXPECT_EQ(crc::crc8_smbus(hex("20 0F 0C 65 01 0A 1D C7 00 11 01 00 00 1D 00")), 0x1B);
  EXPECT_EQ(crc::crc16_fcs(hex("01 09 01 00 0A CF 00 91 01 00 1D")), 0x1D28);
  EXPECT_EQ(crc::crc16_fcs(hex("01 09 01 00 0A CF 00 91 01 00 7E")), 0x4CB5);
  EXPECT_EQ(crc::crc32c(hex("84 08 00 00 01 00 00 00 00 00 00 00 00 00 00 00")), 0x3677D4D2u);
  EXPECT_EQ(crc::crc32(hex("00 F0 F0 F1")), 0x4A868FFBu);
}

TEST(Crc, RunningValueContinuesOverPieces) {
  const Bytes all = ascii("123456789");
  ByteView head(all.data(), 4), tail(all.data() + 4, 5);
  EXPECT_EQ(crc::crc8_smbus(tail, crc::crc8_smbus(head)), 0xF4);
  EXPECT_EQ(crc::crc16_fcs(tail, crc::crc16_fcs(head)), 0x6F91);
  EXPECT_EQ(crc::crc32c(tail, crc::crc32c(head)), 0xE3069283u);
  EXPECT_EQ(crc::crc32(tail, crc::crc32(head)), 0xCBF43926u);
}

// Long inputs, read eight bytes at a time: the iSCSI vectors of RFC 3720 (B.4) for CRC-32C and
// the usual pangram for CRC-32.
TEST(Crc, LongInputs) {
  EXPECT_EQ(crc::crc32c(Bytes(32, 0x00)), 0x8A9136AAu);
  EXPECT_EQ(crc::crc32c(Bytes(32, 0xFF)), 0x62A8AB43u);
  Bytes ascending(32);
  for (std::size_t i = 0; i < ascending.size(); ++i) ascending[i] = static_cast<std::uint8_t>(i);
  EXPECT_EQ(crc::crc32c(ascending), 0x46DD794Eu);
  EXPECT_EQ(crc::crc32(ascii("The quick brown fox jumps over the lazy dog")), 0x414FA339u);
}

// A bit at a time, straight from the definition: the reference for every length and start.
std::uint32_t reflected_crc32_by_bits(ByteView data, std::uint32_t poly) {
  std::uint32_t reg = 0xFFFFFFFFu;
  for (std::uint8_t byte : data) {
    reg ^= byte;
    for (int bit = 0; bit < 8; ++bit) reg = (reg & 1) ? (reg >> 1) ^ poly : reg >> 1;
  }
  return ~reg;
}

TEST(Crc, EveryLengthAndStartAgreesWithTheBitwiseDefinition) {
  Bytes data(64);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 37 + 11);
  for (std::size_t start = 0; start < 8; ++start) {
    for (std::size_t length = 0; start + length <= data.size(); ++length) {
      const ByteView piece(data.data() + start, length);
      ASSERT_EQ(crc::crc32(piece), reflected_crc32_by_bits(piece, 0xEDB88320u)) << start << " " << length;
      ASSERT_EQ(crc::crc32c(piece), reflected_crc32_by_bits(piece, 0x82F63B78u)) << start << " " << length;
    }
  }
}

TEST(Crc, EmptyInputGivesInitialValue) {
  EXPECT_EQ(crc::crc8_smbus({}), 0x00);
  EXPECT_EQ(crc::crc16_fcs({}), 0xFFFF);
  EXPECT_EQ(crc::crc32c({}), 0u);
  EXPECT_EQ(crc::crc32({}), 0u);
}

}  // namespace
}  // namespace mctpkit
