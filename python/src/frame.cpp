// Frame, Layer, Record and Diagnostic: the objects decode() and crafting hand out.

#include <fmt/format.h>
#include <pybind11/stl.h>

#include "handles.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/capture/packet_lines.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/craft/expression.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/output/filter.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit::python {

namespace {

const Registry& registry() { return default_registry(); }

// ---- frames -------------------------------------------------------------------------------------

Bytes frame_bytes(const FrameState& s) {
  if (s.decoded && !s.modified) return s.frame.data;
  return s.frame.build(registry());
}

// Calls fn with what a frame shows: a decoded frame itself; a crafted one as `mctpkit craft`
// shows it, built and decoded again, so that derived fields (lengths, checksums, message types,
// commands) show their values.
template <typename Fn>
auto with_shown(const Frame& frame, bool decoded, Fn fn) {
  if (decoded || frame.layers.empty()) return fn(frame);
  const LayerDef& first = frame.layers.front().def();
  Frame built = decode(frame.build(registry()), first, registry());
  built.link = std::string(first.id);
  return fn(built);
}

py::bytes as_py_bytes(const Bytes& b) { return py::bytes(reinterpret_cast<const char*>(b.data()), b.size()); }

// The names a layer answers to in frame["name"] (Frame::find's rule), for did-you-mean.
std::vector<std::string> known_layer_names() {
  std::vector<std::string> names;
  for (const LayerDef* d : registry().layers()) {
    names.emplace_back(d->id);
    if (!d->craft_name.empty()) names.emplace_back(d->craft_name);
    if (!d->abbrev.empty()) names.emplace_back(d->abbrev);
  }
  return names;
}

// The index of the layer `key` names in `frame`: a position, a name (id, craft name,
// abbreviation) or a generated layer class; nullopt when the frame has no such layer.
// UnknownName when a name is no layer at all.
std::optional<std::size_t> find_layer(const Frame& frame, py::handle key, std::size_t from = 0) {
  if (PyLong_Check(key.ptr())) {
    long long i = key.cast<long long>();
    long long n = static_cast<long long>(frame.layers.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw py::index_error(fmt::format("layer index out of range (the frame has {} layers)", n));
    return static_cast<std::size_t>(i);
  }
  if (PyUnicode_Check(key.ptr())) {
    std::string name = key.cast<std::string>();
    for (std::size_t i = from; i < frame.layers.size(); ++i) {
      const LayerDef& d = frame.layers[i].def();
      if (d.id == name || d.name_for_craft() == name || d.abbrev == name) return i;
    }
    if (registry().layers_named(name).empty() && name != kRawLayer.id) {
      bool is_abbrev = false;
      for (const LayerDef* d : registry().layers()) is_abbrev = is_abbrev || d->abbrev == name;
      if (!is_abbrev) {
        std::string hint = output::closest_name(name, known_layer_names());
        throw UnknownName(fmt::format("unknown layer '{}'{}", name, hint.empty() ? "" : fmt::format(" (did you mean {}?)", hint)));
      }
    }
    return std::nullopt;
  }
  if (PyType_Check(key.ptr()) && py::hasattr(key, "_layer_ids")) {
    py::tuple ids = key.attr("_layer_ids");
    for (std::size_t i = from; i < frame.layers.size(); ++i) {
      std::string_view id = frame.layers[i].def().id;
      for (py::handle want : ids) {
        if (want.cast<std::string_view>() == id) return i;
      }
    }
    return std::nullopt;
  }
  throw py::type_error("a layer is named by an index, a name such as \"mctp\", or a layer class");
}

std::string key_text(py::handle key) {
  if (PyType_Check(key.ptr())) return key.attr("__name__").cast<std::string>();
  return py::str(key).cast<std::string>();
}

py::object layer_or_raise(const FrameRef& state, py::handle key, std::size_t from = 0) {
  if (auto i = find_layer(state->frame, key, from)) return make_layer(state, static_cast<std::uint32_t>(*i));
  throw py::key_error(fmt::format("no {} layer in this frame", key_text(key)));
}

// ---- stacking -----------------------------------------------------------------------------------

// A layer built for `def` with the values set in `from` (when a crafted request or response is
// re-chosen on stacking).
Layer convert(const Layer& from, const LayerDef& def) {
  Layer to(def);
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from.value(i).state == FieldValue::State::Unset) continue;
    std::string_view name = from.defs()[i].name;
    std::size_t j = to.index_of(name);
    if (j == Fields::npos) unknown_field(to, name, def.id);
    to.value(j) = from.value(i);
  }
  return to;
}

