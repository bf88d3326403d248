// Frame::build: serializes a layer stack, payload first, deriving what was left unset.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <type_traits>

#include "core/detail/field_walk.hpp"
#include "core/detail/layer_plan.hpp"
#include "core/detail/layer_pool.hpp"
#include "core/detail/per_thread.hpp"
#include "mctpkit/core/limits.hpp"
#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {

namespace {

// Writes the fixed prefix of a layer (LayerPlan::prefix_fields: numbers that are always there and
// fill whole bytes, as the registry's plan found them) with no walk from field to field: no
// conditions to test, and each value's width and byte order from its step. Writes nothing and
// returns false when a value needs the walk: absent, left to be derived, or too wide (which the
// walk refuses, or masks for bit fields, as it always has).
bool encode_prefix(const detail::LayerPlan& plan, const Fields& fields, Bytes& out) {
  std::array<std::uint8_t, detail::LayerPlan::kPrefixWindow> window;
  if (plan.prefix_bytes > window.size()) return false;  // a plan keeps its prefix within the window
  std::uint8_t* at = window.data();
  std::uint64_t bits = 0;  // bit fields not yet making a whole byte: fewer than 8 bits
  unsigned bit_count = 0;
  const auto defs = fields.defs();
  for (std::size_t i = 0; i < plan.prefix_fields; ++i) {
    const FieldDef& f = defs[i];
    const FieldValue& v = fields.value(i);
    if (v.state == FieldValue::State::Absent || (!v.is_set() && f.is_derived())) return false;
    const detail::FieldStep& step = plan.steps[i];
    const std::uint64_t n = v.is_set() ? v.number : f.default_value;
    if ((n & ~step.mask) != 0) return false;
    // Byte by byte: storing a word at each field's place instead makes the next field's load
    // of an overlapping word wait for the store, which costs more than the walk saves.
    switch (step.op) {
      case detail::FieldStep::Op::Bits:
        bits = bits << step.width | n;
        bit_count += step.width;
        while (bit_count >= 8) {
          bit_count -= 8;
          *at++ = static_cast<std::uint8_t>(bits >> bit_count);
        }
        bits &= (std::uint64_t{1} << bit_count) - 1;
        break;
      case detail::FieldStep::Op::BigEndian:
        for (unsigned k = step.width; k-- > 0;) *at++ = static_cast<std::uint8_t>(n >> 8 * k);
        break;
      case detail::FieldStep::Op::LittleEndian:
        for (unsigned k = 0; k < step.width; ++k) *at++ = static_cast<std::uint8_t>(n >> 8 * k);
        break;
      case detail::FieldStep::Op::Walk: return false;  // never in a prefix
    }
  }
  out.insert(out.end(), window.data(), at);
  return true;
}

// `Work` is Frame when the build works in a copy, whose unset values it settles, and const Frame
// when it builds a settled frame from its own values (nothing is then written).
template <typename Work>
class Encoder {
  static constexpr bool kSettles = !std::is_const_v<Work>;
  using WorkFields = std::conditional_t<kSettles, Fields, const Fields>;

 public:
  Encoder(Work& work, std::size_t index, ByteView payload) : work_(work), index_(index), payload_(payload) {}

