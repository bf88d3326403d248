#pragma once
// Display filters (`-Y EXPR`): a subset of Wireshark's display filter language over the field
// abbreviations of fields.hpp. The language is described in docs/filters.md; in short:
//
//   mctpc.command == set_endpoint_id and not mctpc.cc
//   mctp.src >= 0x10 && (pldm || raw.data contains 01:02)
//   mctpc.routing_table.entries.start_eid in {0x0A 0x10}
//
// A field that occurs several times matches a comparison when ANY occurrence does, except `!=`,
// which needs every occurrence to differ (`~=` is "any occurrence differs"). A comparison on a
// field the frame lacks is false, so `not mctpc.cc == 0` is true for a request.
//
// Besides the registry's fields, a few names are about the packet rather than a layer:
// frame.number, frame.time (UTC; compared with epoch seconds or a quoted ISO 8601 time such as
// "2024-03-20T17:34:56Z"), frame.len and frame.link, and the diagnostics decoding found, tested
// for presence like Wireshark's expert info: _diag (any), _diag.<kind> (_diag.bad_checksum,
// _diag.truncated ...) and _diag.<severity> (_diag.error, _diag.warning, _diag.info).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "mctpkit/core/registry.hpp"
#include "mctpkit/core/suggest.hpp"
#include "mctpkit/output/fields.hpp"

namespace mctpkit::output {

/// Why a filter expression was rejected, and where.
struct FilterError {
  std::string message;     // "expected a value after '=='"
  std::size_t column = 1;  // 1-based column (byte) of the offending token; one past the end at the end
  std::size_t length = 1;  // length of the offending token, for the underline
  std::string hint;        // "did you mean mctp.src?" (may be empty)
  std::string expression;  // the filter text

  /// "expected a value after '==' at column 14", plus " (hint)" when there is one.
  std::string text() const;
};

/// The error's text, then the expression and a caret line under the offending token:
///   unknown field 'mctp.srcc' at column 1 (did you mean mctp.src?)
///       mctp.srcc == 8
///       ^~~~~~~~~
std::string format_filter_error(const FilterError& error);

namespace detail {

enum class FilterOp : std::uint8_t { Present, Eq, Ne, AnyNe, Lt, Le, Gt, Ge, Contains, In };

/// Names that are about the packet, not a field of a layer (see the top of this file).
enum class PacketName : std::uint8_t { None, FrameNumber, FrameTime, FrameLen, FrameLink, Diag, DiagKind, DiagSeverity };

/// A value as written in a filter, worked out at parse time into every form it can take; which
/// form counts depends on the field it meets.
struct FilterValue {
  std::string text;  // as written; a quoted string unescaped
  bool quoted = false;
  bool has_number = false;  // decimal (negative and fractional too), 0x hex, 0b binary, true/false
  // The number, exactly: a long double holds every 64-bit integer and every real32 value, so
  // unsigned, signed and real fields all compare against it without overflow.
  long double number = 0;
  bool has_bytes = false;  // a hex byte string, or the bytes of a quoted string
  Bytes bytes;
  // Enum names already looked up in the fields a registry says the name can be; other fields
  // are searched when met.
  std::vector<std::pair<const FieldDef*, std::uint64_t>> names;
};

struct FilterTest {
  FieldRef field;
  FilterOp op = FilterOp::Present;
  std::vector<FilterValue> values;  // one, or the set of `in {...}`
  PacketName packet = PacketName::None;
  std::uint8_t which = 0;  // DiagKind: the DiagKind; DiagSeverity: the Severity
};

struct FilterNode {
  enum class Kind : std::uint8_t { Test, Not, And, Or };
  Kind kind = Kind::Test;
  // Test: index of the test; Not: the operand node. And, Or: a chain of operands (kept flat so
  // that a long "a or b or c ..." does not make evaluation recurse deeply), operands_[a, a + b).
  std::uint32_t a = 0;
  std::uint32_t b = 0;
};

class FilterParser;
struct FilterSubject;  // what the tests read of a frame, or of a message in its packet's frame

}  // namespace detail

/// What a filter knows of a packet besides its frame: its place and time in the capture
/// (frame.number, frame.time). Without it, tests of those names are false.
struct PacketContext {
  std::uint64_t number = 0;             // 1-based; 0 = not known
  std::optional<std::int64_t> time_ns;  // UTC nanoseconds since the epoch
};

/// A message the reassembler left in its packet's frame (mctp::Event::in_packet): its layers are
/// the frame's from `first_layer` (the MCTP transport layer) on, and it is `length` bytes long
/// (mctp::Event::packet).
struct MessageInPacket {
  std::size_t first_layer = 0;
  std::size_t length = 0;
};

/// A parsed display filter. Cheap to evaluate: names and values are worked out once, matching
/// allocates nothing. Safe to use from several threads at once.
class Filter {
 public:
  bool matches(const Frame& frame, const PacketContext& context = {}) const;
  /// matches() of a message left in its packet, as of the frame of its own that
  /// mctp::copy_message_of_packet() makes (link "mctp", no diagnostic, the message's length),
  /// without copying its layers out of `packet`.
  bool matches_message(const Frame& packet, const MessageInPacket& message, const PacketContext& context = {}) const;
  const std::string& text() const { return text_; }
  /// Whether matching reads layers of `def`: a name of the filter is the layer or one of its
  /// fields, or the filter tests diagnostics (which any layer can have). A frame decoded only
  /// into the layers this is true of, and those that lead to them (core/decode_scope.hpp),
  /// matches as the whole frame does.
  bool reads_layer(const LayerDef& def) const;

 private:
  friend class detail::FilterParser;
  bool eval(std::uint32_t node, const detail::FilterSubject& subject, const PacketContext& context) const;
  bool test(const detail::FilterTest& t, const detail::FilterSubject& subject, const PacketContext& context) const;

  std::string text_;
  std::vector<detail::FilterNode> nodes_;
  std::vector<detail::FilterTest> tests_;
  std::vector<std::uint32_t> operands_;
  std::uint32_t root_ = 0;
};

/// Parses a filter. With a registry every name must be a layer or field of its layers (or of the
/// Raw layer), comparisons need a field, and values must suit the field; without one names are
/// not checked and a value that suits no occurrence simply does not match.
std::variant<Filter, FilterError> parse_filter(std::string_view text, const Registry* registry = nullptr);

// ---- names a registry knows (also for the command line: completion, "did you mean") ----------

/// Every name a filter accepts with `registry`: layer ids, craft names and abbreviations (and
/// their dotted prefixes), field abbreviations and their aliases; sorted, without duplicates.
std::vector<std::string> filter_names(const Registry& registry);

/// The names about the packet rather than a layer that filters accept (frame.number, _diag ...).
std::vector<std::string> packet_filter_names();

/// A diagnostic kind as filters name it after "_diag.": "bad_checksum", "trailing_data".
std::string diag_kind_name(DiagKind kind);

/// The FieldDefs `abbrev` names among the registry's layers and the Raw layer.
std::vector<const FieldDef*> find_field_defs(const Registry& registry, std::string_view abbrev);

/// Did-you-mean for filter names (core/suggest.hpp).
using mctpkit::closest_name;

}  // namespace mctpkit::output
