// Plugins from Python: the same search and loading as the mctpkit tool, into the registry the
// module decodes and crafts with. The package loads the default places at import (unless
// MCTPKIT_NO_PLUGINS is set) and generates layer classes for what plugins add.

#include <pybind11/stl.h>

#include <fmt/format.h>

#include "handles.hpp"
#include "mctpkit/plugin/loader.hpp"

namespace mctpkit::python {

namespace {

std::vector<std::string> layer_ids(const plugin::LoadedPlugin& p) {
  std::vector<std::string> ids;
  for (const plugin::LayerRecord& l : p.layers) ids.push_back(l.id);
  return ids;
}

std::vector<std::string> command_names(const plugin::LoadedPlugin& p) {
  std::vector<std::string> names;
  for (const plugin::CommandSpec& c : p.commands) names.push_back(c.name);
  return names;
}

}  // namespace

void bind_plugins(py::module_& m) {
  py::class_<plugin::LoadedPlugin>(m, "Plugin", "A loaded plugin: its identity and what it registered")
      .def_readonly("name", &plugin::LoadedPlugin::name)
      .def_readonly("version", &plugin::LoadedPlugin::version)
      .def_readonly("license", &plugin::LoadedPlugin::license)
      .def_readonly("description", &plugin::LoadedPlugin::description)
      .def_readonly("path", &plugin::LoadedPlugin::path)
      .def_property_readonly("layers", &layer_ids, "The ids of the layers it registered")
      .def_readonly("links", &plugin::LoadedPlugin::links)
      .def_property_readonly("commands", &command_names, "The names of the CLI commands it adds")
      .def_readonly("exercisers", &plugin::LoadedPlugin::exercisers)
      .def("__repr__", [](const plugin::LoadedPlugin& p) { return fmt::format("<Plugin {} {}>", p.name, p.version); });

  py::class_<plugin::RefusedPlugin>(m, "RefusedPlugin", "A library that was found but not loaded, and why")
      .def_readonly("path", &plugin::RefusedPlugin::path)
      .def_readonly("reason", &plugin::RefusedPlugin::reason)
      .def("__str__", &plugin::RefusedPlugin::message)
      .def("__repr__", [](const plugin::RefusedPlugin& r) { return fmt::format("<RefusedPlugin {}>", r.message()); });

  py::class_<plugin::LoadReport>(m, "PluginReport", "What one load_plugins() call loaded and refused")
      .def_readonly("loaded", &plugin::LoadReport::loaded)
      .def_readonly("refused", &plugin::LoadReport::refused)
      .def("__repr__", [](const plugin::LoadReport& r) {
        return fmt::format("<PluginReport {} loaded, {} refused>", r.loaded.size(), r.refused.size());
      });

  m.def("_load_plugins", [](const std::vector<std::string>& paths, bool defaults) {
    plugin::LoadOptions options;
    options.explicit_paths = paths;
    options.use_environment = defaults;
    options.use_user_folder = defaults;
    options.use_system_folder = defaults;
    return plugin::load_plugins(options);
  }, py::arg("paths"), py::arg("defaults"));
  m.def("plugins", [] { return plugin::loaded_plugins().loaded; },
        "The plugins loaded in this process so far (at import and by load_plugins())");
}

}  // namespace mctpkit::python
