#include "mctpkit/core/format.hpp"
#include "core/detail/gcc12_false_positives.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "mctpkit/core/text_append.hpp"
#include "core/detail/value_text.hpp"

namespace mctpkit {

namespace {

std::string_view enum_name(const FieldDef& def, std::uint64_t value) {
  for (const EnumEntry& e : def.enums) {
    if (e.value == value) return e.name;
  }
  return {};
}

// Where a value's text goes: the caller's string, or a TextBuffer gathering a summary line
// (where each piece is a copy rather than a call).
void put(std::string& out, std::string_view text) { out += text; }
void put(std::string& out, char c) { out += c; }
template <unsigned Base>
void put_number(std::string& out, std::uint64_t value, unsigned digits) {
  append_number<Base>(out, value, digits);
}
void put(TextBuffer& out, std::string_view text) { out.put(text); }
void put(TextBuffer& out, char c) { out.put(c); }
template <unsigned Base>
void put_number(TextBuffer& out, std::uint64_t value, unsigned digits) {
  out.number<Base>(value, digits);
}

// "0x" and as many digits as the field's width takes.
template <typename Out>
void append_hex_number(const FieldDef& def, std::uint64_t value, Out& out) {
  unsigned digits = def.kind == FieldKind::Bits ? (def.width + 3u) / 4u : 2u * def.width;
  put(out, "0x");
  put_number<16>(out, value, digits);
}

// "01 0B 0A", as append_hex(out, bytes) writes them.
template <typename Out>
void append_spaced_hex(Out& out, const Bytes& b) {
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i != 0) put(out, ' ');
    put_number<16>(out, b[i], 2);
  }
}

// "12345678-9abc-def0-0123-456789abcdef"; hex bytes when there are not 16 of them.
template <typename Out>
void append_uuid(Out& out, const Bytes& b) {
  if (b.size() != 16) {
    append_spaced_hex(out, b);
    return;
  }
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) put(out, '-');
    put(out, "0123456789abcdef"[b[i] >> 4]);
    put(out, "0123456789abcdef"[b[i] & 0x0F]);
  }
}

// Printable ASCII as it is (each run of it in one piece), NUL as \0, any other byte as \xHH.
template <typename Out>
void append_ascii(Out& out, const Bytes& b) {
  const auto* text = reinterpret_cast<const char*>(b.data());
  std::size_t run = 0;  // where the plain bytes not yet written start
  for (std::size_t i = 0; i < b.size(); ++i) {
    const std::uint8_t c = b[i];
    if (c >= 0x20 && c < 0x7F && c != '\\') continue;
    put(out, std::string_view(text + run, i - run));
    run = i + 1;
    if (c == 0) {
      put(out, "\\0");
    } else {
      put(out, "\\x");
      put_number<16>(out, c, 2);
    }
  }
  put(out, std::string_view(text + run, b.size() - run));
}

std::string flags_text(const FieldDef& def, std::uint64_t value) {
  std::string out;
  std::uint64_t named = 0;
  for (const EnumEntry& e : def.enums) {
    if (e.value != 0 && (value & e.value) == e.value) {
      if (!out.empty()) out += "|";
      out += e.name;
      named |= e.value;
    }
  }
  if (std::uint64_t rest = value & ~named) {
    if (!out.empty()) out += "|";
    out += fmt::format("0x{:X}", rest);
  }
  return out.empty() ? "none" : out;
}

std::string bcd_digits(std::uint8_t b) {
  if ((b & 0xF0) == 0xF0) return fmt::format("{:X}", b & 0x0F);
  return fmt::format("{:X}{:X}", b >> 4, b & 0x0F);
}

}  // namespace

std::string format_version32(std::uint32_t value) {
  auto major = static_cast<std::uint8_t>(value >> 24), minor = static_cast<std::uint8_t>(value >> 16),
       update = static_cast<std::uint8_t>(value >> 8), alpha = static_cast<std::uint8_t>(value);
  std::string out = bcd_digits(major) + "." + bcd_digits(minor);
  MCTPKIT_GCC12_FALSE_POSITIVE_BEGIN("-Wrestrict")  // see gcc12_false_positives.hpp
  if (update != 0xFF) out += "." + bcd_digits(update);
  MCTPKIT_GCC12_FALSE_POSITIVE_END
  if (alpha != 0) {
    if ((alpha >= 'a' && alpha <= 'z') || (alpha >= 'A' && alpha <= 'Z')) {
      out.push_back(static_cast<char>(alpha));
    } else {
      out += fmt::format("(alpha 0x{:02X})", alpha);
    }
  }
  return out;
}

