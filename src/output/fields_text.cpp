#include <fmt/format.h>

#include "mctpkit/core/format.hpp"
#include "mctpkit/output/fields.hpp"

namespace mctpkit::output {

namespace {

std::string lower_hex(ByteView data) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * data.size());
  for (std::uint8_t b : data) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0F]);
  }
  return out;
}

// Appends the occurrences of one field to `out`, as the options ask.
void append_field(const Frame& frame, const FieldRef& field, const FieldsOptions& options, std::string& out) {
  std::string text;
  bool any = false;
  field.visit(frame, [&](const FieldDef& def, const FieldValue& value) {
    if (options.occurrence == FieldsOptions::Occurrence::Last) text.clear();
    if (any && options.occurrence == FieldsOptions::Occurrence::All) text += options.aggregator;
    text += field_text(def, value);
    any = true;
    return options.occurrence == FieldsOptions::Occurrence::First;
  });
  if (!any) return;
  if (options.quote != '\0') out.push_back(options.quote);
  out += text;
  if (options.quote != '\0') out.push_back(options.quote);
}

}  // namespace

std::string field_text(const FieldDef& def, const FieldValue& value) {
  switch (def.kind) {
    case FieldKind::Payload: return {};
    case FieldKind::List: return fmt::format("{}", value.items.size());
    case FieldKind::Bytes:
      if (def.display == Display::Uuid && value.bytes.size() == 16) return format_value(def, value);
      if (def.display == Display::Ascii) {
        // NUL padding is not part of the text (filters ignore it too); format_value quotes text
        // and a fields column holds it bare.
        FieldValue text = value;
        while (!text.bytes.empty() && text.bytes.back() == 0) text.bytes.pop_back();
        std::string quoted = format_value(def, text);
        return quoted.size() >= 2 ? quoted.substr(1, quoted.size() - 2) : quoted;
      }
      return lower_hex(value.bytes);
    case FieldKind::UInt:
    case FieldKind::Bits: break;
  }
  const std::uint64_t n = value.is_set() ? value.number : def.default_value;
  if (value.numeric != Numeric::Unsigned) return number_text(def, value);
  switch (def.display) {
    case Display::Hex:
    case Display::Flags:
    case Display::Version32: {
      const unsigned digits = def.kind == FieldKind::Bits ? (def.width + 3u) / 4u : 2u * def.width;
      return fmt::format("0x{:0{}x}", n, digits);
    }
    default: return fmt::format("{}", n);
  }
}

std::vector<std::string> field_texts(const Frame& frame, std::string_view abbrev) {
  std::vector<std::string> out;
  FieldRef(abbrev).visit(frame, [&](const FieldDef& def, const FieldValue& value) {
    out.push_back(field_text(def, value));
    return false;
  });
  return out;
}

std::string fields_line(const Frame& frame, std::span<const FieldRef> fields, const FieldsOptions& options) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) out += options.separator;
    append_field(frame, fields[i], options, out);
  }
  return out;
}

std::string fields_line(const Frame& frame, const std::vector<std::string>& abbrevs, const FieldsOptions& options) {
  std::vector<FieldRef> refs;
  refs.reserve(abbrevs.size());
  for (const std::string& a : abbrevs) refs.emplace_back(a);
  return fields_line(frame, refs, options);
}

}  // namespace mctpkit::output
