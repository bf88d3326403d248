#pragma once
// Decoding bytes into a Frame. Never throws; problems become diagnostics.

#include <optional>
#include <string_view>
#include <variant>

#include "mctpkit/core/decode_scope.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit {

/// Decodes `data` starting with layer `first`.
Frame decode(ByteView data, const LayerDef& first, const Registry& registry);
/// Decodes `data` as link `link` (a LinkDef name). An unknown link gives a frame holding one
/// Raw layer and a Malformed diagnostic.
Frame decode(ByteView data, std::string_view link, const Registry& registry = default_registry());

/// decode(data, link, registry) into `frame`, whose earlier contents are replaced. The storage
/// of its bytes, layers and field values is reused, so that a loop decoding packet after packet
/// into one frame does not allocate once the packets' shapes have been seen.
void decode_into(Frame& frame, ByteView data, std::string_view link, const Registry& registry = default_registry());
/// The same starting with layer `first` (the frame's link is left as it is).
void decode_into(Frame& frame, ByteView data, const LayerDef& first, const Registry& registry);
/// decode_into() within `scope` (decode_scope.hpp): the layers past those it enters are left
/// out. A null scope decodes every layer.
void decode_into(Frame& frame, ByteView data, std::string_view link, const Registry& registry,
                 const DecodeScope* scope);
void decode_into(Frame& frame, ByteView data, const LayerDef& first, const Registry& registry,
                 const DecodeScope* scope);
/// True when a layer of `frame` (a response decoded alone) has a field copied from the request
/// (copied_from("request.…")): only then does decode_response() give a different frame.
bool reads_request(const Frame& frame);
/// The same of one layer's declaration: decoded in its request's context, a layer of `def`
/// (and what follows it) can differ from its decoding alone.
bool reads_request(const LayerDef& def);

/// Decodes `data` as a response to `request`, a decoded request message. A response whose layout
/// depends on its request reads it through fields mirrored with copied_from("request.<abbrev>.<field>")
/// (an NVMe-MI response's data, say, by its request's opcode); decoded alone, those fields are absent.
Frame decode_response(ByteView data, std::string_view link, const Frame& request,
                      const Registry& registry = default_registry());
/// decode_response() into `frame`, reusing its storage as decode_into() does.
void decode_response_into(Frame& frame, ByteView data, std::string_view link, const Frame& request,
                          const Registry& registry = default_registry());

/// Strict decoding: the frame when it decoded without any warning or error, else the first
/// such diagnostic.
std::variant<Frame, Diagnostic> decode_strict(ByteView data, std::string_view link,
                                              const Registry& registry = default_registry());

}  // namespace mctpkit
