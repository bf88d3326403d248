// Display filter evaluation. Everything here runs once per packet: no allocation, no parsing.

#include <algorithm>
#include <cctype>
#include <optional>

#include "mctpkit/output/filter.hpp"

namespace mctpkit::output {

namespace {

using detail::FilterOp;
using detail::FilterValue;

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The number `v` stands for when met by `def`: itself, or one of the field's names.
std::optional<long double> number_for(const FieldDef& def, const FilterValue& v) {
  if (v.has_number) return v.number;
  for (const auto& [known, n] : v.names) {
    if (known == &def) return static_cast<long double>(n);
  }
  for (const EnumEntry& e : def.enums) {
    if (iequal(e.name, v.text)) return static_cast<long double>(e.value);
  }
  return std::nullopt;
}

// A field's value as the number it means (signed, real32 or unsigned).
long double field_number(const FieldDef& def, const FieldValue& value) {
  const std::uint64_t bits = value.is_set() ? value.number : def.default_value;
  switch (value.numeric) {
    case Numeric::Signed: return static_cast<long double>(sign_extend(def, bits));
    case Numeric::Real32: return static_cast<long double>(real32_from_bits(bits));
    case Numeric::Unsigned: break;
  }
  return static_cast<long double>(bits);
}

std::optional<ByteView> bytes_for(const FieldDef& def, const FilterValue& v) {
  if (v.has_bytes) return ByteView(v.bytes);
  // Text fields also take an unquoted word as text.
  if (def.display == Display::Ascii) {
    return ByteView(reinterpret_cast<const std::uint8_t*>(v.text.data()), v.text.size());
  }
  return std::nullopt;
}

ByteView field_bytes(const FieldDef& def, const FieldValue& value) {
  ByteView b(value.bytes);
  // Text fields are often padded with NULs to a fixed size; the padding is not part of the text.
  if (def.display == Display::Ascii) {
    while (!b.empty() && b.back() == 0) b = b.first(b.size() - 1);
  }
  return b;
}

template <typename T>
int order(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// -1, 0 or 1 as the occurrence is below, equal to or above `v`; nothing when they cannot be
// compared (a name the field does not have, a number against a byte string).
std::optional<int> compare(const FieldDef& def, const FieldValue& value, const FilterValue& v) {
  switch (def.kind) {
    case FieldKind::UInt:
    case FieldKind::Bits: {
      const auto n = number_for(def, v);
      if (!n) return std::nullopt;
      return order(field_number(def, value), *n);
    }
    case FieldKind::List:
      if (!v.has_number) return std::nullopt;
      return order<long double>(static_cast<long double>(value.items.size()), v.number);
    case FieldKind::Bytes: {
      const auto operand = bytes_for(def, v);
      if (!operand) return std::nullopt;
      const ByteView mine = field_bytes(def, value);
      const auto c = std::lexicographical_compare_three_way(mine.begin(), mine.end(), operand->begin(), operand->end());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case FieldKind::Payload: break;
  }
  return std::nullopt;
}

bool contains(const FieldDef& def, const FieldValue& value, const FilterValue& v) {
  if (def.kind != FieldKind::Bytes) return false;
  const auto operand = bytes_for(def, v);
  if (!operand) return false;
  const ByteView mine = field_bytes(def, value);
  return std::search(mine.begin(), mine.end(), operand->begin(), operand->end()) != mine.end();
}

bool holds(FilterOp op, int c) {
  switch (op) {
    case FilterOp::Eq:
    case FilterOp::In: return c == 0;
    case FilterOp::AnyNe: return c != 0;
    case FilterOp::Lt: return c < 0;
    case FilterOp::Le: return c <= 0;
    case FilterOp::Gt: return c > 0;
    case FilterOp::Ge: return c >= 0;
    default: return false;
  }
}

}  // namespace

// What the tests read of a frame, or of a message in its packet's frame.
struct detail::FilterSubject {
  std::span<const Layer> layers;
  std::span<const Diagnostic> diagnostics;
  std::string_view link;
  std::size_t length = 0;  // bytes
};

namespace {

// A packet name's value as a number: nothing when the packet has none.
std::optional<long double> packet_number(const detail::FilterTest& t, const detail::FilterSubject& frame,
                                         const PacketContext& context) {
  switch (t.packet) {
    case detail::PacketName::FrameNumber:
      if (context.number == 0) return std::nullopt;
      return static_cast<long double>(context.number);
    case detail::PacketName::FrameTime:
      if (!context.time_ns) return std::nullopt;
      return static_cast<long double>(*context.time_ns);
    case detail::PacketName::FrameLen: return static_cast<long double>(frame.length);
    default: return std::nullopt;
  }
}

bool test_packet(const detail::FilterTest& t, const detail::FilterSubject& frame, const PacketContext& context) {
  using detail::PacketName;
  switch (t.packet) {
    case PacketName::Diag: return !frame.diagnostics.empty();
    case PacketName::DiagKind:
      return std::any_of(frame.diagnostics.begin(), frame.diagnostics.end(),
                         [&](const Diagnostic& d) { return static_cast<std::uint8_t>(d.kind) == t.which; });
    case PacketName::DiagSeverity:
      return std::any_of(frame.diagnostics.begin(), frame.diagnostics.end(),
                         [&](const Diagnostic& d) { return static_cast<std::uint8_t>(d.severity) == t.which; });
    case PacketName::FrameLink: {
      if (t.op == FilterOp::Present) return !frame.link.empty();
      const bool equal = std::any_of(t.values.begin(), t.values.end(),
                                     [&](const FilterValue& v) { return iequal(v.text, frame.link); });
      return t.op == FilterOp::Ne || t.op == FilterOp::AnyNe ? !equal : equal;
    }
    default: break;
  }
  const auto n = packet_number(t, frame, context);
  if (!n) return false;
  if (t.op == FilterOp::Present) return true;
  return std::any_of(t.values.begin(), t.values.end(), [&](const FilterValue& v) {
    const int c = order(*n, v.number);
    return t.op == FilterOp::Ne ? c != 0 : holds(t.op, c);
  });
}

}  // namespace

bool Filter::reads_layer(const LayerDef& def) const {
  return std::any_of(tests_.begin(), tests_.end(), [&](const detail::FilterTest& t) {
    switch (t.packet) {
      case detail::PacketName::None: return t.field.reads_layer(def);
      case detail::PacketName::Diag:
      case detail::PacketName::DiagKind:
      case detail::PacketName::DiagSeverity: return true;
      case detail::PacketName::FrameNumber:
      case detail::PacketName::FrameTime:
      case detail::PacketName::FrameLen:
      case detail::PacketName::FrameLink: break;
    }
    return false;
  });
}

bool Filter::matches(const Frame& frame, const PacketContext& context) const {
  if (nodes_.empty()) return true;
  return eval(root_, detail::FilterSubject{frame.layers, frame.diagnostics, frame.link, frame.data.size()}, context);
}

bool Filter::matches_message(const Frame& packet, const MessageInPacket& message, const PacketContext& context) const {
  if (nodes_.empty()) return true;
  const std::span<const Layer> all(packet.layers);
  const std::span<const Layer> layers = all.subspan(std::min(message.first_layer, all.size()));
  return eval(root_, detail::FilterSubject{layers, {}, "mctp", message.length}, context);
}

bool Filter::eval(std::uint32_t index, const detail::FilterSubject& frame, const PacketContext& context) const {
  const detail::FilterNode& node = nodes_[index];
  switch (node.kind) {
    case detail::FilterNode::Kind::Test: return test(tests_[node.a], frame, context);
    case detail::FilterNode::Kind::Not: return !eval(node.a, frame, context);
    case detail::FilterNode::Kind::And:
      for (std::uint32_t i = node.a; i < node.a + node.b; ++i) {
        if (!eval(operands_[i], frame, context)) return false;
      }
      return true;
    case detail::FilterNode::Kind::Or:
      for (std::uint32_t i = node.a; i < node.a + node.b; ++i) {
        if (eval(operands_[i], frame, context)) return true;
      }
      return false;
  }
  return false;
}

bool Filter::test(const detail::FilterTest& t, const detail::FilterSubject& frame, const PacketContext& context) const {
  if (t.packet != detail::PacketName::None) return test_packet(t, frame, context);
  switch (t.op) {
    case FilterOp::Present:
      for (const Layer& layer : frame.layers) {
        if (t.field.names_layer(layer.def())) return true;
      }
      return t.field.present(frame.layers);
    case FilterOp::Ne: {
      // Wireshark's "all not equal": the field occurs and no occurrence equals the value.
      bool seen = false;
      const bool equal = t.field.visit(frame.layers, [&](const FieldDef& def, const FieldValue& value) {
        const auto c = compare(def, value, t.values.front());
        if (c) seen = true;
        return c == 0;
      });
      return seen && !equal;
    }
    case FilterOp::Contains:
      return t.field.visit(frame.layers, [&](const FieldDef& def, const FieldValue& value) {
        return contains(def, value, t.values.front());
      });
    default:
      return t.field.visit(frame.layers, [&](const FieldDef& def, const FieldValue& value) {
        return std::any_of(t.values.begin(), t.values.end(), [&](const FilterValue& v) {
          const auto c = compare(def, value, v);
          return c.has_value() && holds(t.op, *c);
        });
      });
  }
}

}  // namespace mctpkit::output