  // Encodes fields [from, to) of `fields` onto `out`; `layer_start` is where this layer began
  // in `out` (checksums cover from there). Returns the end offset of each field. `plan`: the
  // registry's plan of the layer `fields` are (null for list elements, or when it has none), whose
  // fixed prefix is written at once when the encoding starts at the first field.
  void encode(WorkFields& fields, std::size_t from, std::size_t to, Bytes& out, std::size_t layer_start,
              std::vector<std::size_t>* ends, const detail::LayerPlan* plan = nullptr) {
    const auto defs = fields.defs();
    std::size_t i = from;
    if (plan != nullptr && from == 0 && ends == nullptr && plan->prefix_fields > 0 && plan->prefix_fields <= to &&
        encode_prefix(*plan, fields, out)) {
      i = plan->prefix_fields;
    }
    for (; i < to; ++i) {
      const FieldDef& f = defs[i];
      const FieldValue& v = fields.value(i);
      if (f.kind == FieldKind::Payload) break;
      if (v.state == FieldValue::State::Absent || (f.present && !f.present(fields))) continue;
      if (f.remaining_below && !v.is_set()) continue;
      if (!f.copy_of.empty()) {
        // A value from the request a response answers is not known when building. A copy holds
        // no bytes: it is written for what later derivations read, and a settled frame has none.
        if constexpr (kSettles) {
          if (index_ > 0 && !f.copy_of.starts_with(kRequestPrefix)) {
            fields.set_number(i, detail::key_field_value(work_, index_ - 1, f.copy_of));
          }
        }
        continue;
      }
      if constexpr (kSettles) {
        if (!v.is_set() && f.is_derived() && f.derive != Derive::LengthAfter) derive(fields, i, out, layer_start);
      }
      switch (f.kind) {
        case FieldKind::Bits: put_bits(f, value_of(f, v), out); break;
        case FieldKind::UInt: put_uint(fields, f, value_of(f, v), out); break;
        case FieldKind::Bytes: {
          flush_bits(fields, f);
          if (!v.is_set() && f.length.kind == LengthRule::Kind::Fixed) {
            out.insert(out.end(), static_cast<std::size_t>(f.length.amount), 0);
          } else {
            out.insert(out.end(), v.bytes.begin(), v.bytes.end());
          }
          break;
        }
        case FieldKind::List:
          flush_bits(fields, f);
          for (WorkFields& item : fields.value(i).items) encode(item, 0, item.size(), out, layer_start, nullptr);
          break;
        case FieldKind::Payload: break;
      }
      if (ends) (*ends)[i] = out.size();
    }
    if (bit_count_ != 0) {
      throw std::invalid_argument(fmt::format("{}: bit fields do not fill whole bytes", fields.owner()));
    }
  }

 private:
  static std::uint64_t value_of(const FieldDef& f, const FieldValue& v) {
    return v.is_set() ? v.number : f.default_value;
  }

  void derive(Fields& fields, std::size_t i, const Bytes& out, std::size_t layer_start) {
    const FieldDef& f = fields.defs()[i];
    std::uint64_t value = 0;
    switch (f.derive) {
      case Derive::CountOf: value = fields.items(f.derive_of).size(); break;
      case Derive::LengthOf: {
        std::size_t j = fields.index_of(f.derive_of);
        if (j != Fields::npos) {
          const FieldDef& target = fields.defs()[j];
          const FieldValue& tv = fields.value(j);
          if (target.kind == FieldKind::List) {
            Bytes tmp;
            Encoder sub(work_, index_, payload_);  // the derivation's own copy of each element
            for (Fields item : tv.items) sub.encode(item, 0, item.size(), tmp, 0, nullptr);
            value = tmp.size();
          } else if (!tv.is_set() && target.length.kind == LengthRule::Kind::Fixed) {
            value = static_cast<std::uint64_t>(target.length.amount);
          } else {
            value = tv.bytes.size();
          }
        }
        break;
      }
      case Derive::Custom: {
        ByteView covered(out.data() + layer_start, out.size() - layer_start);
        value = f.derive_fn(DeriveContext{work_, index_, fields, covered, payload_});
        break;
      }
      case Derive::LengthAfter:
      case Derive::None: return;
    }
    fields.set_number(i, value);
  }

  void put_uint(const Fields& fields, const FieldDef& f, std::uint64_t value, Bytes& out) {
    flush_bits(fields, f);
    if (value > detail::max_value_inline(f)) {
      throw std::invalid_argument(
          fmt::format("{}.{}: value {} does not fit in {} bytes", fields.owner(), f.name, value, f.width));
    }
    for (std::size_t k = 0; k < f.width; ++k) {
      std::size_t shift = f.order == ByteOrder::Big ? 8 * (f.width - 1 - k) : 8 * k;
      out.push_back(static_cast<std::uint8_t>(value >> shift));
    }
  }

