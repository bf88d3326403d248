#include <fmt/compile.h>
#include <fmt/format.h>

#include "mctpkit/core/format.hpp"
#include "mctpkit/core/text_append.hpp"
#include "mctpkit/output/fields.hpp"

namespace mctpkit::output {

namespace {

void append_lower_hex(std::string& out, ByteView data) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (std::uint8_t b : data) {
    const char pair[2] = {kDigits[b >> 4], kDigits[b & 0x0F]};
    out.append(pair, 2);
  }
}

}  // namespace

std::string field_text(const FieldDef& def, const FieldValue& value) {
  std::string out;
  append_field_text(out, def, value);
  return out;
}

void append_field_text(std::string& out, const FieldDef& def, const FieldValue& value) {
  switch (def.kind) {
    case FieldKind::Payload: return;
    case FieldKind::List: append_decimal(out, value.items.size()); return;
    case FieldKind::Bytes:
      if (def.display == Display::Uuid && value.bytes.size() == 16) {
        append_value(def, value, out);
        return;
      }
      if (def.display == Display::Ascii) {
        // NUL padding is not part of the text (filters ignore it too); format_value quotes text
        // and a fields column holds it bare.
        FieldValue text = value;
        while (!text.bytes.empty() && text.bytes.back() == 0) text.bytes.pop_back();
        const std::string quoted = format_value(def, text);
        out.append(quoted.size() >= 2 ? std::string_view(quoted).substr(1, quoted.size() - 2) : std::string_view(quoted));
        return;
      }
      append_lower_hex(out, value.bytes);
      return;
    case FieldKind::UInt:
    case FieldKind::Bits: break;
  }
  const std::uint64_t n = value.is_set() ? value.number : def.default_value;
  if (value.numeric != Numeric::Unsigned) {
    out += number_text(def, value);
    return;
  }
  switch (def.display) {
    case Display::Hex:
    case Display::Flags:
    case Display::Version32: {
      const unsigned digits = def.kind == FieldKind::Bits ? (def.width + 3u) / 4u : 2u * def.width;
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("0x{:0{}x}"), n, digits);
      return;
    }
    default: append_decimal(out, n);
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

void append_field(std::string& out, const Frame& frame, const FieldRef& field, const FieldsOptions& options) {
  using Occurrence = FieldsOptions::Occurrence;
  // Only the last occurrence needs a place of its own until the end; the others are written as
  // they are found.
  std::string last;
  bool any = false;
  field.visit(frame, [&](const FieldDef& def, const FieldValue& value) {
    if (options.occurrence == Occurrence::Last) {
      last.clear();
      append_field_text(last, def, value);
    } else {
      if (!any && options.quote != '\0') out.push_back(options.quote);
      if (any) out += options.aggregator;
      append_field_text(out, def, value);
    }
    any = true;
    return options.occurrence == Occurrence::First;
  });
  if (!any) return;
  if (options.occurrence == Occurrence::Last) {
    if (options.quote != '\0') out.push_back(options.quote);
    out += last;
  }
  if (options.quote != '\0') out.push_back(options.quote);
}

std::string fields_line(const Frame& frame, std::span<const FieldRef> fields, const FieldsOptions& options) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) out += options.separator;
    append_field(out, frame, fields[i], options);
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
