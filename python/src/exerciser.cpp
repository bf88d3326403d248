// Devices from Python: the exerciser registry, open(spec) and in-process loopback pairs.

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <chrono>

#include "handles.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::python {

namespace {

struct PyExerciser {
  std::unique_ptr<exerciser::Exerciser> device;

  exerciser::Exerciser& get() {
    if (!device) throw py::value_error("the exerciser is closed");
    return *device;
  }
};

Bytes wire_bytes(py::handle packet) {
  py::buffer_info keep;
  if (auto view = buffer_view(packet, keep)) return Bytes(view->begin(), view->end());
  if (py::isinstance<PyFrame>(packet) || py::isinstance<PyLayer>(packet)) {
    py::bytes b = packet.attr("__bytes__")();
    std::string_view v = b;
    return Bytes(v.begin(), v.end());
  }
  throw py::type_error("send() takes a frame, a layer or bytes");
}

std::chrono::milliseconds millis(double seconds) {
  if (seconds < 0) throw py::value_error("the timeout cannot be negative");
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000.0 + 0.5));
}

py::object decoded(exerciser::Exerciser& device, std::optional<Bytes> wire) {
  if (!wire) return py::none();
  return make_frame(new_state(decode(*wire, std::string(device.link())), true));
}

}  // namespace

void bind_exerciser(py::module_& m) {
  static py::exception<exerciser::TransportError> transport_error(m, "TransportError", PyExc_OSError);

  py::class_<exerciser::ExerciserInfo>(m, "ExerciserInfo", "One kind of exerciser: name, description, option syntax, owner")
      .def_readonly("name", &exerciser::ExerciserInfo::name)
      .def_readonly("description", &exerciser::ExerciserInfo::description)
      .def_readonly("syntax", &exerciser::ExerciserInfo::syntax)
      .def_readonly("owner", &exerciser::ExerciserInfo::owner)
      .def("__repr__", [](const exerciser::ExerciserInfo& i) { return fmt::format("<ExerciserInfo {}: {}>", i.name, i.syntax); });

  py::class_<PyExerciser>(m, "Exerciser", R"(A transport to a device: send() puts one binding frame on the wire, recv() waits for one.
Use it as a context manager, or call close().)")
      .def_property_readonly("link", [](PyExerciser& e) { return std::string(e.get().link()); })
      .def_property_readonly("mtu", [](PyExerciser& e) { return e.get().mtu(); })
      .def("fileno", [](PyExerciser& e) { return e.get().fd(); })
      .def_property_readonly("own_address", [](PyExerciser& e) { return e.get().own_address(); })
      .def_property_readonly("peer_address", [](PyExerciser& e) { return e.get().peer_address(); })
      .def("send", [](PyExerciser& e, py::handle packet) { e.get().send(wire_bytes(packet)); }, py::arg("packet"),
           "Sends one whole binding frame: a crafted frame or layer (built), or bytes")
      .def("try_recv", [](PyExerciser& e) { return decoded(e.get(), e.get().try_recv()); },
           "A received frame, decoded as the exerciser's link, or None without waiting")
      .def("recv", [](PyExerciser& e, double timeout) {
        exerciser::Exerciser& device = e.get();
        std::optional<Bytes> wire;
        {
          py::gil_scoped_release unlocked;
          wire = exerciser::recv(device, millis(timeout));
        }
        return decoded(device, std::move(wire));
      }, py::arg("timeout") = 1.0, "Waits up to `timeout` seconds for one frame; None on timeout")
      .def("sr1", [](PyExerciser&, py::handle, double) -> py::object {
        throw py::value_error("sr1 is not supported yet: the requester is not part of this build");
      }, py::arg("packet"), py::arg("timeout") = 1.0)
      .def("close", [](PyExerciser& e) { e.device.reset(); })
      .def_property_readonly("closed", [](const PyExerciser& e) { return !e.device; })
      .def("__enter__", [](py::object self) { return self; })
      .def("__exit__", [](PyExerciser& e, py::handle, py::handle, py::handle) { e.device.reset(); });

  m.def("exercisers", [] {
    std::vector<exerciser::ExerciserInfo> out;
    for (const exerciser::ExerciserInfo* i : exerciser::default_exercisers().list()) out.push_back(*i);
    return out;
  }, "The exerciser kinds open() knows, sorted by name");
  m.def("open", [](const std::string& spec) { return PyExerciser{exerciser::open(spec)}; }, py::arg("spec"),
        R"(Opens the exerciser `spec` names ("serial:/dev/ttyUSB0,baud=115200", "qemu-i2c:in=5558,out=5559,...").
ValueError for an unknown kind or bad options, TransportError (an OSError) when it cannot be opened.)");
  m.def("loopback_pair", [](const std::string& link, std::size_t mtu) {
    auto [a, b] = exerciser::loopback_pair(link, mtu);
    return py::make_tuple(PyExerciser{std::move(a)}, PyExerciser{std::move(b)});
  }, py::arg("link") = "mctp", py::arg("mtu") = 64,
     "Two exercisers joined back to back in this process: what one sends, the other receives");
}

}  // namespace mctpkit::python
