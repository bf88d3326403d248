// Endpoint emulation from Python: a Responder built from a configuration (the JSON of
// docs/endpoint.md, given as a dict, JSON text or a file path), answering frames one at a time
// or serving an exerciser until a stop condition.

#include <pybind11/stl.h>

#include <chrono>

#include "handles.hpp"
#include "mctpkit/endpoint/config.hpp"
#include "mctpkit/endpoint/responder.hpp"

namespace mctpkit::python {

namespace {

endpoint::Config config_from(py::handle config) {
  if (py::isinstance<py::dict>(config)) {
    std::string text = py::module_::import("json").attr("dumps")(config).cast<std::string>();
    return endpoint::parse_config(text);
  }
  if (py::isinstance<py::str>(config)) {
    std::string text = config.cast<std::string>();
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') return endpoint::parse_config(text);
    return endpoint::load_config(text);
  }
  if (py::hasattr(config, "__fspath__")) return endpoint::load_config(py::str(config.attr("__fspath__")()).cast<std::string>());
  throw py::type_error("a configuration is a dict, JSON text or the path of a JSON file");
}

}  // namespace

void bind_endpoint(py::module_& m) {
  py::register_exception<endpoint::ConfigError>(m, "ConfigError", PyExc_ValueError);

  py::class_<endpoint::Responder>(m, "Responder", R"(Emulated MCTP endpoints (control, PLDM terminus, canned replies) from a
configuration: a dict, JSON text or a file path, as `mctpkit endpoint --config` reads (see
docs/endpoint.md). `link` is the link of the frames it takes and gives ("smbus", "mctp",
"serial"...). A bad configuration raises ConfigError (a ValueError) naming the key.)")
      .def(py::init([](py::handle config, const std::string& link) {
        return std::make_unique<endpoint::Responder>(config_from(config), link, default_registry());
      }), py::arg("config"), py::arg("link") = "smbus")
      .def("handle", [](endpoint::Responder& r, py::handle frame) {
        py::buffer_info keep;
        auto view = buffer_view(frame, keep);
        if (!view) throw py::type_error("handle() takes the bytes of one received frame");
        py::list out;
        for (const endpoint::Outgoing& o : r.handle(*view)) {
          for (const Bytes& f : o.frames) out.append(py::bytes(reinterpret_cast<const char*>(f.data()), f.size()));
        }
        return out;
      }, py::arg("frame"), "Takes one received frame; returns the frames of the reply (empty when nothing answers it)")
      .def("serve", [](endpoint::Responder& r, PyExerciser& exerciser, std::size_t max_requests, std::optional<double> duration) {
        std::shared_ptr<exerciser::Exerciser> device = exerciser.hold();
        endpoint::ServeOptions options;
        options.max_requests = max_requests;
        if (duration) {
          if (*duration < 0) throw py::value_error("the duration cannot be negative");
          options.duration = std::chrono::milliseconds(static_cast<std::int64_t>(*duration * 1000.0 + 0.5));
        }
        if (max_requests == 0 && !duration) throw py::value_error("serve() needs max_requests or a duration to stop");
        py::gil_scoped_release unlocked;
        return endpoint::serve(*device, r, options);
      }, py::arg("exerciser"), py::arg("max_requests") = 0, py::arg("duration") = py::none(),
           "Answers requests arriving on `exerciser` until `max_requests` are answered or `duration` seconds pass; returns the count")
      .def("add_replay", [](endpoint::Responder& r, const std::string& capture) { r.add_canned(endpoint::mine_capture(capture)); },
           py::arg("capture"), "Adds the request/response pairs of a capture as canned replies (as --replay does)")
      .def_property_readonly("eids", &endpoint::Responder::eids, "The endpoints' present EIDs, in configuration order");
}

}  // namespace mctpkit::python
