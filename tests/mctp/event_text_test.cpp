// The names of reassembly events (they appear in analyze's text and JSON output) and the text
// of an assembly key.

#include <gtest/gtest.h>

#include "mctpkit/mctp/reassembly.hpp"

namespace mctpkit::mctp {
namespace {

TEST(EventText, EveryKindHasItsName) {
  const std::pair<EventKind, std::string_view> expected[] = {
      {EventKind::Message, "message"},
      {EventKind::BadPacket, "bad-packet"},
      {EventKind::MissingPacket, "missing-packet"},
      {EventKind::DuplicatePacket, "duplicate-packet"},
      {EventKind::OutOfOrder, "out-of-order"},
      {EventKind::OrphanPacket, "orphan-packet"},
      {EventKind::Restarted, "restarted"},
      {EventKind::TagReuse, "tag-reuse"},
      {EventKind::Timeout, "timeout"},
      {EventKind::TooLarge, "too-large"},
      {EventKind::Evicted, "evicted"},
      {EventKind::Incomplete, "incomplete"},
      {EventKind::UnexpectedSize, "unexpected-size"},
  };
  for (const auto& [kind, name] : expected) EXPECT_EQ(to_string(kind), name);
  // A value outside the enumeration (a corrupted or newer value) still has a printable name.
  EXPECT_EQ(to_string(static_cast<EventKind>(200)), "unknown");
}

TEST(EventText, KeyWithoutBindingAddresses) {
  AssemblyKey key;
  key.src = 0x1D;
  key.dst = 0x08;
  key.to = 1;
  key.tag = 5;
  EXPECT_EQ(describe(key), "EID 0x1D -> 0x08, TO=1, tag 5");
}

TEST(EventText, OnlyAMessageHasABody) {
  auto event = [](EventKind kind, Bytes packet) {
    Event e;
    e.kind = kind;
    e.packet = std::move(packet);
    return e;
  };
  Event message = event(EventKind::Message, {0x01, 0x08, 0x1D, 0xC5, 0x00, 0x81, 0x02});
  EXPECT_EQ(Bytes(message.body().begin(), message.body().end()), (Bytes{0x00, 0x81, 0x02}));
  EXPECT_TRUE(event(EventKind::Timeout, {0x01, 0x08, 0x1D, 0xC5, 0x00}).body().empty());
  EXPECT_TRUE(event(EventKind::Message, {0x01, 0x08}).body().empty());
}

}  // namespace
}  // namespace mctpkit::mctp
