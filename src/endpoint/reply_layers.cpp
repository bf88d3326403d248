// Building reply layers from the registry's declarations, and the control and PLDM response
// headers every handler starts its reply with.

#include <fmt/format.h>

#include <stdexcept>

#include "detail/handlers.hpp"

namespace mctpkit::endpoint::detail {

const LayerDef& layer_def(const Registry& registry, std::string_view id) {
  const LayerDef* def = registry.layer(id);
  if (!def) throw std::logic_error(fmt::format("endpoint: layer '{}' is not registered", id));
  return *def;
}

Layer make(const Registry& registry, std::string_view id, std::initializer_list<FieldInit> init) {
  return Layer(layer_def(registry, id), init);
}

Layer raw_layer(ByteView bytes) {
  Layer raw(kRawLayer);
  raw.set("data", Bytes(bytes.begin(), bytes.end()));
  return raw;
}

namespace {

Frame with_body(Layer header, std::uint8_t cc, std::optional<Layer> body) {
  Frame reply(std::move(header));
  if (body && cc == kCcSuccess) reply.layers.push_back(std::move(*body));
  return reply;
}

}  // namespace

Frame control_reply(const Request& request, std::uint8_t cc, std::optional<Layer> body) {
  Layer header = make(request.registry, "control",
                      {{"rq", 0}, {"d", 0}, {"iid", request.header.num("iid")},
                       {"command", request.header.num("command")}, {"cc", cc}});
  return with_body(std::move(header), cc, std::move(body));
}

Frame pldm_reply(const Request& request, std::uint8_t cc, std::optional<Layer> body) {
  Layer header = make(request.registry, "pldm",
                      {{"rq", 0}, {"d", 0}, {"iid", request.header.num("iid")}, {"hdr_ver", 0},
                       {"type", request.header.num("type")}, {"command", request.header.num("command")}, {"cc", cc}});
  return with_body(std::move(header), cc, std::move(body));
}

}  // namespace mctpkit::endpoint::detail
