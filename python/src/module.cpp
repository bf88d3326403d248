// The extension module `mctpkit._mctpkit`: bindings of the library's calls. The Python package
// `mctpkit` (python/mctpkit) builds the user-facing API on it.

#include "handles.hpp"

PYBIND11_MODULE(_mctpkit, m) {
  namespace py = pybind11;
  using namespace mctpkit::python;
  m.doc() = "Bindings of the mctpkit C++ library (use the `mctpkit` package)";
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const UnknownName& e) {
      PyErr_SetString(types().unknown_name ? types().unknown_name.ptr() : PyExc_KeyError, e.what());
    }
  });
  bind_frame(m);
  bind_craft(m);
  bind_registry(m);
  bind_capture(m);
  bind_exerciser(m);
  bind_endpoint(m);
  bind_plugins(m);
}
