#pragma once
// The Python-side handles of the extension. A frame (decoded, crafted or read from a capture) is
// owned by a shared FrameState; layers and list elements are views into it (a layer index plus a
// path through list fields), so `pkt[mctp].tag = 3` changes `pkt`, as in Scapy.

#include <pybind11/pybind11.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mctpkit/core/frame.hpp"
#include "mctpkit/exerciser/exerciser.hpp"
#include "mctpkit/exerciser/requester.hpp"
#include "mctpkit/mctp/reassembly.hpp"

namespace mctpkit::python {

namespace py = pybind11;

/// Where a frame came from in a capture.
struct CaptureInfo {
  std::uint64_t number = 0;              // frame number of the packet (of the last packet, for a message)
  std::optional<std::int64_t> time_ns;   // UTC nanoseconds
  std::uint32_t link_type = 0;           // pcap link type of the record; 0 for messages and text dumps
  std::vector<std::size_t> packets;      // messages: the frame numbers of their packets
  bool message = false;
};

struct FrameState {
  Frame frame;
  bool decoded = false;   // frame.data holds the bytes the frame was decoded from
  bool modified = false;  // a field was changed after decoding: bytes() builds again
  std::optional<CaptureInfo> capture;
};
using FrameRef = std::shared_ptr<FrameState>;

struct PyFrame {
  FrameRef state;
};

/// A frame read from a capture: a packet, or a message reassembled from its packets.
struct PyCaptured : PyFrame {};

/// A view of one field table: a layer (empty path) or an element of a List field inside it.
struct PyFields {
  FrameRef state;
  std::uint32_t layer = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> path;  // (List field index, element index)

  /// The viewed fields; IndexError when the view no longer exists (a list was shortened).
  Fields& fields() const;
  /// "set_endpoint_id_req" or "set_endpoint_id_req.entries[2]", for messages.
  std::string where() const;
};

struct PyLayer : PyFields {
  /// Set for a layer crafted from a name several layers share (request and response): the
  /// layer is chosen again when it is stacked, from the keys of the layer below.
  std::string craft_name;
};

struct PyRecord : PyFields {};

/// A device opened from Python (open(), loopback_pair()). Shared, so that close() in one thread
/// cannot pull the device from under a call running in another (serve(), sr1() with the GIL
/// released): the call keeps its own reference until it returns.
struct PyExerciser {
  explicit PyExerciser(std::unique_ptr<exerciser::Exerciser> opened) : device(std::move(opened)) {}

  std::shared_ptr<exerciser::Exerciser> device;
  // Made on the first request; it keeps the tags and instance IDs in use per peer. It refers to
  // the device, so it holds a reference to it.
  std::shared_ptr<exerciser::Requester> requester;

  exerciser::Exerciser& get() {
    if (!device) throw py::value_error("the exerciser is closed");
    return *device;
  }
  /// The device, kept alive for a call that releases the GIL.
  std::shared_ptr<exerciser::Exerciser> hold() {
    get();
    return device;
  }
  /// The requester with the device it uses, kept alive for a call that releases the GIL.
  std::pair<std::shared_ptr<exerciser::Exerciser>, std::shared_ptr<exerciser::Requester>> hold_requester() {
    std::shared_ptr<exerciser::Exerciser> d = hold();
    if (!requester) requester = std::make_shared<exerciser::Requester>(*d, default_registry());
    return {d, requester};
  }
  void close() {
    requester.reset();
    device.reset();
  }
};

/// Python types the extension creates values of, handed over by the package at import.
struct PythonTypes {
  py::object enum_value;     // EnumValue(number, name)
  py::object unknown_name;   // UnknownNameError (a KeyError and an AttributeError)
  py::object absent;         // the ABSENT marker
  py::dict layer_classes;    // layer id -> generated Layer subclass
};
PythonTypes& types();

/// Raised as mctpkit.UnknownNameError.
class UnknownName : public std::exception {
 public:
  explicit UnknownName(std::string text) : text_(std::move(text)) {}
  const char* what() const noexcept override { return text_.c_str(); }

 private:
  std::string text_;
};

// ---- values (values.cpp) ----------------------------------------------------------------------
py::object field_to_python(const PyFields& owner, std::size_t index);
void set_field(Fields& fields, std::string_view name, py::handle value);
/// "unknown field 'eidd' of set_endpoint_id_req (did you mean eid?); its fields are: ..."
[[noreturn]] void unknown_field(const Fields& fields, std::string_view name, std::string_view owner);
/// Bytes from bytes, bytearray, memoryview or any buffer of bytes.
std::optional<ByteView> buffer_view(py::handle object, py::buffer_info& keep);

// ---- objects ------------------------------------------------------------------------------------
/// The Python object for layer `index` of `state`: an instance of its generated class.
py::object make_layer(const FrameRef& state, std::uint32_t index);
py::object make_frame(FrameRef state);
FrameRef new_state(Frame frame, bool decoded);
/// The layers [layer.layer, end) of the layer's frame as a frame of their own.
Frame tail_frame(const PyLayer& layer);
/// A crafted layer: the layer called `name` with `fields` set.
PyLayer craft_layer(const std::string& name, const py::kwargs& fields);

// ---- binding functions, one per file -----------------------------------------------------------
void bind_frame(py::module_& m);
void bind_craft(py::module_& m);
void bind_registry(py::module_& m);
void bind_capture(py::module_& m);
void bind_exerciser(py::module_& m);
void bind_endpoint(py::module_& m);
void bind_plugins(py::module_& m);

}  // namespace mctpkit::python
