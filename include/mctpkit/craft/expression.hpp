#pragma once
// The craft expression language: the text form of a layer stack, mirroring the C++ API.
//
//   smbus(dst=0x32,src=0x10)/mctp(dst=0,src=10,to=1,tag=7)/control(rq=1,iid=0x11,
//   cmd=set_endpoint_id)/set_endpoint_id(op=set,eid=29)
//
// Layers are named by craft name or id; where a craft name covers a request and a response, the
// one bound under the previous layer's key (its rq bit, say) is taken. Values: numbers in any C
// base, enum names, hex bytes, UUIDs, "text" for ASCII fields, `none` to leave an optional field
// out, and lists `[elem, elem]` whose elements are `(field=value, ...)` or, for one-field
// elements, plain values.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "mctpkit/core/diagnostic.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::craft {

struct ExpressionError {
  std::string message;
  std::size_t column;  // 1-based column of the problem in the expression
};

/// Parses `text` into a layer stack. When the top layer selects the layer that follows it through
/// a field the expression sets (`mi_command(opcode=read_data_structure)`,
/// `control(cmd=set_endpoint_id)`), that layer is added with its defaults, so that a message
/// built from defaults is whole.
std::variant<Frame, ExpressionError> parse_expression(std::string_view text,
                                                      const Registry& registry = default_registry());

/// Adds to `frame` the layer its top layer dispatches to when one of the dispatch key fields is
/// set and the registry binds a layer under the key (see parse_expression). Returns whether a
/// layer was added.
bool complete_message(Frame& frame, const Registry& registry = default_registry());

/// Layers stacked where the layer below does not lead to them (`mctp()/pldm()/set_endpoint_id()`):
/// one sentence each. Such frames build as given, but decode differently.
std::vector<std::string> stacking_problems(const Frame& frame, const Registry& registry = default_registry());

/// The problems (warnings and errors) found when `wire`, built from `frame`, is decoded again as
/// the frame's first layer: what a receiver would report about the crafted bytes.
std::vector<Diagnostic> check_built(const Frame& frame, ByteView wire, const Registry& registry = default_registry());

/// The error's message, then the expression and a caret under the offending column:
///   unknown layer 'smbuss'; layers are: ...
///     smbuss(dst=1)
///     ^
std::string format_error(const ExpressionError& error, std::string_view text);

/// The layer a craft name stands for when stacked on `below` (the layers so far): of the layers
/// called `name` (craft name or id), the one bound under the key that the last layer's set key
/// fields point at (a request or a response, say); the first one otherwise. Null when no layer
/// has that name.
/// The one field a list element sets when it is given as a plain value (`types=[0,1]` for a list
/// of one-field elements); empty when the element has several settable fields.
std::string_view single_settable_field(const StructDef& element);

const LayerDef* resolve_layer(std::string_view name, const Frame& below, const Registry& registry = default_registry());

}  // namespace mctpkit::craft
