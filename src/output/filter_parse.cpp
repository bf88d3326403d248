// Display filter parsing: a lexer, a recursive-descent parser (not > and > or) and, with a
// registry, checks of names and values against the fields they refer to.

#include <algorithm>
#include <charconv>
#include <cctype>
#include <deque>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "mctpkit/output/filter.hpp"
#include "core/detail/gcc12_false_positives.hpp"

namespace mctpkit::output {

namespace detail {

namespace {

// Nesting deeper than this is surely not a hand-written filter; refusing it keeps the recursive
// parser and evaluator far from the end of the stack.
constexpr int kMaxDepth = 200;

enum class Tok : std::uint8_t { Word, String, LParen, RParen, LBrace, RBrace, Comma, Rel, And, Or, Not, In, End };

struct Token {
  Tok kind = Tok::End;
  std::size_t pos = 0;     // byte offset in the expression
  std::string_view text;   // as written
  FilterOp op = FilterOp::Eq;  // Rel
  std::string value;       // String: unescaped
};

struct Failure {
  FilterError error;
};

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == ':' || c == '-';
}

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

int hex_digit(char c) { return hex_digit_value(c); }

// Decimal, 0x hex or 0b binary, fitting in 64 bits.
std::optional<std::uint64_t> parse_number(std::string_view s) {
  unsigned base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
    base = 2;
    s.remove_prefix(2);
  }
  if (s.empty()) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : s) {
    const int d = hex_digit(c);
    if (d < 0 || static_cast<unsigned>(d) >= base) return std::nullopt;
    if (n > (~std::uint64_t{0} - static_cast<unsigned>(d)) / base) return std::nullopt;
    n = n * base + static_cast<unsigned>(d);
  }
  return n;
}

// A decimal number with a fraction or an exponent ("1.5", "-2.5e3").
std::optional<long double> parse_real(std::string_view s) {
  if (s.find_first_of(".eE") == std::string_view::npos) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

// A byte string: "0x" and an even number of hex digits, or groups of an even number of hex
// digits separated by ':', '-' or '.' ("01:02:03", a UUID), or an even run of digits ("0102").
std::optional<Bytes> parse_bytes(std::string_view s) {
  bool prefixed = false;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s.remove_prefix(2);
    prefixed = true;
  }
  Bytes out;
  std::size_t group = 0;
  bool separated = false;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ':' || s[i] == '-' || s[i] == '.') {
      if (group == 0 || group % 2 != 0) return std::nullopt;
      if (i != s.size()) separated = true;
      group = 0;
      continue;
    }
    if (hex_digit(s[i]) < 0) return std::nullopt;
    ++group;
  }
  if (prefixed && separated) return std::nullopt;
  // Without a prefix or separators only digits count: "dead" is a name, not two bytes.
  if (!prefixed && !separated && !std::isdigit(static_cast<unsigned char>(s[0]))) return std::nullopt;
  for (std::size_t i = 0; i < s.size();) {
    if (hex_digit(s[i]) < 0) {
      ++i;
      continue;
    }
    out.push_back(static_cast<std::uint8_t>(hex_digit(s[i]) * 16 + hex_digit(s[i + 1])));
    i += 2;
  }
  return out;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; });
}

// A field or layer name: dot-separated segments of letters, digits and '_', starting with a
// letter or '_'.
bool is_name(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '.') {
      if (i == start) return false;
      start = i + 1;
    } else if (!(std::isalnum(static_cast<unsigned char>(s[i])) != 0 || s[i] == '_')) {
      return false;
    }
  }
  return true;
}

std::string shown(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) {
      out.push_back(c);
    } else {
      out += fmt::format("\\x{:02X}", u);
    }
  }
  return out;
}

