// Crafting: layers from keyword arguments, frames from craft expressions.

#include <fmt/format.h>

#include "handles.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/craft/expression.hpp"
#include "mctpkit/output/filter.hpp"

namespace mctpkit::python {

namespace {

// Of the layers sharing a name (request and response), the first that has every given field;
// stacking chooses again from the layer below.
const LayerDef& choose(const std::vector<const LayerDef*>& candidates, const py::kwargs& fields) {
  for (const LayerDef* d : candidates) {
    Layer probe(*d);
    bool has_all = true;
    for (auto item : fields) has_all = has_all && probe.index_of(item.first.cast<std::string>()) != Fields::npos;
    if (has_all) return *d;
  }
  return *candidates.front();
}

}  // namespace

PyLayer craft_layer(const std::string& name, const py::kwargs& fields) {
  const Registry& registry = default_registry();
  std::vector<const LayerDef*> candidates = registry.layers_named(name);
  if (candidates.empty()) {
    std::vector<std::string> names;
    for (const LayerDef* d : registry.layers()) names.emplace_back(d->name_for_craft());
    std::string hint = output::closest_name(name, names);
    throw UnknownName(fmt::format("unknown layer '{}'{}", name, hint.empty() ? "" : fmt::format(" (did you mean {}?)", hint)));
  }
  const LayerDef& def = choose(candidates, fields);
  Layer layer(def);
  for (auto [key, value] : fields) set_field(layer, key.cast<std::string>(), value);
  PyLayer out;
  out.state = new_state(Frame(std::move(layer)), false);
  if (candidates.size() > 1) out.craft_name = name;
  return out;
}

void bind_craft(py::module_& m) {
  m.def(
      "craft",
      [](const std::string& expression) {
        auto parsed = craft::parse_expression(expression, default_registry());
        if (auto* e = std::get_if<craft::ExpressionError>(&parsed)) throw py::value_error(craft::format_error(*e, expression));
        return make_frame(new_state(std::get<Frame>(std::move(parsed)), false));
      },
      py::arg("expression"),
      R"doc(Builds a frame from a craft expression, as `mctpkit craft` does:
    craft("smbus(dst=0x32,src=0x10)/mctp(dst=0,src=10,to=1,tag=7)/control(rq=1,iid=0x11)/set_endpoint_id(op=set,eid=29)")
ValueError (with the expression and a caret under the problem) when it cannot be parsed.)doc");
}

}  // namespace mctpkit::python
