#include "exerciser/detail/request_prepare.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "mctpkit/mctp/fragment.hpp"

namespace mctpkit::exerciser::detail {

namespace {

// Index of `name` in `layer` when the field exists and the caller left it unset.
std::size_t unset_field(const Layer& layer, std::string_view name) {
  const std::size_t i = layer.index_of(name);
  if (i == Fields::npos || layer.value(i).state != FieldValue::State::Unset) return Fields::npos;
  return i;
}

void set_if_unset(Layer& layer, std::string_view name, std::optional<std::uint64_t> value) {
  const std::size_t i = unset_field(layer, name);
  if (i != Fields::npos && value) layer.set_number(i, *value);
}

// Index of the field called exactly `name` when the caller left it unset (SMBus's destination
// is also known as "addr"; I3C's target address is the field of that name).
std::size_t unset_own_field(const Layer& layer, std::string_view name) {
  const auto defs = layer.defs();
  for (std::size_t i = 0; i < defs.size(); ++i) {
    if (defs[i].name == name) return layer.value(i).state == FieldValue::State::Unset ? i : Fields::npos;
  }
  return Fields::npos;
}

}  // namespace

std::uint8_t IdAllocator::tag(std::uint8_t local, std::uint8_t remote) {
  std::uint8_t& next = tags_[{local, remote}];
  const std::uint8_t t = next;
  next = static_cast<std::uint8_t>((next + 1) & 0x07);
  return t;
}

std::uint64_t IdAllocator::instance_id(std::uint8_t local, std::uint8_t remote, std::string_view layer, std::uint64_t modulo) {
  std::uint64_t& next = iids_[{local, remote, std::string(layer)}];
  const std::uint64_t id = next % modulo;
  next = (id + 1) % modulo;
  return id;
}

Frame prepare_frame(Frame frame, const Exerciser& exerciser, const Registry& registry, IdAllocator& ids, bool as_request) {
  std::size_t m = mctp::transport_index(frame);
  if (m == frame.layers.size()) {
    throw std::invalid_argument("the message has no mctp(...) layer: write it from mctp(dst=..,src=..) up");
  }
  const LinkDef* link = registry.link(exerciser.link());
  if (link == nullptr) throw std::invalid_argument(fmt::format("the exerciser's link '{}' is not known", exerciser.link()));
  const bool bare = link->first->id == frame.layers[m].def().id;
  if (m == 0 && !bare) {
    frame.layers.insert(frame.layers.begin(), Layer(*link->first));
    m = 1;
  } else if (m > 0 && (bare || &frame.layers[0].def() != link->first)) {
    throw std::invalid_argument(fmt::format("the message starts with {}(...) but the exerciser carries {} frames ({})",
                                            frame.layers[0].def().name_for_craft(), link->name,
                                            bare ? std::string_view("no binding layer") : link->first->name_for_craft()));
  }
  if (m > 0) {
    set_if_unset(frame.layers[0], "dst", exerciser.peer_address());
    set_if_unset(frame.layers[0], "src", exerciser.own_address());
    // A binding that names one address and a direction (I3C) names the target's: the exercisers
    // of such links are targets, and what a target sends the controller reads (RnW=1), which
    // the PEC covers (DSP0233).
    Layer& binding = frame.layers[0];
    if (const std::size_t addr = unset_own_field(binding, "addr"); addr != Fields::npos && exerciser.own_address()) {
      binding.set_number(addr, *exerciser.own_address());
    }
    if (const std::size_t rnw = unset_own_field(binding, "rnw"); rnw != Fields::npos) binding.set_number(rnw, 1);
  }
  if (!as_request) return frame;

  Layer& transport = frame.layers[m];
  const auto local = static_cast<std::uint8_t>(transport.num("src"));
  const auto remote = static_cast<std::uint8_t>(transport.num("dst"));
  set_if_unset(transport, "to", 1);
  if (unset_field(transport, "tag") != Fields::npos) set_if_unset(transport, "tag", ids.tag(local, remote));
  for (std::size_t i = m + 1; i < frame.layers.size(); ++i) {
    Layer& layer = frame.layers[i];
    set_if_unset(layer, "rq", 1);
    const std::size_t iid = unset_field(layer, "iid");
    if (iid == Fields::npos) continue;
    const FieldDef& def = layer.defs()[iid];
    const unsigned bits = def.kind == FieldKind::Bits ? def.width : 8u * def.width;
    const std::uint64_t modulo = bits >= 64 ? ~std::uint64_t{0} : std::uint64_t{1} << bits;
    layer.set_number(iid, ids.instance_id(local, remote, layer.def().id, modulo));
  }
  return frame;
}

bool awaits_own_address(const Frame& frame, const Exerciser& exerciser, const Registry& registry) {
  if (exerciser.own_address()) return false;
  const LinkDef* link = registry.link(exerciser.link());
  if (link == nullptr || frame.layers.empty()) return false;
  if (&frame.layers[0].def() == link->first) return unset_own_field(frame.layers[0], "addr") != Fields::npos;
  return mctp::transport_index(frame) == 0 && unset_own_field(Layer(*link->first), "addr") != Fields::npos;
}

}  // namespace mctpkit::exerciser::detail
