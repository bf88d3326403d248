// The summary of the firmware update bodies. The generic core summary prints list elements
// (descriptors, component tables) without braces and shows derived lengths only once decoded;
// this one braces elements and always leaves derived lengths and counts out, so a crafted and a
// decoded message read the same.

#include "mctpkit/core/format.hpp"
#include "mctpkit/pldm/firmware_update.hpp"

namespace mctpkit::pldm::detail {

namespace {

bool shown(const FieldDef& f, const FieldValue& v) {
  if (f.is_reserved || f.kind == FieldKind::Payload || v.state == FieldValue::State::Absent) return false;
  return !f.is_derived() || f.verify;
}

}  // namespace

void append_fields(const Fields& fields, std::string& out) {
  bool first = true;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldDef& f = fields.defs()[i];
    const FieldValue& v = fields.value(i);
    if (!shown(f, v)) continue;
    if (!first) out += ", ";
    first = false;
    out.append(f.name);
    out += ": ";
    if (f.kind != FieldKind::List) {
      append_value(f, v, out);
      continue;
    }
    out += "[";
    for (std::size_t k = 0; k < v.items.size(); ++k) {
      if (k != 0) out += ", ";
      out += "{";
      append_fields(v.items[k], out);
      out += "}";
    }
    out += "]";
  }
}

void summarize_body(const Layer& layer, std::string& out) {
  out.append(layer.def().summary);
  out += " (";
  append_fields(layer, out);
  out += ")";
}

}  // namespace mctpkit::pldm::detail
