#include "mctpkit/core/layer.hpp"

namespace mctpkit {

Layer::Layer(const LayerDef& def) : Fields(def.fields, def.id), def_(&def) {}

Layer::Layer(const LayerDef& def, std::initializer_list<FieldInit> init) : Layer(def) {
  for (const auto& [name, value] : init) set(name, value);
}

void Layer::reset(const LayerDef& def, std::vector<Fields>* spare_items) {
  Fields::reset(def.fields, def.id, spare_items);
  def_ = &def;
  offset = 0;
  length = 0;
  complete = true;
}

void Layer::assign(const Layer& other) {
  Fields::assign(other);
  def_ = other.def_;
  offset = other.offset;
  length = other.length;
  complete = other.complete;
}

bool Layer::is_placeholder() const {
  if (size() == 0 || length != 0) return false;
  for (std::size_t i = 0; i < size(); ++i) {
    if (value(i).state != FieldValue::State::Absent) return false;
  }
  return true;
}

namespace {
constexpr FieldDef kRawFields[] = {bytes("data").titled("Data")};
}  // namespace

const LayerDef kRawLayer{
    .id = "raw",
    .title = "Raw data",
    .abbrev = "raw",
    .fields = kRawFields,
    .summary_fn = [](const Layer&, std::string& out) { out += "Raw"; },
};

}  // namespace mctpkit
