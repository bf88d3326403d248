#pragma once
// What the SPDM body files share: how a body layer is declared and which versions it serves.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/spdm/spdm.hpp"

namespace mctpkit::spdm::detail {

/// A body layer and the SPDM 1.x minor versions (inclusive) it is bound for. Messages whose
/// layout grew between versions have one entry per layout; the others serve every 1.x version,
/// including versions before the one that introduced them, so that a message sent with the
/// wrong version byte still decodes.
struct Body {
  const LayerDef* def;
  std::uint8_t code;
  std::uint8_t first_minor = 0;
  std::uint8_t last_minor = 15;
};

/// The table holding the SPDM header alone, under the empty key: where the message carried by
/// ENCAPSULATED_REQUEST and DELIVER_ENCAPSULATED_RESPONSE is found.
inline constexpr std::string_view kEncapsulatedTable = "spdm.encapsulated";

/// Summary "<LayerDef::summary> (field: value, ...)" like the generic one, but a byte string
/// longer than 8 bytes shows as "N bytes" (nonces, digests, signatures) and empty or absent
/// fields are left out.
void sized_summary(const Layer& layer, std::string& out);

/// A body layer; with no summary function its summary is sized_summary titled `summary`,
/// unless `summary` is a template.
constexpr LayerDef body(std::string_view id, std::string_view craft, std::string_view title, std::string_view abbrev,
                        std::span<const FieldDef> fields, std::string_view summary, SummaryFn fn = nullptr) {
  if (fn == nullptr && summary.find('{') == std::string_view::npos) fn = sized_summary;
  return LayerDef{.id = id, .craft_name = craft, .title = title, .abbrev = abbrev, .fields = fields,
                  .summary = summary, .summary_fn = fn};
}

/// The same layout under another id and title. Craft chooses among layers sharing a craft name
/// by the version of each one's first binding, so every older version gets a layer of its own
/// (bound for that version only) and the newest layout, bound for the rest, has the id that
/// sorts first (craft's fallback).
constexpr LayerDef for_version(LayerDef def, std::string_view id, std::string_view title) {
  def.id = id;
  def.title = title;
  return def;
}

// Bodies of each family of messages (one file each).
std::span<const Body> version_capability_bodies();  // GET_VERSION .. CAPABILITIES
std::span<const Body> algorithm_bodies();           // NEGOTIATE_ALGORITHMS / ALGORITHMS
std::span<const Body> authentication_bodies();      // digests, certificates, challenge
std::span<const Body> measurement_bodies();         // GET_MEASUREMENTS / MEASUREMENTS
std::span<const Body> session_bodies();             // key exchange, finish, end session
std::span<const Body> error_bodies();               // ERROR, RESPOND_IF_READY
std::span<const Body> other_bodies();               // vendor defined and every remaining code


}  // namespace mctpkit::spdm::detail