void append_layer(Frame& frame, const Layer& layer, const std::string& craft_name) {
  if (!craft_name.empty() && !frame.layers.empty()) {
    const LayerDef* def = craft::resolve_layer(craft_name, frame, registry());
    if (def != nullptr && def != &layer.def()) {
      frame.layers.push_back(convert(layer, *def));
      return;
    }
  }
  frame.layers.push_back(layer);
}

// Appends an operand of '/': a frame (all its layers), a layer (it and the layers above it in
// its frame), or bytes (a Raw layer). False when the operand is none of these.
bool append_operand(Frame& frame, py::handle operand) {
  if (py::isinstance<PyFrame>(operand)) {
    for (const Layer& l : operand.cast<PyFrame&>().state->frame.layers) append_layer(frame, l, {});
    return true;
  }
  if (py::isinstance<PyLayer>(operand)) {
    const PyLayer& p = operand.cast<PyLayer&>();
    const std::vector<Layer>& layers = p.state->frame.layers;
    for (std::size_t i = p.layer; i < layers.size(); ++i) append_layer(frame, layers[i], i == p.layer ? p.craft_name : "");
    return true;
  }
  py::buffer_info keep;
  if (auto view = buffer_view(operand, keep)) {
    Layer raw(kRawLayer);
    raw.set("data", FieldArg(Bytes(view->begin(), view->end())));
    frame.layers.push_back(std::move(raw));
    return true;
  }
  return false;
}

