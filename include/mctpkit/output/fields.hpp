#pragma once
// Field extraction by abbreviation, like `tshark -T fields -e mctp.src -e mctpc.command`, and the
// field lookup that display filters (filter.hpp) share with it.
//
// A field's abbreviation is `<layer abbrev>.<field>` ("mctp.src"), or
// `<layer abbrev>.<list>.<element field>` for a field of a List element
// ("mctpc.routing_table.entries.start_eid"); a field's alias answers too ("mctpc.cmd"). A layer
// with no abbreviation uses its id. One abbreviation may occur many times in a frame: once per
// list element, and once per layer when two layers share an abbreviation.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "mctpkit/core/frame.hpp"

namespace mctpkit::output {

/// A field abbreviation, ready to be looked up in many frames. Layer abbreviations contain dots
/// themselves, so which part of the text names the layer is decided per layer: a layer matches
/// when its abbreviation is followed by a dot in the text, and the rest is its field path.
/// Looking up allocates nothing.
class FieldRef {
 public:
  explicit FieldRef(std::string_view abbrev) : text_(abbrev), serial_(new_serial()) {}

  const std::string& text() const { return text_; }

  /// Calls `fn(const FieldDef&, const FieldValue&)` for every occurrence of the field, outermost
  /// layer and first list element first, until `fn` returns true; returns whether it did.
  /// Absent fields, payload markers and derived fields left unset (crafted frames) are not
  /// occurrences; other unset fields occur with their default value.
  template <typename Fn>
  bool visit(const Frame& frame, Fn&& fn) const {
    return visit_impl(frame, call<Fn>, const_cast<void*>(static_cast<const void*>(&fn)));
  }
  /// visit() over some layers of a frame (a message's, from its MCTP transport layer on).
  template <typename Fn>
  bool visit(std::span<const Layer> layers, Fn&& fn) const {
    return visit_impl(layers, call<Fn>, const_cast<void*>(static_cast<const void*>(&fn)));
  }

  /// Whether the frame has at least one occurrence.
  bool present(const Frame& frame) const;
  /// present() among some layers of a frame.
  bool present(std::span<const Layer> layers) const {
    return visit(layers, [](const FieldDef&, const FieldValue&) { return true; });
  }

  /// Whether the whole text names the layer `def`: its id, its craft name, its abbreviation or a
  /// dotted prefix of it ("pldm" names "pldm" and "pldm.get_tid", not "pldmx").
  bool names_layer(const LayerDef& def) const;
  /// Whether the text names `def` or a field of it (its abbreviation and a dot start the text):
  /// a lookup reads no other layer of a frame.
  bool reads_layer(const LayerDef& def) const;

 private:
  using Callback = bool (*)(void* context, const FieldDef&, const FieldValue&);
  template <typename Fn>
  static bool call(void* context, const FieldDef& def, const FieldValue& value) {
    return static_cast<bool>((*static_cast<std::remove_reference_t<Fn>*>(context))(def, value));
  }
  bool visit_impl(const Frame& frame, Callback fn, void* context) const;
  bool visit_impl(std::span<const Layer> layers, Callback fn, void* context) const;
  static std::uint64_t new_serial();

  std::string text_;
  // A number given to each text a reference is made from, and kept by its copies: what is worked
  // out from the text (where its fields are in each table) is remembered under it.
  std::uint64_t serial_;
};

/// The abbreviation prefix of a layer: its abbrev, or its id when it has none.
std::string_view layer_abbrev(const LayerDef& def);

/// One occurrence as `-T fields` prints it: numbers in decimal, or 0x-hex (lower case, padded to
/// the field's width) for hex, flag and version fields, never an enum name; byte strings as hex
/// without separators; UUIDs as text; text without its NUL padding and with other
/// non-printables escaped; a list as its element count.
std::string field_text(const FieldDef& def, const FieldValue& value);
/// field_text(def, value) appended to `out`.
void append_field_text(std::string& out, const FieldDef& def, const FieldValue& value);

/// The text of every occurrence of `abbrev` in `frame`, in frame order.
std::vector<std::string> field_texts(const Frame& frame, std::string_view abbrev);

/// How a line of fields is put together (tshark's -E options).
struct FieldsOptions {
  enum class Occurrence : std::uint8_t { All, First, Last };
  std::string separator = "\t";   // between fields (-E separator=)
  std::string aggregator = ",";   // between occurrences of one field (-E aggregator=)
  Occurrence occurrence = Occurrence::All;  // -E occurrence=a|f|l
  char quote = '\0';              // '"' or '\'' around each non-empty field (-E quote=d|s)
};

/// One line (no newline) of the fields `abbrevs`: each field's occurrences joined by the
/// aggregator, fields joined by the separator; a field that does not occur is empty.
std::string fields_line(const Frame& frame, const std::vector<std::string>& abbrevs,
                        const FieldsOptions& options = {});
/// The same with abbreviations prepared once (for many frames).
std::string fields_line(const Frame& frame, std::span<const FieldRef> fields, const FieldsOptions& options = {});
/// One field of such a line (its occurrences, aggregated and quoted), appended to `out`.
void append_field(std::string& out, const Frame& frame, const FieldRef& field, const FieldsOptions& options = {});

}  // namespace mctpkit::output