  void put_bits(const FieldDef& f, std::uint64_t value, Bytes& out) {
    value &= detail::max_value_inline(f);  // a value too wide was refused when it was set
    bit_buffer_ = (bit_buffer_ << f.width) | value;
    bit_count_ += f.width;
    while (bit_count_ >= 8) {
      bit_count_ -= 8;
      out.push_back(static_cast<std::uint8_t>(bit_buffer_ >> bit_count_));
    }
    bit_buffer_ &= (std::uint64_t{1} << bit_count_) - 1;
  }

  void flush_bits(const Fields& fields, const FieldDef& f) {
    if (bit_count_ != 0) {
      throw std::invalid_argument(
          fmt::format("{}: bit fields before '{}' do not fill whole bytes", fields.owner(), f.name));
    }
  }

  Work& work_;
  std::size_t index_;
  ByteView payload_;
  std::uint64_t bit_buffer_ = 0;
  unsigned bit_count_ = 0;
};

// Fills the dispatch key fields of `lower` that were left unset from where `upper` is bound, so
// that `mctp()/control()` gets message type 0 without saying so. `plan`: the registry's plan of
// `lower` (its key's table and the places of the key fields), or null.
void fill_dispatch_key(Layer& lower, const detail::LayerPlan* plan, const Layer& upper, const Registry& registry) {
  const DispatchDef& next = lower.def().next;
  if (next.table.empty()) return;
  const bool planned = plan != nullptr && plan->table != nullptr;
  const Key* key = planned ? detail::key_in(*plan->table, upper.def()) : registry.key_of(next.table, upper.def());
  if (key == nullptr) return;
  for (std::uint8_t k = 0; k < key->count && k < next.key.size(); ++k) {
    std::string_view name = next.key[k];
    if (name.empty() || name.find('.') != std::string_view::npos) continue;
    std::size_t i = planned ? plan->key_index[k] : lower.index_of(name);
    if (i != Fields::npos && lower.value(i).state == FieldValue::State::Unset) lower.set_number(i, key->parts[k]);
  }
}

// Encodes layer `index` of `work` around `payload` (the layers inside it, built already) into
// `out`; `ends` is storage for the end of each header field.
template <typename Work>
void build_layer(Work& work, std::size_t index, const detail::LayerPlan* plan, const detail::BuildFacts& facts,
                 ByteView payload, Bytes& out, std::vector<std::size_t>& ends) {
  auto& layer = work.layers[index];
  const auto defs = layer.defs();
  const std::size_t marker = facts.payload_index;

  // Header: encoded once to learn field positions, and again once LengthAfter fields are known.
  out.clear();
  bool encoded = false;  // the header is in `out` with every value it needs
  if constexpr (!std::is_const_v<Work>) {
    if (facts.has_length_after) {
      ends.assign(defs.size(), 0);
      Encoder<Work>(work, index, payload).encode(layer, 0, marker, out, 0, &ends);
      encoded = true;
      for (std::size_t i = 0; i < marker; ++i) {
        if (defs[i].derive == Derive::LengthAfter && layer.value(i).state == FieldValue::State::Unset) {
          layer.set_number(i, out.size() - ends[i] + payload.size());
          encoded = false;
        }
      }
      if (!encoded) out.clear();
    }
  }
  if (!encoded) Encoder<Work>(work, index, payload).encode(layer, 0, marker, out, 0, nullptr, plan);
  out.insert(out.end(), payload.begin(), payload.end());
  if (marker < defs.size()) Encoder<Work>(work, index, payload).encode(layer, marker + 1, defs.size(), out, 0, nullptr);
  if (layer.def().wrap) out = layer.def().wrap(out);
}

// Whether any value of `fields`, or of their list elements, is left unset (payload markers hold
// none). A build settles only unset values: it derives, defaults or fills them in, or copies a
// value that a derivation may read. A frame with none (a decoded one) builds from its own values.
bool has_unset_value(const Fields& fields) {
  const auto defs = fields.defs();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldValue& v = fields.value(i);
    if (v.state == FieldValue::State::Unset && defs[i].kind != FieldKind::Payload) return true;
    for (const Fields& item : v.items) {
      if (has_unset_value(item)) return true;
    }
  }
  return false;
}

