// Field values between C++ and Python: numbers (named ones as EnumValue), bytes, lists of
// records; and the Python values crafting accepts.

#include <fmt/format.h>

#include <stdexcept>

#include "handles.hpp"
#include "mctpkit/craft/expression.hpp"
#include "mctpkit/output/filter.hpp"

namespace mctpkit::python {

PythonTypes& types() {
  static auto* t = new PythonTypes();  // lives as long as the interpreter may call in
  return *t;
}

Fields& PyFields::fields() const {
  if (layer >= state->frame.layers.size()) throw std::out_of_range("the layer is no longer in its frame");
  Fields* f = &state->frame.layers[layer];
  for (const auto& [field, element] : path) {
    std::vector<Fields>& items = f->value(field).items;
    if (element >= items.size()) throw std::out_of_range("the list element is no longer in its list");
    f = &items[element];
  }
  return *f;
}

std::string PyFields::where() const {
  std::string text(state->frame.layers[layer].def().id);
  const Fields* f = &state->frame.layers[layer];
  for (const auto& [field, element] : path) {
    text += fmt::format(".{}[{}]", f->defs()[field].name, element);
    f = &f->value(field).items[element];
  }
  return text;
}

void unknown_field(const Fields& fields, std::string_view name, std::string_view owner) {
  std::vector<std::string> names;
  for (const FieldDef& d : fields.defs()) {
    if (d.kind != FieldKind::Payload) names.emplace_back(d.name);
  }
  std::string hint = output::closest_name(name, names);
  throw UnknownName(fmt::format("{} has no field '{}'{}; its fields are: {}", owner, name,
                                hint.empty() ? "" : fmt::format(" (did you mean {}?)", hint), fields.field_names()));
}

namespace {

py::object number_to_python(const FieldDef& def, std::uint64_t number) {
  if (!def.enums.empty() && def.display != Display::Flags) {
    for (const EnumEntry& e : def.enums) {
      if (e.value == number) return types().enum_value(number, py::str(e.name.data(), e.name.size()));
    }
  }
  return py::int_(number);
}

py::bytes to_bytes(const Bytes& b) { return py::bytes(reinterpret_cast<const char*>(b.data()), b.size()); }


std::vector<Fields> list_from_python(const FieldDef& def, py::handle value, std::string_view owner) {
  std::vector<Fields> items;
  for (py::handle element : value) {
    if (py::isinstance<PyFields>(element)) {
      items.push_back(element.cast<PyFields&>().fields());
      continue;
    }
    Fields item(*def.element);
    if (py::isinstance<py::dict>(element)) {
      for (auto [k, v] : element.cast<py::dict>()) set_field(item, k.cast<std::string>(), v);
    } else {
      std::string_view only = craft::single_settable_field(*def.element);
      if (only.empty()) {
        throw std::invalid_argument(fmt::format(
            "{}.{}: elements have several fields: give dicts of field=value (or records)", owner, def.name));
      }
      set_field(item, only, element);
    }
    items.push_back(std::move(item));
  }
  return items;
}

// Whether a build works out the field when it is left unset: a derived value (length, count,
// checksum), a default that follows the stack (TO from the request), or a key of the layer's
// dispatch (message type, command code), which the layer stacked on it gives.
bool worked_out_at_build(const PyFields& owner, const FieldDef& def) {
  if (def.is_derived() || def.default_by_fn != nullptr) return true;
  if (!owner.path.empty()) return false;  // a list element dispatches nothing
  for (std::string_view key : owner.state->frame.layers[owner.layer].def().next.key) {
    if (key == def.name) return true;
  }
  return false;
}

}  // namespace

py::object field_to_python(const PyFields& owner, std::size_t index) {
  const Fields& f = owner.fields();
  const FieldDef& def = f.defs()[index];
  const FieldValue& v = f.value(index);
  if (v.state == FieldValue::State::Absent) return py::none();
  if (v.state == FieldValue::State::Unset && worked_out_at_build(owner, def)) return py::none();
  switch (def.kind) {
    case FieldKind::UInt:
    case FieldKind::Bits:
      return number_to_python(def, v.is_set() ? v.number : def.default_value);
    case FieldKind::Bytes:
      return to_bytes(v.bytes);
    case FieldKind::List: {
      py::list out;
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        PyRecord r;
        r.state = owner.state;
        r.layer = owner.layer;
        r.path = owner.path;
        r.path.emplace_back(static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(i));
        out.append(py::cast(std::move(r)));
      }
      return out;
    }
    case FieldKind::Payload:
      break;
  }
  return py::none();
}

std::optional<ByteView> buffer_view(py::handle object, py::buffer_info& keep) {
  if (!PyObject_CheckBuffer(object.ptr())) return std::nullopt;
  keep = py::reinterpret_borrow<py::buffer>(object).request();
  if (keep.ndim > 1 || (keep.itemsize != 1 && keep.size > 0)) {
    throw py::type_error("expected bytes, bytearray or a memoryview of bytes");
  }
  return ByteView(static_cast<const std::uint8_t*>(keep.ptr), static_cast<std::size_t>(keep.size));
}

void set_field(Fields& fields, std::string_view name, py::handle value) {
  std::size_t index = fields.index_of(name);
  if (index == Fields::npos || fields.defs()[index].kind == FieldKind::Payload) {
    unknown_field(fields, name, fields.owner());
  }
  const FieldDef& def = fields.defs()[index];
  if (value.is_none()) {
    fields.value(index) = FieldValue{};  // unset: default or derived at build time
    return;
  }
  if (value.is(types().absent)) {
    fields.set_absent(name);
    return;
  }
  if (PyLong_Check(value.ptr())) {
    int overflow = 0;
    long long signed_value = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow < 0 || (overflow == 0 && signed_value < 0)) {
      throw std::invalid_argument(fmt::format("{}.{}: negative values cannot be encoded", fields.owner(), name));
    }
    unsigned long long number = PyLong_AsUnsignedLongLong(value.ptr());
    if (PyErr_Occurred()) {
      PyErr_Clear();
      throw std::invalid_argument(fmt::format("{}.{}: value does not fit in 64 bits", fields.owner(), name));
    }
    fields.set(name, FieldArg(static_cast<std::uint64_t>(number)));
    return;
  }
  if (PyUnicode_Check(value.ptr())) {
    std::string text = value.cast<std::string>();
    if (def.kind == FieldKind::Bytes && def.display == Display::Ascii) {
      fields.set(name, FieldArg(Bytes(text.begin(), text.end())));
    } else {
      fields.set(name, FieldArg(std::string_view(text)));
    }
    return;
  }
  py::buffer_info keep;
  if (auto view = buffer_view(value, keep)) {
    fields.set(name, FieldArg(Bytes(view->begin(), view->end())));
    return;
  }
  if (def.kind == FieldKind::List && (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value))) {
    fields.set(name, FieldArg(list_from_python(def, value, fields.owner())));
    return;
  }
  throw py::type_error(fmt::format("{}.{}: cannot use a value of type {}", fields.owner(), name,
                                   std::string(py::str(value.get_type().attr("__name__")))));
}

}  // namespace mctpkit::python
