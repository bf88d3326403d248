// A frame as one JSON object, written straight into the output text (no document tree is built:
// a tree costs several allocations per field). The text is the one nlohmann::json's dump() gives
// for the same object, key order kept; a test holds the two to that.

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <span>
#include <unordered_map>
#include <vector>
#include <nlohmann/json.hpp>

#include "mctpkit/core/format.hpp"
#include "mctpkit/core/text_append.hpp"
#include "mctpkit/output/output.hpp"
#include "core/detail/fibonacci_slot.hpp"
#include "core/detail/per_thread.hpp"
#include "core/detail/table_text_key.hpp"

namespace mctpkit::output {

namespace {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : text_(out) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view prefix, std::string_view name) {
    open_string();
    if (!prefix.empty()) {
      escape(prefix);
      put('.');
    }
    escape(name);
    put("\":");
    after_key_ = true;
  }
  void key(std::string_view name) { key({}, name); }
  /// A key of the writer's own: plain ASCII, written without looking for what to escape.
  void plain_key(std::string_view name) {
    open_string();
    put(name);
    put("\":");
    after_key_ = true;
  }
  /// A key already written as JSON text with its colon (`"mctp.src":`), kept with
  /// TextBuffer::kPadding readable bytes from its start.
  void key_text(std::string_view text) {
    comma();
    text_.put_padded(text);
    after_key_ = true;
  }
  /// The key text key(prefix, name) writes, into `out`.
  static void key_text_of(std::string& out, std::string_view prefix, std::string_view name) {
    JsonWriter w(out);
    w.key(prefix, name);
  }

  void string(std::string_view text) {
    open_string();
    escape(text);
    put('"');
  }
  /// Bytes as a string of hex digits (which need no escaping), written straight into the buffer.
  void hex_string(ByteView bytes) {
    open_string();
    text_.hex_bytes(bytes);
    put('"');
  }
  void unsigned_number(std::uint64_t n) {
    comma();
    text_.decimal(n);
  }
  void signed_number(std::int64_t n) {
    if (n >= 0) return unsigned_number(static_cast<std::uint64_t>(n));
    comma();
    put('-');
    after_key_ = true;  // the digits follow without a comma
    unsigned_number(0 - static_cast<std::uint64_t>(n));
  }
  void real(double value) {
    comma();
    // Rare (PDR real32 fields): the library's own number formatting, so that the text matches.
    put(nlohmann::ordered_json(value).dump());
  }

 private:
  void open(char bracket) {
    comma();
    put(bracket);
    after_key_ = true;  // the first member takes no comma
  }
  void close(char bracket) {
    put(bracket);
    after_key_ = false;
  }
  // The comma (when a value came before) and the opening quote.
  void open_string() {
    if (!after_key_) put(',');
    put('"');
    after_key_ = false;
  }
  void comma() {
    if (!after_key_) put(',');
    after_key_ = false;
  }

  // Small pieces gather in a buffer and go to the string in large ones (see TextBuffer).
  void put(char c) { text_.put(c); }
  void put(std::string_view text) { text_.put(text); }

  // Text is copied and checked 16 bytes at a time (GCC and clang vector types, which compile to
  // SIMD instructions where the machine has them): nearly every string needs no escaping.
  using Block = std::int8_t __attribute__((vector_size(16)));
  static constexpr std::size_t kBlock = sizeof(Block);

  // How many bytes from the start of `block` can be copied as they are: the index of the first
  // control byte, quote, backslash or byte beyond ASCII, or kBlock when there is none. Read as
  // signed, the bytes beyond ASCII are negative: one comparison finds them with the control bytes.
  static std::size_t plain_prefix(Block block) {
    const auto stop = (block < 0x20) | (block == '"') | (block == '\\');
    std::uint64_t halves[2];
    std::memcpy(halves, &stop, sizeof halves);
    const auto first_in = [](std::uint64_t half) {
      return static_cast<std::size_t>(std::endian::native == std::endian::little ? std::countr_zero(half)
                                                                                    : std::countl_zero(half)) / 8;
    };
    if (halves[0] != 0) return first_in(halves[0]);
    if (halves[1] != 0) return 8 + first_in(halves[1]);
    return kBlock;
  }