// "2024-03-20T17:34:56.5Z": date, 'T' or a space, time with up to 9 fractional digits, then Z,
// +HH:MM or -HH:MM (none means UTC); nanoseconds since the epoch.
std::optional<std::int64_t> parse_iso_time(std::string_view s) {
  std::size_t at = 0;
  auto digits = [&](std::size_t n) -> std::optional<int> {
    if (at + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const char c = s[at + i];
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      v = v * 10 + (c - '0');
    }
    at += n;
    return v;
  };
  auto expect = [&](std::string_view chars) {
    if (at < s.size() && chars.find(s[at]) != std::string_view::npos) {
      ++at;
      return true;
    }
    return false;
  };
  auto y = digits(4);
  if (!y || !expect("-")) return std::nullopt;
  auto mo = digits(2);
  if (!mo || !expect("-")) return std::nullopt;
  auto d = digits(2);
  if (!d || !expect("T ")) return std::nullopt;
  auto h = digits(2);
  if (!h || !expect(":")) return std::nullopt;
  auto mi = digits(2);
  if (!mi || !expect(":")) return std::nullopt;
  auto sec = digits(2);
  if (!sec || *mo < 1 || *mo > 12 || *d < 1 || *d > 31 || *h > 23 || *mi > 59 || *sec > 60) return std::nullopt;
  std::int64_t fraction = 0;
  if (expect(".")) {
    int n = 0;
    while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at])) && n < 9) {
      fraction = fraction * 10 + (s[at++] - '0');
      ++n;
    }
    if (n == 0) return std::nullopt;
    for (; n < 9; ++n) fraction *= 10;
  }
  std::int64_t offset_minutes = 0;
  if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
    const bool minus = s[at++] == '-';
    auto oh = digits(2);
    if (!oh || !expect(":")) return std::nullopt;
    auto om = digits(2);
    if (!om) return std::nullopt;
    offset_minutes = (minus ? -1 : 1) * (*oh * 60 + *om);
  } else {
    expect("Zz");
  }
  if (at != s.size()) return std::nullopt;
  // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
  const std::int64_t year = *y - (*mo <= 2 ? 1 : 0);
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t yoe = year - era * 400;
  const std::int64_t doy = (153 * (*mo + (*mo > 2 ? -3 : 9)) + 2) / 5 + *d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = era * 146097 + doe - 719468;
  const std::int64_t seconds = days * 86400 + *h * 3600 + *mi * 60 + *sec - offset_minutes * 60;
  return seconds * 1000000000 + fraction;
}

// The packet names of filter.hpp: which one `name` is, if any.
std::optional<std::pair<PacketName, std::uint8_t>> packet_name(std::string_view name) {
  if (name == "frame.number") return std::pair{PacketName::FrameNumber, std::uint8_t{0}};
  if (name == "frame.time") return std::pair{PacketName::FrameTime, std::uint8_t{0}};
  if (name == "frame.len") return std::pair{PacketName::FrameLen, std::uint8_t{0}};
  if (name == "frame.link") return std::pair{PacketName::FrameLink, std::uint8_t{0}};
  if (name == "_diag") return std::pair{PacketName::Diag, std::uint8_t{0}};
  if (!name.starts_with("_diag.")) return std::nullopt;
  const std::string_view rest = name.substr(6);
  for (std::uint8_t k = 0; k <= static_cast<std::uint8_t>(DiagKind::TrailingData); ++k) {
    if (rest == diag_kind_name(static_cast<DiagKind>(k))) return std::pair{PacketName::DiagKind, k};
  }
  for (std::uint8_t k = 0; k <= static_cast<std::uint8_t>(Severity::Error); ++k) {
    if (rest == to_string(static_cast<Severity>(k))) return std::pair{PacketName::DiagSeverity, k};
  }
  return std::nullopt;
}

std::string_view op_text(FilterOp op) {
  switch (op) {
    case FilterOp::Eq: return "==";
    case FilterOp::Ne: return "!=";
    case FilterOp::AnyNe: return "~=";
    case FilterOp::Lt: return "<";
    case FilterOp::Le: return "<=";
    case FilterOp::Gt: return ">";
    case FilterOp::Ge: return ">=";
    case FilterOp::Contains: return "contains";
    case FilterOp::In: return "in";
    case FilterOp::Present: break;
  }
  return "";
}

std::optional<FilterOp> english_op(std::string_view w) {
  if (w == "eq") return FilterOp::Eq;
  if (w == "ne" || w == "all_ne") return FilterOp::Ne;
  if (w == "any_ne") return FilterOp::AnyNe;
  if (w == "lt") return FilterOp::Lt;
  if (w == "le") return FilterOp::Le;
  if (w == "gt") return FilterOp::Gt;
  if (w == "ge") return FilterOp::Ge;
  if (w == "contains") return FilterOp::Contains;
  return std::nullopt;
}

