// The registry seen from Python: the layer table the package generates its classes and stubs
// from, layer descriptions (ls) and links.

#include <fmt/format.h>
#include <pybind11/stl.h>

#include "handles.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/output/filter.hpp"
#include "mctpkit/output/layers.hpp"

namespace mctpkit::python {

namespace {


py::list field_table(std::span<const FieldDef> defs) {
  py::list out;
  for (const FieldDef& f : defs) {
    if (f.kind == FieldKind::Payload) continue;
    py::dict d;
    d["name"] = std::string(f.name);
    d["alias"] = std::string(f.alias);
    d["kind"] = std::string(output::field_kind_name(f.kind));
    d["width"] = f.width;
    d["label"] = std::string(f.display_label());
    d["derived"] = f.is_derived();
    d["reserved"] = f.is_reserved;
    py::list names;
    for (const EnumEntry& e : f.enums) names.append(py::make_tuple(std::string(e.name), e.value));
    d["names"] = names;
    d["element"] = f.kind == FieldKind::List ? field_table(f.element->fields) : py::list();
    out.append(d);
  }
  return out;
}

}  // namespace

void bind_registry(py::module_& m) {
  m.def("_init_types", [](py::object enum_value, py::object unknown_name, py::object absent) {
    types().enum_value = std::move(enum_value);
    types().unknown_name = std::move(unknown_name);
    types().absent = std::move(absent);
  });
  m.def("_set_layer_classes", [](py::dict classes) { types().layer_classes = std::move(classes); });

  m.def("_layer_table", [] {
    py::list out;
    for (const LayerDef* d : default_registry().layers()) {
      py::dict entry;
      entry["id"] = std::string(d->id);
      entry["craft_name"] = std::string(d->name_for_craft());
      entry["title"] = std::string(d->heading());
      entry["abbrev"] = std::string(d->abbrev);
      entry["fields"] = field_table(d->fields);
      entry["description"] = output::describe_layer(*d);
      out.append(entry);
    }
    return out;
  }, "Every layer of the registry with its fields, in registration order (for the generated classes)");

  m.def("describe", [](const std::string& name) {
    const Registry& r = default_registry();
    if (name.empty()) return output::list_layers(r);
    std::vector<const LayerDef*> defs = r.layers_named(name);
    if (defs.empty()) {
      std::vector<std::string> names;
      for (const LayerDef* d : r.layers()) names.emplace_back(d->name_for_craft());
      std::string hint = output::closest_name(name, names);
      throw UnknownName(fmt::format("no layer named '{}'{}", name, hint.empty() ? "" : fmt::format(" (did you mean {}?)", hint)));
    }
    std::string out;
    for (const LayerDef* d : defs) out += output::describe_layer(*d);
    return out;
  }, py::arg("name") = "", "The text `mctpkit layers [NAME]` prints");

  m.def("links", [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const LinkDef& l : default_registry().links()) out.emplace_back(l.name, l.description);
    return out;
  }, "The links decode() accepts, as (name, description) pairs");
}

}  // namespace mctpkit::python