  void escape(std::string_view text) {
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
      // A short last block is padded with zero bytes, which stop the plain run like any control byte.
      Block block{};
      const std::size_t size = std::min(left, kBlock);
      if (size == kBlock) {
        std::memcpy(&block, p, kBlock);
      } else {
        std::memcpy(&block, p, size);
      }
      std::memcpy(text_.room(kBlock), &block, kBlock);
      const std::size_t plain = std::min(plain_prefix(block), size);
      text_.commit(plain);
      p += plain;
      left -= plain;
      if (plain == size) continue;
      const auto c = static_cast<unsigned char>(*p);
      if (c >= 0x80) {
        // Anything beyond ASCII: validated (and a bad sequence replaced) as the library does.
        std::string rest = nlohmann::ordered_json(std::string(p, left))
                               .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        put(std::string_view(rest).substr(1, rest.size() - 2));
        return;
      }
      switch (c) {
        case '"': put("\\\""); break;
        case '\\': put("\\\\"); break;
        case '\b': put("\\b"); break;
        case '\f': put("\\f"); break;
        case '\n': put("\\n"); break;
        case '\r': put("\\r"); break;
        case '\t': put("\\t"); break;
        default: {
          const char code[6] = {'\\', 'u', '0', '0', "0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 0x0F]};
          put(std::string_view(code, sizeof code));
        }
      }
      ++p;
      --left;
    }
  }

  TextBuffer text_;
  bool after_key_ = true;  // nothing written yet: no comma before the first value
};

class KeyTables;
void write_fields(JsonWriter& w, const Fields& fields, std::string_view prefix, KeyTables& tables);

void write_value(JsonWriter& w, const FieldDef& def, const FieldValue& value, KeyTables& tables) {
  switch (def.kind) {
    case FieldKind::Bytes:
      if (def.display == Display::Uuid || def.display == Display::Ascii) return w.string(format_value(def, value));
      return w.hex_string(value.bytes);
    case FieldKind::List:
      w.begin_array();
      for (const Fields& item : value.items) write_fields(w, item, {}, tables);
      w.end_array();
      return;
    default: break;
  }
  const std::uint64_t n = value.is_set() ? value.number : def.default_value;
  switch (value.numeric) {
    case Numeric::Signed: return w.signed_number(sign_extend(def, n));
    case Numeric::Real32: {
      const double real = real32_from_bits(n);
      // JSON has no infinities or NaN: those are given as text.
      if (std::isfinite(real)) return w.real(real);
      return w.string(number_text(def, value));
    }
    case Numeric::Unsigned: break;
  }
  w.unsigned_number(n);
}

// The keys of a field table under one prefix, as written. Escaping every name of every packet
// costs more than the rest of its field, so the text is made once per table (declarations live
// as long as the program); each key is checked against the name it was made from.
class KeyTexts {
 public:
  std::string_view key(const FieldDef& def) const {
    const std::size_t i = static_cast<std::size_t>(&def - defs_);
    if (def.name.data() != names_[i].data() || def.name.size() != names_[i].size()) return {};
    return std::string_view(text_).substr(starts_[i], starts_[i + 1] - starts_[i]);
  }

 private:
  friend class KeyTables;

  void make(std::span<const FieldDef> defs, std::string_view prefix) {
    defs_ = defs.data();
    text_.clear();
    names_.clear();
    starts_.clear();
    for (const FieldDef& def : defs) {
      starts_.push_back(text_.size());
      names_.push_back(def.name);
      JsonWriter::key_text_of(text_, prefix, def.name);
    }
    starts_.push_back(text_.size());
    text_.append(TextBuffer::kPadding, ' ');  // for TextBuffer::put_padded
  }

  const FieldDef* defs_ = nullptr;
  std::string text_;                   // every key, one after the other
  std::vector<std::string_view> names_;  // the name each key was made from
  std::vector<std::size_t> starts_;
};

