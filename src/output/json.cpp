#include <cmath>
#include <nlohmann/json.hpp>

#include "mctpkit/core/format.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit::output {

namespace {

nlohmann::ordered_json field_value(const FieldDef& def, const FieldValue& value);

nlohmann::ordered_json fields_object(const Fields& fields, const std::string& prefix) {
  nlohmann::ordered_json obj = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldDef& def = fields.defs()[i];
    const FieldValue& value = fields.value(i);
    if (def.kind == FieldKind::Payload || value.state == FieldValue::State::Absent) continue;
    if (!value.is_set() && def.is_derived()) continue;
    std::string key = prefix.empty() ? std::string(def.name) : prefix + "." + std::string(def.name);
    obj[key] = field_value(def, value);
  }
  return obj;
}

nlohmann::ordered_json field_value(const FieldDef& def, const FieldValue& value) {
  switch (def.kind) {
    case FieldKind::Bytes:
      return def.display == Display::Uuid || def.display == Display::Ascii ? format_value(def, value)
                                                                            : to_hex(value.bytes, "");
    case FieldKind::List: {
      nlohmann::ordered_json arr = nlohmann::ordered_json::array();
      for (const Fields& item : value.items) arr.push_back(fields_object(item, ""));
      return arr;
    }
    default: {
      const std::uint64_t n = value.is_set() ? value.number : def.default_value;
      switch (value.numeric) {
        case Numeric::Signed: return sign_extend(def, n);
        case Numeric::Real32: {
          const double real = real32_from_bits(n);
          // JSON has no infinities or NaN: those are given as text.
          if (std::isfinite(real)) return real;
          return number_text(def, value);
        }
        case Numeric::Unsigned: break;
      }
      return n;
    }
  }
}

}  // namespace

std::string json(const Frame& frame) {
  nlohmann::ordered_json out;
  if (!frame.link.empty()) out["link"] = frame.link;
  out["length"] = frame.data.size();
  out["summary"] = summary(frame);
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  for (const Layer& layer : frame.layers) {
    if (layer.is_placeholder()) continue;
    nlohmann::ordered_json l;
    l["layer"] = layer.def().id;
    l["offset"] = layer.offset;
    l["length"] = layer.length;
    l["fields"] = fields_object(layer, std::string(layer.def().abbrev.empty() ? layer.def().id : layer.def().abbrev));
    layers.push_back(std::move(l));
  }
  out["layers"] = std::move(layers);
  nlohmann::ordered_json diags = nlohmann::ordered_json::array();
  for (const Diagnostic& d : frame.diagnostics) {
    diags.push_back({{"kind", to_string(d.kind)},
                     {"severity", to_string(d.severity)},
                     {"layer", d.layer_id},
                     {"offset", d.offset},
                     {"text", d.text}});
  }
  out["diagnostics"] = std::move(diags);
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace mctpkit::output
