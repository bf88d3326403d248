#pragma once
// A layer declaration (LayerDef) and a layer instance (Layer: a LayerDef plus field values).

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "mctpkit/core/fields.hpp"

namespace mctpkit {

class Frame;
class Layer;

/// A key in a dispatch table: up to three numbers (for example command code and request bit).
struct Key {
  std::array<std::uint64_t, 3> parts{};
  std::uint8_t count = 0;

  constexpr Key() = default;
  constexpr Key(std::uint64_t a) : parts{a, 0, 0}, count(1) {}
  constexpr Key(std::uint64_t a, std::uint64_t b) : parts{a, b, 0}, count(2) {}
  constexpr Key(std::uint64_t a, std::uint64_t b, std::uint64_t c) : parts{a, b, c}, count(3) {}
  // Written out: the generated comparison compares the parts through a call to memcmp, and
  // every packet's dispatch compares keys.
  friend constexpr bool operator==(const Key& a, const Key& b) {
    return a.count == b.count && a.parts[0] == b.parts[0] && a.parts[1] == b.parts[1] && a.parts[2] == b.parts[2];
  }
};

using LayerPredicate = bool (*)(const Layer&);

/// How a layer finds the layer that follows it: look up `table` with the values of the `key`
/// fields (names of this layer's fields, or abbreviations such as "mctp.to" of an earlier
/// layer's). With no key fields the table's single entry is used.
struct DispatchDef {
  std::string_view table{};
  std::array<std::string_view, 3> key{};
  LayerPredicate when = nullptr;           // dispatch only when true (else the payload is Raw)
  LayerPredicate body_optional = nullptr;  // when true an empty or short next layer is not an error
  bool show_empty_body = false;            // with body_optional: an empty next layer is still shown
  bool hide_fieldless_body = false;        // a next layer with no fields and no bytes is not shown
  // When not empty, the message must carry a next layer (what it is called, for the diagnostic):
  // no bytes for it is reported as Truncated (unless this layer may be short).
  std::string_view required{};
};

/// Where a layer is bound: the table and key under which its parent finds it.
struct BindDef {
  std::string_view table{};
  Key key{};
};

using SummaryFn = void (*)(const Layer&, std::string& out);

struct LayerDef {
  std::string_view id;            // unique name, e.g. "set_endpoint_id_req"
  std::string_view craft_name{};  // name in craft expressions (several defs may share it)
  std::string_view title{};       // heading in the detailed tree
  std::string_view abbrev{};      // field abbreviation prefix, e.g. "mctpc.set_eid"
  std::span<const FieldDef> fields{};
  std::string_view summary{};     // template (format.hpp); generic "Name (f: v, ...)" when empty
  SummaryFn summary_fn = nullptr; // for summaries a template cannot express
  DispatchDef next{};
  BindDef bind{};
  /// Link-level framing that is not a plain field sequence (serial byte stuffing): `unwrap`
  /// turns wire bytes into the plain form the fields describe, `wrap` does the reverse.
  Bytes (*unwrap)(ByteView wire) = nullptr;
  Bytes (*wrap)(ByteView plain) = nullptr;

  constexpr std::string_view name_for_craft() const { return craft_name.empty() ? id : craft_name; }
  constexpr std::string_view heading() const { return title.empty() ? id : title; }
};

class Layer : public Fields {
 public:
  explicit Layer(const LayerDef& def);
  Layer(const LayerDef& def, std::initializer_list<FieldInit> init);

  const LayerDef& def() const { return *def_; }
  /// Makes this a copy of `other`, keeping the storage it has (see Fields::assign).
  void assign(const Layer& other);
  /// Makes this an empty layer of `def`, keeping the storage it has (see Fields::reset).
  void reset(const LayerDef& def, std::vector<Fields>* spare_items = nullptr);
  bool is(const LayerDef& d) const { return def_ == &d; }

  /// Where the layer was found in decoded data (zero for crafted layers).
  std::size_t offset = 0;
  std::size_t length = 0;  // header, payload and trailer
  bool complete = true;    // every field was decoded

  /// A decoded layer none of whose fields is present: the body of an error response that
  /// carries only a completion code. Summaries name it (as PyMCTP does); the tree and JSON,
  /// which show received data only, leave it out.
  bool is_placeholder() const;

 private:
  const LayerDef* def_;
};

/// The Raw layer: bytes nothing could decode.
extern const LayerDef kRawLayer;

}  // namespace mctpkit
