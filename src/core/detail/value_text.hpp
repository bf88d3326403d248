#pragma once
// A value's display text written into a TextBuffer, for the summary renderers of the core.

#include "mctpkit/core/fields.hpp"
#include "mctpkit/core/text_append.hpp"

namespace mctpkit::detail {

/// What append_value() appends to a string, gathered in `out` instead.
void put_value(const FieldDef& def, const FieldValue& value, TextBuffer& out);

}  // namespace mctpkit::detail