namespace {

// The display text of a value, with its number after it when `with_raw` (format_value()).
template <typename Out>
void write_value(const FieldDef& def, const FieldValue& value, bool with_raw, Out& out) {
  switch (def.kind) {
    case FieldKind::Bytes:
      switch (def.display) {
        case Display::Uuid: append_uuid(out, value.bytes); return;
        case Display::Ascii:
          put(out, '"');
          append_ascii(out, value.bytes);
          put(out, '"');
          return;
        default:
          if (value.bytes.empty()) {
            put(out, "(none)");
          } else {
            append_spaced_hex(out, value.bytes);
          }
          return;
      }
    case FieldKind::List:
      put_number<10>(out, value.items.size(), 1);
      put(out, " entries");
      return;
    case FieldKind::Payload: return;
    case FieldKind::UInt:
    case FieldKind::Bits: break;
  }
  const std::uint64_t n = value.state == FieldValue::State::Set ? value.number : def.default_value;
  auto number = [&] {
    if (def.display == Display::Hex) {
      append_hex_number(def, n, out);
    } else {
      put_number<10>(out, n, 1);
    }
  };
  // The text, then (with_raw) the bits in parentheses.
  auto text_then_bits = [&](const std::string& text) {
    put(out, text);
    if (!with_raw) return;
    put(out, " (");
    append_hex_number(def, n, out);
    put(out, ')');
  };
  if (value.numeric != Numeric::Unsigned) {
    // Signed and real values read as numbers; the tree adds their bits.
    text_then_bits(number_text(def, value));
    return;
  }
  switch (def.display) {
    case Display::Flags: text_then_bits(flags_text(def, n)); return;
    case Display::Version32:
      put(out, format_version32(static_cast<std::uint32_t>(n)));
      if (with_raw) {
        put(out, " (0x");
        put_number<16>(out, n, 8);
        put(out, ')');
      }
      return;
    default: break;
  }
  const std::string_view name = def.enums.empty() ? std::string_view() : enum_name(def, n);
  if (def.enums.empty() || (name.empty() && !with_raw)) {
    number();
    return;
  }
  put(out, name.empty() ? std::string_view("unknown") : name);
  if (!with_raw) return;
  put(out, " (");
  number();
  put(out, ')');
}

}  // namespace

void append_value(const FieldDef& def, const FieldValue& value, std::string& out) { write_value(def, value, false, out); }

void detail::put_value(const FieldDef& def, const FieldValue& value, TextBuffer& out) {
  write_value(def, value, false, out);
}

std::string format_value(const FieldDef& def, const FieldValue& value, bool with_raw) {
  std::string out;
  write_value(def, value, with_raw, out);
  return out;
}

void render_generic(const Fields& fields, std::string_view title, std::string& out) {
  // The names and separators gather in a buffer; it goes to `out` before anything else writes
  // there (a value, an element's text).
  TextBuffer text(out);
  text.put(title);
  text.put(" (");
  bool first = true;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldDef& def = fields.defs()[i];
    const FieldValue& value = fields.value(i);
    if (def.is_reserved || def.kind == FieldKind::Payload || value.state == FieldValue::State::Absent) continue;
    if (!value.is_set() && def.is_derived()) continue;
    if (!first) text.put(", ");
    first = false;
    text.put(def.name);
    text.put(": ");
    if (def.kind == FieldKind::List) {
      text.put('[');
      for (std::size_t k = 0; k < value.items.size(); ++k) {
        if (k != 0) text.put(", ");
        const Fields& item = value.items[k];
        text.flush();
        if (def.element->summary.empty()) {
          render_generic(item, "", out);
        } else {
          render_template(item, def.element->summary, out);
        }
      }
      if (value.cut) text.put(value.items.empty() ? "..." : ", ...");
      text.put(']');
    } else {
      detail::put_value(def, value, text);
    }
  }
  text.put(')');
}

}  // namespace mctpkit

#include "mctpkit/core/layer.hpp"

namespace mctpkit {

void render_summary(const Layer& layer, std::string& out) {
  const LayerDef& def = layer.def();
  if (def.summary_fn) {
    def.summary_fn(layer, out);
  } else if (def.summary.find('{') != std::string_view::npos) {
    render_template(layer, def.summary, out);
  } else if (def.fields.empty() && !def.summary.empty()) {
    out.append(def.summary);
    out += " ()";
  } else {
    render_generic(layer, def.summary.empty() ? def.id : def.summary, out);
  }
}

}  // namespace mctpkit
