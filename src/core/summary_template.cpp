// Summary templates ("GetTID (tid: {tid:02X})"), each read once per field table into parts: a
// literal run, then a field by its place in the table and how to write it. Reading the template
// and finding each field by its name for every packet cost more than writing the text.

#include <fmt/format.h>

#include <cstring>
#include <unordered_map>
#include <vector>

#include "mctpkit/core/format.hpp"
#include "mctpkit/core/text_append.hpp"
#include "core/detail/per_thread.hpp"
#include "core/detail/table_text_key.hpp"
#include "core/detail/value_text.hpp"

namespace mctpkit {

namespace {

struct Part {
  enum class Kind : std::uint8_t { Field, Missing, End };
  // How a number with a format spec is written: the specs summaries nearly always use ("02X",
  // "X", "08X", "d") without a format string, anything else through fmt.
  enum class Spec : std::uint8_t { None, Decimal, Hex, Fmt };

  std::string_view literal;  // written first; End: the rest of the template
  Kind kind = Kind::End;
  std::size_t index = 0;  // Field: its place in the table
  std::string_view name;  // Field: the declared name found (compared by address, never read)
  Spec spec = Spec::None;
  unsigned width = 0;  // Decimal and Hex: at least this many digits
  std::string format;  // Fmt: "{:spec}"
};

Part::Spec read_spec(std::string_view spec, unsigned& width) {
  std::size_t i = 0;
  const bool zero = i < spec.size() && spec[i] == '0';
  if (zero) ++i;
  width = 0;
  while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9' && width < 64) {
    width = width * 10 + static_cast<unsigned>(spec[i++] - '0');
  }
  bool hex = false;
  if (i < spec.size() && (spec[i] == 'X' || spec[i] == 'd')) hex = spec[i++] == 'X';
  if (i != spec.size() || (width != 0 && !zero)) return Part::Spec::Fmt;  // space padding, 'x', '#'...
  return hex ? Part::Spec::Hex : Part::Spec::Decimal;
}

class Program {
 public:
  // `text` is kept: the parts' literals point into it.
  Program(const Fields& fields, std::string_view tmpl) : text_(tmpl) { compile(fields); }
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  /// Whether this was made from `tmpl` for a table of the fields of `fields`.
  bool made_for(const Fields& fields, std::string_view tmpl) const {
    if (text_ != tmpl) return false;
    for (const Part& p : parts_) {
      if (p.kind != Part::Kind::Field) continue;
      if (p.index >= fields.size() || fields.defs()[p.index].name.data() != p.name.data()) return false;
    }
    return true;
  }

  void render(const Fields& fields, std::string& out) const {
    // Literals and values gather in a buffer, which goes to `out` before anything else writes
    // there (a list element's text, a value through the format library) and at the end.
    TextBuffer text(out);
    for (const Part& p : parts_) {
      text.put(p.literal);
      switch (p.kind) {
        case Part::Kind::End: return;
        case Part::Kind::Missing: text.put('?'); break;
        case Part::Kind::Field: render_field(fields, p, text, out); break;
      }
    }
  }

 private:
  void compile(const Fields& fields) {
    const std::string_view tmpl = text_;
    std::size_t i = 0;
    while (true) {
      const std::size_t open = tmpl.find('{', i);
      const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
      if (close == std::string_view::npos) {
        // No field left (or one never closed, written as it is).
        parts_.emplace_back().literal = tmpl.substr(i);
        return;
      }
      Part part;
      part.literal = tmpl.substr(i, open - i);
      const std::string_view inner = tmpl.substr(open + 1, close - open - 1);
      const std::size_t colon = inner.find(':');
      part.index = fields.index_of(inner.substr(0, colon));
      if (part.index == Fields::npos) {
        part.kind = Part::Kind::Missing;
      } else {
        part.kind = Part::Kind::Field;
        part.name = fields.defs()[part.index].name;
        if (colon != std::string_view::npos) {
          const std::string_view spec = inner.substr(colon + 1);
          part.spec = read_spec(spec, part.width);
          if (part.spec == Part::Spec::Fmt) part.format = "{:" + std::string(spec) + "}";
        }
      }
      parts_.push_back(std::move(part));
      i = close + 1;
    }
  }

  static void render_field(const Fields& fields, const Part& p, TextBuffer& text, std::string& out) {
    const FieldDef& def = fields.defs()[p.index];
    const FieldValue& value = fields.value(p.index);
    if (def.kind == FieldKind::List) {
      const StructDef& element = *def.element;
      for (std::size_t k = 0; k < value.items.size(); ++k) {
        if (k != 0) text.put(element.joiner);
        text.flush();
        render_template(value.items[k], element.summary, out);
      }
      if (value.cut) {
        if (!value.items.empty()) text.put(element.joiner);
        text.put("...");
      }
      return;
    }
    if (value.state != FieldValue::State::Set && def.is_derived()) {
      text.put("None");
      return;
    }
    if (p.spec == Part::Spec::None || def.kind == FieldKind::Bytes) {
      detail::put_value(def, value, text);
      return;
    }
    const std::uint64_t n = value.is_set() ? value.number : def.default_value;
    switch (p.spec) {
      case Part::Spec::Decimal: text.number<10>(n, p.width); return;
      case Part::Spec::Hex: text.number<16>(n, p.width); return;
      case Part::Spec::Fmt:
        text.flush();
        fmt::format_to(std::back_inserter(out), fmt::runtime(p.format), n);
        return;
      case Part::Spec::None: return;
    }
  }

  std::string text_;
  std::vector<Part> parts_;
};

}  // namespace

void render_template(const Fields& fields, std::string_view tmpl, std::string& out) {
  // Programs per thread, for every template and table met (declarations live as long as the
  // program; one found at a reused address is checked and made again). Beyond the bound, far
  // more than every declaration, a template is read each time.
  auto& programs = detail::per_thread<std::unordered_map<detail::TableTextKey, Program, detail::TableTextKeyHash>>();
  constexpr std::size_t kMaxPrograms = 4096;
  const detail::TableTextKey key(fields.defs(), tmpl);
  auto it = programs.find(key);
  if (it != programs.end() && !it->second.made_for(fields, tmpl)) {
    programs.erase(it);
    it = programs.end();
  }
  if (it == programs.end()) {
    if (programs.size() >= kMaxPrograms) return Program(fields, tmpl).render(fields, out);
    it = programs.try_emplace(key, fields, tmpl).first;
  }
  it->second.render(fields, out);
}

}  // namespace mctpkit
