#include <gtest/gtest.h>

#include "mctpkit/core/byte_reader.hpp"
#include "mctpkit/core/bytes.hpp"

namespace mctpkit {
namespace {

TEST(Hex, ParsesEverySeparatorStyle) {
  EXPECT_EQ(parse_hex("01 0b 0A"), (Bytes{0x01, 0x0B, 0x0A}));
  EXPECT_EQ(parse_hex("010b0a"), (Bytes{0x01, 0x0B, 0x0A}));
  EXPECT_EQ(parse_hex("0x01 0x0b"), (Bytes{0x01, 0x0B}));
  EXPECT_EQ(parse_hex("1:b,a"), (Bytes{0x01, 0x0B, 0x0A}));
  EXPECT_EQ(parse_hex(""), Bytes{});
}

TEST(Hex, RejectsNonHexWithColumn) {
  std::size_t column = 0;
  EXPECT_FALSE(parse_hex("01 zz", &column));
  EXPECT_EQ(column, 3u);
  EXPECT_FALSE(parse_hex("012", &column));
  EXPECT_EQ(column, 0u);
  EXPECT_FALSE(parse_hex("0x", &column));
}

TEST(Hex, FormatsUpperCase) {
  EXPECT_EQ(to_hex(Bytes{0x64, 0x0F, 0xfc}), "64 0F FC");
  EXPECT_EQ(to_hex(Bytes{0x64, 0x0F}, ""), "640F");
}

TEST(ByteReader, ReadsBothByteOrders) {
  Bytes data{0x12, 0x34, 0x56, 0x78};
  ByteReader r(data);
  EXPECT_EQ(r.uint(2, ByteOrder::Big), 0x1234u);
  EXPECT_EQ(r.uint(2, ByteOrder::Little), 0x7856u);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(ByteReader, ErrorIsStickyAndKeepsFirstOffset) {
  Bytes data{0x01, 0x02, 0x03};
  ByteReader r(data);
  EXPECT_EQ(r.u8(), 1);
  EXPECT_EQ(r.uint(4), 0u);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_offset(), 1u);
  EXPECT_EQ(r.u8(), 0);  // still failed even though a byte remains
  EXPECT_TRUE(r.bytes(1).empty());
  EXPECT_TRUE(r.rest().empty());
  EXPECT_EQ(r.error_offset(), 1u);
}

TEST(ByteWriter, RejectsValuesThatDoNotFitAndOverflow) {
  Bytes out;
  ByteWriter w(out, 3);
  w.uint(0x1234, 2, ByteOrder::Little);
  EXPECT_TRUE(w.ok());
  EXPECT_EQ(out, (Bytes{0x34, 0x12}));
  w.uint(0x100, 1);
  EXPECT_FALSE(w.ok());
  Bytes out2;
  ByteWriter w2(out2, 2);
  w2.bytes(Bytes{1, 2, 3});
  EXPECT_FALSE(w2.ok());
  EXPECT_TRUE(out2.empty());
}

}  // namespace
}  // namespace mctpkit
