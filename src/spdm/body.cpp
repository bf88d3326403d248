#include "spdm/body.hpp"

#include <fmt/format.h>

#include "mctpkit/core/format.hpp"

namespace mctpkit::spdm::detail {

void sized_summary(const Layer& layer, std::string& out) {
  out.append(layer.def().summary);
  out += " (";
  bool first = true;
  for (std::size_t i = 0; i < layer.size(); ++i) {
    const FieldDef& def = layer.defs()[i];
    const FieldValue& value = layer.value(i);
    if (def.is_reserved || def.kind == FieldKind::Payload || value.state == FieldValue::State::Absent) continue;
    if (!value.is_set() && def.is_derived()) continue;
    if (def.kind == FieldKind::Bytes && value.bytes.empty()) continue;
    if (!first) out += ", ";
    first = false;
    fmt::format_to(std::back_inserter(out), "{}: ", def.name);
    if (def.kind == FieldKind::Bytes && value.bytes.size() > 8) {
      fmt::format_to(std::back_inserter(out), "{} bytes", value.bytes.size());
    } else {
      append_value(def, value, out);
    }
  }
  out += ")";
}

}  // namespace mctpkit::spdm::detail
