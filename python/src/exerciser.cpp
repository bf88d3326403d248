// Devices from Python: the exerciser registry, open(spec) and in-process loopback pairs.

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <chrono>

#include "handles.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/exerciser/exerciser.hpp"
#include "mctpkit/exerciser/requester.hpp"

namespace mctpkit::python {

namespace {


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

// A request as the requester takes it: a crafted or decoded frame, a layer (with the layers
// stacked on it), or bytes decoded as the exerciser's link.
Frame request_frame(exerciser::Exerciser& device, py::handle packet) {
  if (py::isinstance<PyFrame>(packet)) return packet.cast<const PyFrame&>().state->frame;
  if (py::isinstance<PyLayer>(packet)) return tail_frame(packet.cast<const PyLayer&>());
  py::buffer_info keep;
  if (auto view = buffer_view(packet, keep)) return decode(*view, std::string(device.link()));
  throw py::type_error("sr1() and request() take a frame, a layer or bytes");
}

exerciser::RequestOptions request_options(std::optional<double> timeout, std::optional<int> retries) {
  exerciser::RequestOptions options;
  if (timeout) options.timeout = millis(*timeout);
  if (retries && *retries < 0) throw py::value_error("retries cannot be negative");
  options.retries = retries;
  return options;
}

exerciser::Exchange run_request(PyExerciser& e, py::handle packet, std::optional<double> timeout,
                                std::optional<int> retries) {
  auto [device, requester] = e.hold_requester();
  Frame request = request_frame(*device, packet);
  exerciser::RequestOptions options = request_options(timeout, retries);
  py::gil_scoped_release unlocked;
  return requester->request(std::move(request), options);
}

py::list packets_list(const std::vector<Bytes>& packets) {
  py::list out;
  for (const Bytes& p : packets) out.append(py::bytes(reinterpret_cast<const char*>(p.data()), p.size()));
  return out;
}

py::object decoded(exerciser::Exerciser& device, std::optional<Bytes> wire) {
  if (!wire) return py::none();
  return make_frame(new_state(decode(*wire, std::string(device.link())), true));
}

}  // namespace

void bind_exerciser(py::module_& m) {
  py::register_exception<exerciser::TransportError>(m, "TransportError", PyExc_OSError);

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
        std::shared_ptr<exerciser::Exerciser> device = e.hold();
        std::chrono::milliseconds wait = millis(timeout);
        std::optional<Bytes> wire;
        {
          py::gil_scoped_release unlocked;
          wire = exerciser::recv(*device, wait);
        }
        return decoded(*device, std::move(wire));
      }, py::arg("timeout") = 1.0, "Waits up to `timeout` seconds for one frame; None on timeout")
      .def("sr1", [](PyExerciser& e, py::handle packet, std::optional<double> timeout, std::optional<int> retries) -> py::object {
        exerciser::Exchange exchange = run_request(e, packet, timeout, retries);
        bool answered = exchange.outcome == exerciser::Outcome::Response || exchange.outcome == exerciser::Outcome::ErrorCompletion;
        if (!answered || !exchange.response) return py::none();
        return make_frame(new_state(std::move(*exchange.response), true));
      }, py::arg("packet"), py::arg("timeout") = py::none(), py::arg("retries") = py::none(),
           R"(Sends a request and returns the response message that answers it (reassembled, decoded), or
None when nothing answered within `timeout` seconds and `retries` further tries (both default to
the binding's timing). What the request lacks is filled in: the binding layer and addresses, TO,
a free tag, rq and instance IDs. request() gives the whole exchange instead.)")
      .def("request", [](PyExerciser& e, py::handle packet, std::optional<double> timeout, std::optional<int> retries) {
        return run_request(e, packet, timeout, retries);
      }, py::arg("packet"), py::arg("timeout") = py::none(), py::arg("retries") = py::none(),
           "As sr1(), but returns the Exchange: outcome, request, response, packets, latency and tries")
      .def("close", [](PyExerciser& e) { e.close(); })
      .def_property_readonly("closed", [](const PyExerciser& e) { return !e.device; })
      .def("__enter__", [](py::object self) { return self; })
      .def("__exit__", [](PyExerciser& e, py::handle, py::handle, py::handle) { e.close(); });

  py::class_<exerciser::Exchange>(m, "Exchange", "One request and what answered it (Exerciser.request())")
      .def_property_readonly("outcome", [](const exerciser::Exchange& x) { return std::string(exerciser::to_string(x.outcome)); },
                             R"("response", "error completion", "no response" or "unexpected response")")
      .def_property_readonly("answered", [](const exerciser::Exchange& x) {
        return x.outcome == exerciser::Outcome::Response || x.outcome == exerciser::Outcome::ErrorCompletion;
      }, "True when a matching response came back (with or without an error completion code)")
      .def_property_readonly("request", [](const exerciser::Exchange& x) { return make_frame(new_state(x.request, false)); },
                             "The request as sent (the binding layer added, the tag and instance IDs filled in)")
      .def_property_readonly("response", [](const exerciser::Exchange& x) -> py::object {
        if (!x.response) return py::none();
        return make_frame(new_state(*x.response, true));
      }, "The response message, decoded, or None")
      .def_property_readonly("request_packets", [](const exerciser::Exchange& x) { return packets_list(x.request_packets); })
      .def_property_readonly("response_packets", [](const exerciser::Exchange& x) { return packets_list(x.response_packets); })
      .def_property_readonly("latency", [](const exerciser::Exchange& x) { return static_cast<double>(x.latency.count()) / 1e6; },
                             "Seconds from the last packet sent to the last packet received")
      .def_readonly("tries", &exerciser::Exchange::tries)
      .def_readonly("detail", &exerciser::Exchange::detail)
      .def_readonly("unexpected", &exerciser::Exchange::unexpected)
      .def_readonly("completion_code", &exerciser::Exchange::completion_code)
      .def("__repr__", [](const exerciser::Exchange& x) {
        return fmt::format("<Exchange {}: {}>", exerciser::to_string(x.outcome), x.detail);
      });

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