// The keys of every table met so far, per thread. The table of each layer is found through a
// small cache by address in front of the map (a table's layers come packet after packet).
class KeyTables {
 public:
  /// The keys of `defs` under `prefix`; null when too many tables are kept already.
  const KeyTexts* of(std::span<const FieldDef> defs, std::string_view prefix) {
    const detail::TableTextKey id(defs, prefix);
    Recent& recent = recent_[detail::fibonacci_slot(detail::TableTextKeyHash{}(id), kRecentBits)];
    if (recent.keys != nullptr && recent.id == id) return recent.keys;
    // Enough for every declared table many times over; beyond, keys are escaped as they come.
    constexpr std::size_t kMaxTables = 4096;
    auto it = tables_.find(id);
    if (it == tables_.end()) {
      if (tables_.size() >= kMaxTables) return nullptr;
      it = tables_.emplace(id, KeyTexts{}).first;
      it->second.make(defs, prefix);
    }
    recent = {id, &it->second};  // a map's elements stay where they are
    return &it->second;
  }

 private:
  struct Recent {
    detail::TableTextKey id;
    const KeyTexts* keys = nullptr;
  };
  static constexpr unsigned kRecentBits = 5;

  std::unordered_map<detail::TableTextKey, KeyTexts, detail::TableTextKeyHash> tables_;
  std::array<Recent, std::size_t{1} << kRecentBits> recent_{};
};

void write_fields(JsonWriter& w, const Fields& fields, std::string_view prefix, KeyTables& tables) {
  const KeyTexts* keys = tables.of(fields.defs(), prefix);
  w.begin_object();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldDef& def = fields.defs()[i];
    const FieldValue& value = fields.value(i);
    if (def.kind == FieldKind::Payload || value.state == FieldValue::State::Absent) continue;
    if (!value.is_set() && def.is_derived()) continue;
    if (std::string_view key = keys ? keys->key(def) : std::string_view(); !key.empty()) {
      w.key_text(key);
    } else {
      w.key(prefix, def.name);
    }
    write_value(w, def, value, tables);
  }
  w.end_object();
}

// The summary of the frame being written, in storage each thread keeps.
struct SummaryText {
  std::string text;
};

}  // namespace

std::string json(const Frame& frame) {
  std::string out;
  out.reserve(256 + 64 * frame.layers.size());
  append_json(frame, out);
  return out;
}

void append_json_string(std::string& out, std::string_view text) {
  JsonWriter w(out);
  w.string(text);
}

void append_json(const Frame& frame, std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  if (!frame.link.empty()) {
    w.plain_key("link");
    w.string(frame.link);
  }
  w.plain_key("length");
  w.unsigned_number(frame.data.size());
  w.plain_key("summary");
  // The summary is escaped from a buffer each thread keeps, not from a new string per frame.
  std::string& summary_text = detail::per_thread<SummaryText>().text;
  summary_text.clear();
  append_summary(frame, summary_text);
  w.string(summary_text);
  w.plain_key("layers");
  w.begin_array();
  KeyTables& tables = detail::per_thread<KeyTables>();
  for (const Layer& layer : frame.layers) {
    if (layer.is_placeholder()) continue;
    const LayerDef& def = layer.def();
    w.begin_object();
    w.plain_key("layer");
    w.string(def.id);
    w.plain_key("offset");
    w.unsigned_number(layer.offset);
    w.plain_key("length");
    w.unsigned_number(layer.length);
    w.plain_key("fields");
    write_fields(w, layer, def.abbrev.empty() ? def.id : def.abbrev, tables);
    w.end_object();
  }
  w.end_array();
  w.plain_key("diagnostics");
  w.begin_array();
  for (const Diagnostic& d : frame.diagnostics) {
    w.begin_object();
    w.plain_key("kind");
    w.string(to_string(d.kind));
    w.plain_key("severity");
    w.string(to_string(d.severity));
    w.plain_key("layer");
    w.string(d.layer_id);
    w.plain_key("offset");
    w.unsigned_number(d.offset);
    w.plain_key("text");
    w.string(d.text);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace mctpkit::output
