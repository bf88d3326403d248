#pragma once
// Text for field values and summary templates.
//
// A summary template is literal text with placeholders:
//   {name}        the field's display text (enum name, hex per its Display, decimal ...)
//   {name:spec}   the field's number formatted with a fmt spec, e.g. {eid:02X}
//   {name}        for a List field: each element's StructDef summary, joined by its joiner
// An absent field shows its default; an absent derived field (a count or length) shows "None",
// as PyMCTP does for fields it never received.

#include <string>
#include <string_view>

#include "mctpkit/core/fields.hpp"

namespace mctpkit {

/// Display text of one value: "set", "0x1D", "10 (0x0A)"... `with_raw` adds the number after
/// an enum name ("set (0)") for the detailed tree.
std::string format_value(const FieldDef& def, const FieldValue& value, bool with_raw = false);

/// Appends format_value(def, value) to `out` (without building the text apart for the usual
/// numbers and enum names).
void append_value(const FieldDef& def, const FieldValue& value, std::string& out);
/// Appends `tmpl` rendered against `fields` to `out`.
void render_template(const Fields& fields, std::string_view tmpl, std::string& out);

/// "Title (field: value, ...)" over the non-reserved fields, in mctpkit's own style.
void render_generic(const Fields& fields, std::string_view title, std::string& out);

/// DMTF version word text: 0xF1F3F100 -> "1.3.1", 0xF1F0FF61 -> "1.0a".
std::string format_version32(std::uint32_t value);

}  // namespace mctpkit

namespace mctpkit {
class Layer;
/// A layer's summary text: its summary function, else its template; a template without
/// placeholders is a name followed by the generic "(field: value, ...)" list.
void render_summary(const Layer& layer, std::string& out);
}  // namespace mctpkit