py::object stack(py::handle lower, py::handle upper) {
  Frame frame;
  if (!append_operand(frame, lower) || !append_operand(frame, upper)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
  return make_frame(new_state(std::move(frame), false));
}

py::list fragment(const Frame& message, std::size_t mtu) {
  py::list out;
  for (Frame& f : mctp::fragment(message, mtu, registry())) out.append(make_frame(new_state(std::move(f), false)));
  return out;
}

Bytes layer_bytes(const PyLayer& p) {
  const FrameState& s = *p.state;
  const Layer& l = s.frame.layers[p.layer];
  if (s.decoded && !s.modified && l.offset + l.length <= s.frame.data.size()) {
    return Bytes(s.frame.data.begin() + static_cast<std::ptrdiff_t>(l.offset),
                 s.frame.data.begin() + static_cast<std::ptrdiff_t>(l.offset + l.length));
  }
  return tail_frame(p).build(registry());
}

// ---- field access -------------------------------------------------------------------------------

py::object get_field(const PyFields& self, const std::string& name) {
  const Fields& f = self.fields();
  std::size_t i = f.index_of(name);
  if (i == Fields::npos || f.defs()[i].kind == FieldKind::Payload) unknown_field(f, name, self.where());
  return field_to_python(self, i);
}

void set_attr(PyFields& self, const std::string& name, py::handle value) {
  set_field(self.fields(), name, value);
  self.state->modified = true;
}

py::list field_dir(const PyFields& self, py::handle type) {
  py::list names;
  for (const FieldDef& d : self.fields().defs()) {
    if (d.kind != FieldKind::Payload) names.append(py::str(d.name.data(), d.name.size()));
  }
  for (py::handle n : py::module_::import("builtins").attr("dir")(type)) names.append(n);
  return names;
}

py::dict fields_dict(const PyFields& self) {
  py::dict out;
  const Fields& f = self.fields();
  for (std::size_t i = 0; i < f.size(); ++i) {
    const FieldDef& d = f.defs()[i];
    if (d.kind == FieldKind::Payload || f.value(i).state == FieldValue::State::Absent) continue;
    py::object v = field_to_python(self, i);
    if (py::isinstance<py::list>(v)) {
      py::list items;
      for (py::handle r : v) items.append(fields_dict(r.cast<PyFields&>()));
      v = items;
    }
    out[py::str(d.name.data(), d.name.size())] = v;
  }
  return out;
}

std::string fields_repr(const PyFields& self, std::string_view name) {
  std::string text = fmt::format("<{}", name);
  const Fields& f = self.fields();
  for (std::size_t i = 0; i < f.size(); ++i) {
    const FieldDef& d = f.defs()[i];
    const FieldValue& v = f.value(i);
    if (d.kind == FieldKind::Payload || !v.is_set() || d.is_reserved) continue;
    text += fmt::format(" {}={}", d.name, d.kind == FieldKind::List ? fmt::format("[{} items]", v.items.size()) : format_value(d, v));
  }
  return text + ">";
}

py::object output_text(std::string text, bool dump) {
  if (dump) return py::str(text);
  py::print(text, py::arg("end") = "");
  return py::none();
}

py::object diagnostics_list(const Frame& frame) {
  py::list out;
  for (const Diagnostic& d : frame.diagnostics) out.append(py::cast(d));
  return out;
}

// A filter error's text with the expression and caret, without the final newline.
std::string filter_error_text(const output::FilterError& error) {
  std::string text = output::format_filter_error(error);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

Frame tail_frame(const PyLayer& layer) {
  Frame f;
  const std::vector<Layer>& layers = layer.state->frame.layers;
  f.layers.assign(layers.begin() + layer.layer, layers.end());
  return f;
}

FrameRef new_state(Frame frame, bool decoded) {
  auto s = std::make_shared<FrameState>();
  s->frame = std::move(frame);
  s->decoded = decoded;
  return s;
}

py::object make_frame(FrameRef state) {
  if (state->capture) {
    PyCaptured c;
    c.state = std::move(state);
    return py::cast(std::move(c));
  }
  return py::cast(PyFrame{std::move(state)});
}

py::object make_layer(const FrameRef& state, std::uint32_t index) {
  PyLayer view;
  view.state = state;
  view.layer = index;
  const LayerDef& def = state->frame.layers[index].def();
  PyObject* cls = PyDict_GetItemString(types().layer_classes.ptr(), std::string(def.id).c_str());
  if (cls == nullptr) return py::cast(std::move(view));
  py::handle type(cls);
  py::object object = type.attr("__new__")(type);
  py::type::of<PyLayer>().attr("__init__")(object, py::cast(std::move(view)));
  return object;
}

void bind_frame(py::module_& m) {
  py::class_<Diagnostic>(m, "Diagnostic", "A problem decoding found: kind, severity, layer, byte offset and text.")
      .def_property_readonly("kind", [](const Diagnostic& d) { return std::string(to_string(d.kind)); })
      .def_property_readonly("severity", [](const Diagnostic& d) { return std::string(to_string(d.severity)); })
      .def_readonly("layer", &Diagnostic::layer, "Index of the layer in the frame")
      .def_readonly("layer_id", &Diagnostic::layer_id)
      .def_readonly("offset", &Diagnostic::offset, "Byte offset in the decoded data")
      .def_readonly("text", &Diagnostic::text)
      .def("__str__", [](const Diagnostic& d) { return describe(d); })
      .def("__repr__", [](const Diagnostic& d) { return fmt::format("<Diagnostic {}>", describe(d)); });

  py::class_<PyFields>(m, "Fields", "Field access shared by layers and list elements.")
      .def("__getattr__", &get_field)
      .def("__setattr__", &set_attr)
      .def("__getitem__", &get_field, "The field called `name` (also for fields hidden by a method name)")
      .def("__setitem__", &set_attr)
      .def("__dir__", [](py::object self) { return field_dir(self.cast<PyFields&>(), self.get_type()); })
      .def("to_dict", &fields_dict, "The fields as a dict (lists of records as lists of dicts)")
      .def("field_names", [](const PyFields& self) {
        std::vector<std::string> names;
        for (const FieldDef& d : self.fields().defs()) {
          if (d.kind != FieldKind::Payload) names.emplace_back(d.name);
        }
        return names;
      }, "The names of the fields, in wire order");

  py::class_<PyRecord, PyFields>(m, "Record", "One element of a list field (a routing table entry, a PDR...).")
      .def("__repr__", [](const PyRecord& self) {
        const StructDef* s = self.fields().struct_def();
        return fields_repr(self, s ? s->name : "record");
      });

  py::class_<PyLayer, PyFields>(m, "Layer", R"(One layer of a frame, or a layer being crafted.

Fields are attributes (``layer.eid``); named values compare equal to their number and to their
name (``layer.op == "set"``, ``layer.op == 0``). Unset fields show their default, or None for
values worked out when the frame is built (lengths, counts, checksums, the message type and
command the layer above gives, TO from the request bit). Setting a field to None
unsets it; to mctpkit.ABSENT leaves an optional field out. Stack layers with ``/``.)")
      .def(py::init<const PyLayer&>())
      .def(py::init(&craft_layer), py::arg("name"),
           "Crafts the layer called `name` (a craft name or id) with the given fields")
      .def_property_readonly("layer_id", [](const PyLayer& self) { return std::string(self.state->frame.layers[self.layer].def().id); },
                             "The id of the layer's declaration (\"set_endpoint_id_req\")")
      .def_property_readonly("craft_name", [](const PyLayer& self) { return std::string(self.state->frame.layers[self.layer].def().name_for_craft()); })
      .def_property_readonly("title", [](const PyLayer& self) { return std::string(self.state->frame.layers[self.layer].def().heading()); })
      .def_property_readonly("offset", [](const PyLayer& self) { return self.state->frame.layers[self.layer].offset; },
                             "Where the layer starts in the decoded bytes")
      .def_property_readonly("length", [](const PyLayer& self) { return self.state->frame.layers[self.layer].length; })
      .def_property_readonly("complete", [](const PyLayer& self) { return self.state->frame.layers[self.layer].complete; })
      .def_property_readonly("frame", [](const PyLayer& self) { return make_frame(self.state); }, "The frame the layer belongs to")
      .def_property_readonly("payload", [](const PyLayer& self) -> py::object {
        if (self.layer + 1 >= self.state->frame.layers.size()) return py::none();
        return make_layer(self.state, self.layer + 1);
      }, "The next layer, or None")
      .def("summary", [](const PyLayer& self) {
        std::string out;
        render_summary(self.state->frame.layers[self.layer], out);
        return out;
      }, "This layer's part of the frame summary")
      .def("layer", [](const PyLayer& self, py::handle key) { return layer_or_raise(self.state, key, self.layer); },
           "The first layer from this one up that `key` names")
      .def("__bytes__", &layer_bytes)
      .def("__len__", [](const PyLayer& self) { return layer_bytes(self).size(); })
      .def("build", [](const PyLayer& self) { return as_py_bytes(tail_frame(self).build(registry())); },
           "Builds this layer and those above it")
      .def("show", [](const PyLayer& self, bool dump) {
        return output_text(with_shown(tail_frame(self), false, [](const Frame& f) { return output::tree(f); }), dump);
      },
           py::arg("dump") = false)
      .def("fragment", [](const PyLayer& self, std::size_t mtu) { return fragment(tail_frame(self), mtu); },
           py::arg("mtu") = mctp::kBaselineTransmissionUnit)
      .def("__truediv__", [](py::handle a, py::handle b) { return stack(a, b); }, py::is_operator())
      .def("__rtruediv__", [](py::handle a, py::handle b) { return stack(b, a); }, py::is_operator())
      .def("__repr__", [](py::handle self) {
        const PyLayer& l = self.cast<PyLayer&>();
        return fields_repr(l, self.get_type().attr("__name__").cast<std::string>());
      });

  py::class_<PyFrame>(m, "Frame", R"(A packet or message: its layers, outermost first, plus diagnostics.

``frame["pldm"]``, ``frame[mctpkit.layers.mctp]`` and ``frame.layer("mctp")`` give a layer
(KeyError when the frame has none); ``"nvme_mi" in frame`` tests; iterating gives the layers;
``len(frame)`` and ``bytes(frame)`` are its bytes (the decoded ones, or built when crafted or
changed).)")
      .def("summary", [](const PyFrame& f) {
        return with_shown(f.state->frame, f.state->decoded, [](const Frame& s) { return output::summary(s); });
      },
           "One line, as `mctpkit decode` prints it before any diagnostic markers (see markers())")
      .def("markers", [](const PyFrame& f) {
        return with_shown(f.state->frame, f.state->decoded, [](const Frame& s) { return output::markers(s); });
      },
           "The markers `mctpkit decode` prints after the summary for warnings and errors, such as\n"
           "' [bad PEC 0xF5, expected 0xF4]'; '' for a clean frame")
      .def("show", [](const PyFrame& f, bool dump) {
        return output_text(with_shown(f.state->frame, f.state->decoded, [](const Frame& s) { return output::tree(s); }), dump);
      },
           py::arg("dump") = false, "Prints the detailed tree (returns it instead with dump=True)")
      .def("hexdump", [](const PyFrame& f, bool dump) { return output_text(output::hexdump(frame_bytes(*f.state)), dump); },
           py::arg("dump") = false, "Prints offset, hex and ASCII lines (returns them with dump=True)")
      .def("json", [](const PyFrame& f) {
        return with_shown(f.state->frame, f.state->decoded, [](const Frame& s) { return output::json(s); });
      }, "The frame as one JSON object (text)")
      .def("to_dict", [](const PyFrame& f) {
        return py::module_::import("json").attr("loads")(
            with_shown(f.state->frame, f.state->decoded, [](const Frame& s) { return output::json(s); }));
      }, "The JSON form as Python dicts and lists")
      .def_property_readonly("diagnostics", [](const PyFrame& f) {
        return with_shown(f.state->frame, f.state->decoded, [](const Frame& s) { return diagnostics_list(s); });
      }, "What decoding found wrong (for a crafted frame: decoding what it builds)")
      .def_property_readonly("link", [](const PyFrame& f) { return f.state->frame.link; })
      .def_property_readonly("layers", [](const PyFrame& f) {
        py::list out;
        for (std::size_t i = 0; i < f.state->frame.layers.size(); ++i) out.append(make_layer(f.state, static_cast<std::uint32_t>(i)));
        return out;
      })
      .def_property_readonly("decoded", [](const PyFrame& f) { return f.state->decoded; }, "Whether the frame was decoded from bytes")
      .def("has_errors", [](const PyFrame& f) { return f.state->frame.has_errors(); })
      .def("__len__", [](const PyFrame& f) { return frame_bytes(*f.state).size(); })
      .def("__bytes__", [](const PyFrame& f) { return as_py_bytes(frame_bytes(*f.state)); })
      .def("build", [](const PyFrame& f) { return as_py_bytes(f.state->frame.build(registry())); },
           "Builds the layers (unset lengths, counts and checksums derived)")
      .def("__getitem__", [](const PyFrame& f, py::handle key) { return layer_or_raise(f.state, key); })
      .def("layer", [](const PyFrame& f, py::handle key) { return layer_or_raise(f.state, key); },
           "The first layer `key` (a name or a layer class) names; KeyError when none")
      .def("get", [](const PyFrame& f, py::handle key, py::object fallback) -> py::object {
        if (auto i = find_layer(f.state->frame, key)) return make_layer(f.state, static_cast<std::uint32_t>(*i));
        return fallback;
      }, py::arg("key"), py::arg("default") = py::none())
      .def("__contains__", [](const PyFrame& f, py::handle key) {
        try {
          return find_layer(f.state->frame, key).has_value();
        } catch (const UnknownName&) {
          return false;
        }
      })
      .def("__iter__", [](py::object self) { return py::iter(self.attr("layers")); })
      .def("fragment", [](const PyFrame& f, std::size_t mtu) { return fragment(f.state->frame, mtu); },
           py::arg("mtu") = mctp::kBaselineTransmissionUnit,
           "The packets that carry this message at transmission unit `mtu` (a list of frames)")
      .def("__truediv__", [](py::handle a, py::handle b) { return stack(a, b); }, py::is_operator())
      .def("__rtruediv__", [](py::handle a, py::handle b) { return stack(b, a); }, py::is_operator())
      .def("__repr__", [](const PyFrame& f) {
        return fmt::format("<Frame {}>", with_shown(f.state->frame, f.state->decoded, [](const Frame& s) { return output::summary(s); }));
      });

  py::class_<output::Filter>(m, "Filter", R"(A display filter ("mctp.src == 8 and not mctpc.cc"), the language of
`mctpkit analyze -Y`. ValueError, with the expression and a caret, when it cannot be parsed.)")
      .def(py::init([](const std::string& expression) {
        auto parsed = output::parse_filter(expression, &registry());
        if (auto* e = std::get_if<output::FilterError>(&parsed)) throw py::value_error(filter_error_text(*e));
        return std::get<output::Filter>(std::move(parsed));
      }), py::arg("expression"))
      .def("matches", [](const output::Filter& f, const PyFrame& frame) { return f.matches(frame.state->frame); })
      .def("__call__", [](const output::Filter& f, const PyFrame& frame) { return f.matches(frame.state->frame); })
      .def_property_readonly("expression", &output::Filter::text)
      .def("__repr__", [](const output::Filter& f) { return fmt::format("Filter('{}')", f.text()); });

  m.def("hexdump", [](py::handle data) {
    py::buffer_info keep;
    auto view = buffer_view(data, keep);
    if (!view) throw py::type_error("hexdump() takes bytes");
    return output::hexdump(*view);
  }, py::arg("data"), "Offset, hex and ASCII lines of the bytes");

  m.def(
      "decode",
      [](py::handle data, const std::string& link) {
        const Registry& r = registry();
        if (r.link(link) == nullptr) {
          std::vector<std::string> names;
          std::string list;
          for (const LinkDef& l : r.links()) {
            names.emplace_back(l.name);
            list += (list.empty() ? "" : ", ") + std::string(l.name);
          }
          std::string hint = output::closest_name(link, names);
          throw UnknownName(fmt::format("unknown link '{}'{}; links are: {}", link,
                                        hint.empty() ? "" : fmt::format(" (did you mean {}?)", hint), list));
        }
        if (PyUnicode_Check(data.ptr())) {
          capture::PacketLine line = capture::parse_packet_line(data.cast<std::string>(), link, r);
          if (line.kind != capture::PacketLine::Kind::Packet) {
            throw py::value_error(line.error.empty() ? std::string("no bytes given") : line.error);
          }
          return make_frame(new_state(decode(line.data, line.link, r), true));
        }
        py::buffer_info keep;
        auto view = buffer_view(data, keep);
        if (!view) throw py::type_error("decode() takes bytes, bytearray, memoryview or a hex string");
        return make_frame(new_state(decode(*view, link, r), true));
      },
      py::arg("data"), py::arg("link") = "mctp",
      R"(Decodes one packet. `data`: bytes, bytearray, memoryview, or hex text ("01 0b 0a",
"010b0a", "0x01 0x0b", "01:0b", optionally prefixed "smbus: "). `link` names what the bytes
start with (see mctpkit.links()). Never raises for bad bytes: problems are in .diagnostics.)");
}

}  // namespace mctpkit::python
