#include "mctpkit/core/layer.hpp"

namespace mctpkit {

Layer::Layer(const LayerDef& def) : Fields(def.fields, def.id), def_(&def) {}

Layer::Layer(const LayerDef& def, std::initializer_list<FieldInit> init) : Layer(def) {
  for (const auto& [name, value] : init) set(name, value);
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
