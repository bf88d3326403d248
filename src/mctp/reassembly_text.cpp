// Names and descriptions for reassembly events.

#include <fmt/format.h>

#include "mctpkit/mctp/reassembly.hpp"

namespace mctpkit::mctp {

std::string_view to_string(EventKind kind) {
  switch (kind) {
    case EventKind::Message: return "message";
    case EventKind::BadPacket: return "bad-packet";
    case EventKind::MissingPacket: return "missing-packet";
    case EventKind::DuplicatePacket: return "duplicate-packet";
    case EventKind::OutOfOrder: return "out-of-order";
    case EventKind::OrphanPacket: return "orphan-packet";
    case EventKind::Restarted: return "restarted";
    case EventKind::TagReuse: return "tag-reuse";
    case EventKind::Timeout: return "timeout";
    case EventKind::TooLarge: return "too-large";
    case EventKind::Evicted: return "evicted";
    case EventKind::Incomplete: return "incomplete";
    case EventKind::UnexpectedSize: return "unexpected-size";
  }
  return "unknown";
}

std::string describe(const AssemblyKey& key) {
  std::string out = fmt::format("EID 0x{:02X} -> 0x{:02X}, TO={}, tag {}", key.src, key.dst, key.to, key.tag);
  if (!key.physical.empty()) fmt::format_to(std::back_inserter(out), " ({})", key.physical);
  return out;
}

ByteView Event::body() const {
  constexpr std::size_t kHeader = 4;
  if (kind != EventKind::Message || packet.size() < kHeader) return {};
  return ByteView(packet).subspan(kHeader);
}

}  // namespace mctpkit::mctp