std::optional<std::uint64_t> enum_value(const FieldDef& def, std::string_view name) {
  for (const EnumEntry& e : def.enums) {
    if (iequal(e.name, name)) return e.value;
  }
  return std::nullopt;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  // The next token; End (repeatedly) once the text is used up. Tokens are made as the parser
  // asks for them, so a filter too deeply nested is refused before the rest is read.
  Token next_token() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
    if (pos_ == text_.size()) {
      Token end;
      end.pos = text_.size();
      return end;
    }
    return next();
  }

  [[noreturn]] void fail(std::size_t pos, std::size_t length, std::string message, std::string hint = {}) const {
    throw Failure{FilterError{std::move(message), pos + 1, std::max<std::size_t>(length, 1), std::move(hint),
                              std::string(text_)}};
  }

 private:
  Token make(Tok kind, std::size_t length, FilterOp op = FilterOp::Eq) {
    Token t;
    t.kind = kind;
    t.pos = pos_;
    t.text = text_.substr(pos_, length);
    t.op = op;
    pos_ += length;
    return t;
  }

  Token next() {
    const char c = text_[pos_];
    const char d = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    switch (c) {
      case '(': return make(Tok::LParen, 1);
      case ')': return make(Tok::RParen, 1);
      case '{': return make(Tok::LBrace, 1);
      case '}': return make(Tok::RBrace, 1);
      case ',': return make(Tok::Comma, 1);
      case '"': return string();
      case '=':
        if (d == '=') return make(Tok::Rel, 2, FilterOp::Eq);
        fail(pos_, 1, "unexpected '='", "did you mean '=='?");
      case '!': return d == '=' ? make(Tok::Rel, 2, FilterOp::Ne) : make(Tok::Not, 1);
      case '~':
        if (d == '=') return make(Tok::Rel, 2, FilterOp::AnyNe);
        fail(pos_, 1, "unexpected '~'", "did you mean '~='?");
      case '<': return d == '=' ? make(Tok::Rel, 2, FilterOp::Le) : make(Tok::Rel, 1, FilterOp::Lt);
      case '>': return d == '=' ? make(Tok::Rel, 2, FilterOp::Ge) : make(Tok::Rel, 1, FilterOp::Gt);
      case '&':
        if (d == '&') return make(Tok::And, 2);
        fail(pos_, 1, "unexpected '&'", "did you mean '&&'?");
      case '|':
        if (d == '|') return make(Tok::Or, 2);
        fail(pos_, 1, "unexpected '|'", "did you mean '||'?");
      default: break;
    }
    if (!is_word_char(c)) fail(pos_, 1, fmt::format("unexpected character '{}'", shown(text_.substr(pos_, 1))));
    std::size_t end = pos_;
    while (end < text_.size() && is_word_char(text_[end])) ++end;
    const std::string_view w = text_.substr(pos_, end - pos_);
    if (w == "and") return make(Tok::And, w.size());
    if (w == "or") return make(Tok::Or, w.size());
    if (w == "not") return make(Tok::Not, w.size());
    if (w == "in") return make(Tok::In, w.size());
    if (auto op = english_op(w)) return make(Tok::Rel, w.size(), *op);
    return make(Tok::Word, w.size());
  }

  Token string() {
    const std::size_t start = pos_;
    std::string value;
    std::size_t i = pos_ + 1;
    while (true) {
      if (i >= text_.size()) fail(start, 1, "unterminated string");
      const char c = text_[i];
      if (c == '"') break;
      if (c != '\\') {
        value.push_back(c);
        ++i;
        continue;
      }
      if (i + 1 >= text_.size()) fail(start, 1, "unterminated string");
      const char e = text_[i + 1];
      switch (e) {
        case '"':
        case '\\': value.push_back(e); break;
        case 'n': value.push_back('\n'); break;
        case 't': value.push_back('\t'); break;
        case 'r': value.push_back('\r'); break;
        case '0': value.push_back('\0'); break;
        case 'x': {
          const int hi = i + 2 < text_.size() ? hex_digit(text_[i + 2]) : -1;
          const int lo = i + 3 < text_.size() ? hex_digit(text_[i + 3]) : -1;
          if (hi < 0 || lo < 0) fail(i, 2, "invalid escape '\\x' in string", "write \\x and two hex digits");
          value.push_back(static_cast<char>(hi * 16 + lo));
          i += 2;
          break;
        }
        default: fail(i, 2, fmt::format("invalid escape '\\{}' in string", shown(text_.substr(i + 1, 1))));
      }
      i += 2;
    }
    Token t = make(Tok::String, i + 1 - start);
    t.value = std::move(value);
    return t;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

class FilterParser {
 public:
  FilterParser(std::string_view text, const Registry* registry) : text_(text), registry_(registry), lexer_(text) {}

  std::variant<Filter, FilterError> run() {
    try {
      if (peek().kind == Tok::End) fail(peek(), "empty filter");
      filter_.text_ = std::string(text_);
      filter_.root_ = parse_or(0);
      if (peek().kind != Tok::End) {
        if (peek().kind == Tok::RParen) fail(peek(), "unbalanced parenthesis", "no '(' to close");
        fail(peek(), fmt::format("unexpected '{}' after '{}'", shown(peek().text), shown(previous().text)),
             last_was_name_ ? "expected a comparison, 'and' or 'or'" : "expected 'and' or 'or'");
      }
      return std::move(filter_);
    } catch (const Failure& f) {
      return f.error;
    }
  }

 private:
  // Tokens live in a deque so references to earlier ones stay valid while more are read.
  const Token& peek() {
    if (at_ == tokens_.size()) tokens_.push_back(lexer_.next_token());
    return tokens_[at_];
  }
  const Token& previous() { return at_ == 0 ? peek() : tokens_[at_ - 1]; }
  const Token& take() {
    const Token& t = peek();
    if (t.kind != Tok::End) ++at_;
    return t;
  }

  [[noreturn]] void fail(const Token& t, std::string message, std::string hint = {}) const {
    const std::size_t length = t.kind == Tok::End ? 1 : t.text.size();
    throw Failure{FilterError{std::move(message), t.pos + 1, length, std::move(hint), std::string(text_)}};
  }

  std::uint32_t add(FilterNode node) {
    filter_.nodes_.push_back(node);
    return static_cast<std::uint32_t>(filter_.nodes_.size() - 1);
  }

  // A chain "x or y or z" (or "and") becomes one node with its operands side by side.
  std::uint32_t chain(FilterNode::Kind kind, std::vector<std::uint32_t>& operands) {
    if (operands.size() == 1) return operands.front();
    std::vector<std::uint32_t>& all = filter_.operands_;
    const auto first = static_cast<std::uint32_t>(all.size());
    all.insert(all.end(), operands.begin(), operands.end());
    return add({kind, first, static_cast<std::uint32_t>(operands.size())});
  }

  std::uint32_t parse_or(int depth) {
    std::vector<std::uint32_t> operands{parse_and(depth)};
    while (peek().kind == Tok::Or) {
      take();
      operands.push_back(parse_and(depth));
    }
    return chain(FilterNode::Kind::Or, operands);
  }

  std::uint32_t parse_and(int depth) {
    std::vector<std::uint32_t> operands{parse_unary(depth)};
    while (peek().kind == Tok::And) {
      take();
      operands.push_back(parse_unary(depth));
    }
    return chain(FilterNode::Kind::And, operands);
  }

  std::uint32_t parse_unary(int depth) {
    if (depth > kMaxDepth) fail(peek(), "filter nested too deeply");
    if (peek().kind == Tok::Not) {
      take();
      const std::uint32_t child = parse_unary(depth + 1);
      return add({FilterNode::Kind::Not, child, 0});
    }
    return parse_primary(depth);
  }

  std::uint32_t parse_primary(int depth) {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::LParen: {
        take();
        ++open_parens_;
        const std::uint32_t inner = parse_or(depth + 1);
        if (peek().kind == Tok::End) fail(t, "unbalanced parenthesis", "no ')' closes it");
        if (peek().kind != Tok::RParen) {
          fail(peek(), fmt::format("unexpected '{}' after '{}'", shown(peek().text), shown(previous().text)),
               last_was_name_ ? "expected a comparison, 'and', 'or' or ')'" : "expected 'and', 'or' or ')'");
        }
        take();
        --open_parens_;
        last_was_name_ = false;
        return inner;
      }
      case Tok::RParen:
        if (open_parens_ == 0) fail(t, "unbalanced parenthesis", "no '(' to close");
        fail(t, "expected a field or layer name");
      case Tok::End:
        fail(t, fmt::format("expected a field or layer name after '{}'", shown(previous().text)));
      case Tok::Word:
        if (is_name(t.text)) return parse_test();
        [[fallthrough]];
      default: fail(t, "expected a field or layer name");
    }
  }

  std::uint32_t parse_test() {
    const Token& name = take();
    if (auto packet = packet_name(name.text)) return parse_packet_test(name, *packet);
    FilterTest test{FieldRef(name.text), FilterOp::Present, {}};
    const Token& next = peek();
    std::vector<const FieldDef*> targets;
    if (next.kind == Tok::Rel || next.kind == Tok::In) {
      test.op = next.kind == Tok::In ? FilterOp::In : next.op;
      take();
      if (registry_ != nullptr) targets = comparable_targets(name);
      if (test.op == FilterOp::Contains && registry_ != nullptr &&
          std::none_of(targets.begin(), targets.end(), [](const FieldDef* d) { return d->kind == FieldKind::Bytes; })) {
        fail(next, fmt::format("'contains' needs a byte string or text field; {} is a number", name.text));
      }
      if (test.op == FilterOp::In) {
        parse_set(next, name.text, targets, test.values);
      } else {
        test.values.push_back(parse_value(next, name.text, targets));
      }
      last_was_name_ = false;
    } else {
      if (registry_ != nullptr) check_presence_name(name);
      last_was_name_ = true;
    }
    filter_.tests_.push_back(std::move(test));
    return add({FilterNode::Kind::Test, static_cast<std::uint32_t>(filter_.tests_.size() - 1), 0});
  }

  // A test of a name about the packet (frame.number, _diag ...), not of a layer's field.
  std::uint32_t parse_packet_test(const Token& name, std::pair<PacketName, std::uint8_t> packet) {
    FilterTest test{FieldRef(name.text), FilterOp::Present, {}, packet.first, packet.second};
    const Token& next = peek();
    const bool diag = packet.first == PacketName::Diag || packet.first == PacketName::DiagKind ||
                      packet.first == PacketName::DiagSeverity;
    if (next.kind == Tok::Rel || next.kind == Tok::In) {
      if (diag) fail(next, fmt::format("{} can only be tested for presence", name.text), fmt::format("write '{}' alone", name.text));
      test.op = next.kind == Tok::In ? FilterOp::In : next.op;
      const bool link = packet.first == PacketName::FrameLink;
      if (test.op == FilterOp::Contains || (link && test.op != FilterOp::Eq && test.op != FilterOp::Ne &&
                                            test.op != FilterOp::AnyNe && test.op != FilterOp::In)) {
        fail(next, fmt::format("{} cannot be compared with '{}'", name.text, op_text(next.op)),
             link ? "frame.link takes ==, != or in" : "");
      }
      take();
      if (test.op == FilterOp::In) {
        const Token& brace = peek();
        if (brace.kind != Tok::LBrace) fail(brace, "expected '{' after 'in'");
        take();
        while (peek().kind != Tok::RBrace) {
          if (peek().kind == Tok::End) fail(brace, "unbalanced brace", "no '}' closes it");
          if (peek().kind == Tok::Comma && !test.values.empty()) {
            take();
            continue;
          }
          test.values.push_back(parse_packet_value(next, name.text, packet.first));
        }
        if (test.values.empty()) fail(peek(), "expected a value after '{'");
        take();
      } else {
        test.values.push_back(parse_packet_value(next, name.text, packet.first));
      }
      last_was_name_ = false;
    } else {
      last_was_name_ = true;
    }
    filter_.tests_.push_back(std::move(test));
    return add({FilterNode::Kind::Test, static_cast<std::uint32_t>(filter_.tests_.size() - 1), 0});
  }

  FilterValue parse_packet_value(const Token& op, std::string_view name, PacketName packet) {
    const Token& t = peek();
    if (t.kind != Tok::Word && t.kind != Tok::String) {
      fail(t, fmt::format("expected a value after '{}'", op.kind == Tok::In ? "in" : op_text(op.op)));
    }
    take();
    FilterValue v;
    v.quoted = t.kind == Tok::String;
    v.text = v.quoted ? t.value : std::string(t.text);
    if (packet == PacketName::FrameLink) return v;
    if (packet == PacketName::FrameTime && v.quoted) {
      auto ns = parse_iso_time(v.text);
      if (!ns) fail(t, fmt::format("'{}' is not a time", shown(v.text)), "write \"2024-03-20T17:34:56Z\" (UTC) or epoch seconds");
      v.has_number = true;
      v.number = static_cast<long double>(*ns);
      return v;
    }
    if (!v.quoted) {
      if (auto n = parse_number(t.text)) {
        v.has_number = true;
        v.number = static_cast<long double>(*n);
      } else if (auto real = packet == PacketName::FrameTime ? parse_real(t.text) : std::nullopt) {
        v.has_number = true;
        v.number = *real;
      }
    }
    if (!v.has_number) {
      fail(t, fmt::format("'{}' is not a number", shown(v.text)),
           packet == PacketName::FrameTime ? "frame.time takes epoch seconds or a quoted ISO 8601 time"
                                           : fmt::format("{} takes a number", name));
    }
    // Times compare in nanoseconds.
    if (packet == PacketName::FrameTime) v.number *= 1000000000.0L;
    return v;
  }

  void parse_set(const Token& in, std::string_view field, const std::vector<const FieldDef*>& targets,
                 std::vector<FilterValue>& values) {
    const Token& brace = peek();
    if (brace.kind != Tok::LBrace) fail(brace, "expected '{' after 'in'");
    take();
    while (true) {
      const Token& t = peek();
      if (t.kind == Tok::RBrace) break;
      if (t.kind == Tok::End) fail(brace, "unbalanced brace", "no '}' closes it");
      if (t.kind == Tok::Comma && !values.empty()) {
        take();
        continue;
      }
      values.push_back(parse_value(in, field, targets));
    }
    if (values.empty()) fail(peek(), "expected a value after '{'");
    take();
  }

  FilterValue parse_value(const Token& op, std::string_view field, const std::vector<const FieldDef*>& targets) {
    const Token& t = peek();
    if (t.kind != Tok::Word && t.kind != Tok::String) {
      fail(t, fmt::format("expected a value after '{}'", op.kind == Tok::In ? "in" : op_text(op.op)));
    }
    take();
    FilterValue v;
    if (t.kind == Tok::String) {
      v.quoted = true;
      v.text = t.value;
      v.has_bytes = true;
      v.bytes.assign(t.value.begin(), t.value.end());
    } else {
      v.text = std::string(t.text);
      if (auto n = parse_number(t.text)) {
        v.has_number = true;
        v.number = static_cast<long double>(*n);
      } else if (auto negative = t.text.size() > 1 && t.text[0] == '-' ? parse_number(t.text.substr(1)) : std::nullopt) {
        v.has_number = true;
        v.number = -static_cast<long double>(*negative);
      } else if (auto real = parse_real(t.text)) {
        v.has_number = true;
        v.number = *real;
      } else if (iequal(t.text, "true") || iequal(t.text, "false")) {
        v.has_number = true;
        v.number = iequal(t.text, "true") ? 1 : 0;
      }
      if (auto b = parse_bytes(t.text)) {
        v.has_bytes = true;
        v.bytes = std::move(*b);
      }
      if (!v.has_number && !v.has_bytes && !is_identifier(t.text)) {
        const bool digits = std::all_of(t.text.begin(), t.text.end(),
                                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        if (digits) fail(t, fmt::format("number '{}' is too large", t.text), "at most 64 bits");
        fail(t, fmt::format("invalid value '{}'", shown(t.text)),
             is_name(t.text) ? "comparing two fields is not supported" : "");
      }
    }
    if (registry_ != nullptr) check_value(t, field, targets, v);
    return v;
  }

  // ---- registry checks ------------------------------------------------------------------------

  bool is_layer_name(const FieldRef& ref) const {
    if (ref.names_layer(kRawLayer)) return true;
    const std::vector<const LayerDef*> layers = registry_->layers();
    return std::any_of(layers.begin(), layers.end(), [&](const LayerDef* l) { return ref.names_layer(*l); });
  }

  std::string suggestion(std::string_view name) const {
    if (names_.empty()) {
      names_ = filter_names(*registry_);
      for (std::string& n : packet_filter_names()) names_.push_back(std::move(n));
    }
    std::string best = closest_name(name, names_);
    if (best.empty() && name.find('.') == std::string_view::npos) {
      // A bare field name: suggest the first abbreviation ending with it.
      MCTPKIT_GCC12_FALSE_POSITIVE_BEGIN("-Wrestrict")  // see gcc12_false_positives.hpp
      const std::string tail = "." + std::string(name);
      MCTPKIT_GCC12_FALSE_POSITIVE_END
      for (const std::string& n : names_) {
        if (n.size() > tail.size() && n.ends_with(tail)) return "did you mean " + n + "?";
      }
    }
    return best.empty() ? std::string() : "did you mean " + best + "?";
  }

  void check_presence_name(const Token& name) const {
    if (!field_defs(name.text).empty() || is_layer_name(FieldRef(name.text))) return;
    fail(name, fmt::format("unknown field or layer '{}'", name.text), suggestion(name.text));
  }

  // Looked up once per distinct name: a long filter repeats the same few names.
  const std::vector<const FieldDef*>& field_defs(std::string_view name) const {
    auto found = defs_by_name_.find(name);
    if (found == defs_by_name_.end()) {
      found = defs_by_name_.emplace(std::string(name), find_field_defs(*registry_, name)).first;
    }
    return found->second;
  }

  std::vector<const FieldDef*> comparable_targets(const Token& name) const {
    const std::vector<const FieldDef*>& defs = field_defs(name.text);
    if (!defs.empty()) return defs;
    if (is_layer_name(FieldRef(name.text))) {
      fail(name, fmt::format("'{}' is a layer, not a field", name.text), "only fields can be compared");
    }
    fail(name, fmt::format("unknown field '{}'", name.text), suggestion(name.text));
  }

  static bool usable(const FieldDef& def, const FilterValue& v) {
    switch (def.kind) {
      case FieldKind::UInt:
      case FieldKind::Bits: return v.has_number || enum_value(def, v.text).has_value();
      case FieldKind::List: return v.has_number;
      case FieldKind::Bytes: return v.has_bytes || def.display == Display::Ascii;
      case FieldKind::Payload: break;
    }
    return false;
  }

  void check_value(const Token& t, std::string_view field, const std::vector<const FieldDef*>& targets,
                   FilterValue& v) const {
    for (const FieldDef* def : targets) {
      if (v.has_number || def->enums.empty()) continue;
      if (auto n = enum_value(*def, v.text)) v.names.emplace_back(def, *n);
    }
    if (std::any_of(targets.begin(), targets.end(), [&](const FieldDef* d) { return usable(*d, v); })) return;
    const FieldDef& def = *targets.front();
    const std::string written = shown(v.quoted ? "\"" + v.text + "\"" : v.text);
    if (def.kind == FieldKind::Bytes) {
      fail(t, fmt::format("'{}' is not a byte string", written), "write bytes as 01:02:03 or 0x010203");
    }
    if (def.enums.empty() || def.kind == FieldKind::List) {
      fail(t, fmt::format("'{}' is not a number", written), fmt::format("{} takes a number", field));
    }
    std::vector<std::string> names;
    for (const FieldDef* d : targets) {
      for (const EnumEntry& e : d->enums) names.emplace_back(e.name);
    }
    std::string best = closest_name(v.text, names);
    fail(t, fmt::format("'{}' is not a value of {}", written, field),
         best.empty() ? fmt::format("{} takes a number or a name such as {}", field, names.front())
                      : "did you mean " + best + "?");
  }

  std::string_view text_;
  const Registry* registry_;
  Lexer lexer_;
  std::deque<Token> tokens_;
  std::size_t at_ = 0;
  mutable std::map<std::string, std::vector<const FieldDef*>, std::less<>> defs_by_name_;
  int open_parens_ = 0;
  bool last_was_name_ = false;  // the last primary was a bare name (a comparison could follow)
  mutable std::vector<std::string> names_;  // every known name, gathered for the first suggestion
  Filter filter_;
};

}  // namespace detail

std::variant<Filter, FilterError> parse_filter(std::string_view text, const Registry* registry) {
  return detail::FilterParser(text, registry).run();
}

}  // namespace mctpkit::output