bool is_settled(const Frame& frame) {
  return std::none_of(frame.layers.begin(), frame.layers.end(), [](const Layer& l) { return has_unset_value(l); });
}

// What a build works in: a copy of the frame when it has values to settle (derived values are
// filled in there, not in the frame built), the registry's plan of each layer, and two buffers
// that take turns holding the layers built so far and the next layer out. A thread keeps one
// from build to build, so that its storage is reused.
struct Workspace {
  Frame work;
  detail::LayerPool spare_layers{kMaxLayers};  // layers of a larger frame built before
  std::vector<const detail::LayerPlan*> plans;
  std::vector<detail::BuildFacts> facts;
  Bytes inner, outer;
  std::vector<std::size_t> ends;
  bool in_use = false;

  void copy(const Frame& frame) {
    spare_layers.assign(work.layers, frame.layers);
    work.diagnostics = frame.diagnostics;
    work.data.assign(frame.data.begin(), frame.data.end());
    work.link = frame.link;
  }

  void plan(const Frame& frame, const Registry& registry) {
    plans.clear();
    facts.clear();
    for (const Layer& layer : frame.layers) {
      const detail::LayerPlan* p = registry.plan_of(layer.def());
      plans.push_back(p);
      facts.push_back(p != nullptr ? p->build : detail::build_facts(layer.defs()));
    }
  }

  // Innermost layer first, each wrapped by the one outside it: a loop, not recursion, so that
  // the stack does not grow with the number of layers.
  template <typename Work>
  Bytes encode(Work& frame) {
    inner.clear();
    for (std::size_t index = frame.layers.size(); index-- > 0;) {
      build_layer(frame, index, plans[index], facts[index], inner, outer, ends);
      std::swap(inner, outer);
    }
    return Bytes(inner.begin(), inner.end());
  }
};

// The values a build settles before encoding, in the workspace's copy of the frame.
void settle_stack(Workspace& space, const Registry& registry) {
  Frame& work = space.work;
  for (std::size_t i = 0; i + 1 < work.layers.size(); ++i) {
    fill_dispatch_key(work.layers[i], space.plans[i], work.layers[i + 1], registry);
  }
  // Defaults that depend on the stack (TO from the request bit) are settled before anything is
  // built, so that what inner layers derive (a MIC over the message type byte) sees them.
  for (std::size_t i = 0; i < work.layers.size(); ++i) {
    if (!space.facts[i].has_stack_defaults) continue;
    Layer& layer = work.layers[i];
    for (std::size_t k = 0; k < layer.size(); ++k) {
      const FieldDef& f = layer.defs()[k];
      if (f.default_by_fn && layer.value(k).state == FieldValue::State::Unset) {
        layer.set_number(k, f.default_by_fn(DeriveContext{work, i, layer, {}, {}}));
      }
    }
  }
}

Bytes build_in(Workspace& space, const Frame& frame, const Registry& registry) {
  if (is_settled(frame)) {
    space.plan(frame, registry);
    return space.encode(frame);
  }
  space.copy(frame);
  space.plan(space.work, registry);
  settle_stack(space, registry);
  return space.encode(space.work);
}

}  // namespace

Bytes Frame::build(const Registry& registry) const {
  if (layers.empty()) return {};
  if (layers.size() > kMaxLayers) {
    throw std::invalid_argument(fmt::format("{} layers: a frame holds at most {}", layers.size(), kMaxLayers));
  }
  // A build started while this thread's workspace is in use (a derive or wrap function that
  // builds a frame of its own) gets a workspace of its own.
  Workspace& kept = detail::per_thread<Workspace>();
  if (kept.in_use) {
    Workspace own;
    return build_in(own, *this, registry);
  }
  kept.in_use = true;
  struct Release {
    Workspace& space;
    ~Release() { space.in_use = false; }
  } release{kept};
  return build_in(kept, *this, registry);
}

}  // namespace mctpkit
