#include "mctpkit/capture/packet_lines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <istream>

#include "mctpkit/core/hex_text.hpp"

namespace mctpkit::capture {

namespace {

bool is_link_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

// Hex digits, with or without 0x.
bool is_number(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s.remove_prefix(2);
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string link_names(const Registry& registry) {
  std::string out;
  for (const LinkDef& l : registry.links()) {
    if (!out.empty()) out += ", ";
    out += l.name;
  }
  return out;
}

}  // namespace

bool read_bounded_line(std::istream& in, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  std::streambuf* buffer = in.rdbuf();
  if (buffer == nullptr) return false;
  using Traits = std::istream::traits_type;
  bool any = false;
  for (Traits::int_type c = buffer->sbumpc(); !Traits::eq_int_type(c, Traits::eof()); c = buffer->sbumpc()) {
    any = true;
    if (Traits::to_char_type(c) == '\n') return true;
    if (line.size() < kMaxLineLength) {
      line.push_back(Traits::to_char_type(c));
    } else {
      too_long = true;
    }
  }
  in.setstate(std::ios::eofbit);
  return any;
}

PacketLine parse_packet_line(std::string_view text, std::string_view default_link, const Registry& registry) {
  PacketLine out;
  // '#' starts a comment to the end of its line.
  std::string kept;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    kept.append(line.substr(0, line.find('#')));
    if (end < text.size()) kept.push_back('\n');
    start = end + 1;
  }
  std::string_view line(kept);
  std::size_t start = 0;
  while (start < line.size() && std::isspace(static_cast<unsigned char>(line[start]))) ++start;
  if (start == line.size()) return out;

  out.link = std::string(default_link);
  std::size_t body = start;
  std::size_t end = start;
  while (end < line.size() && is_link_char(line[end])) ++end;
  if (end < line.size() && line[end] == ':' && end > start) {
    std::string_view word = line.substr(start, end - start);
    if (const LinkDef* link = registry.link(word)) {
      out.link = std::string(link->name);
      body = end + 1;
    } else if (!is_number(word)) {  // a number before ':' is a hex dump's offset column
      out.kind = PacketLine::Kind::Error;
      out.error = fmt::format("unknown link '{}' (links: {})", word, link_names(registry));
      return out;
    }
  }
  auto data = parse_hex_text(line.substr(body));
  if (auto* e = std::get_if<HexTextError>(&data)) {
    out.kind = PacketLine::Kind::Error;
    // A text of several lines (a hex dump on standard input) names the line; the link prefix
    // only shifts the first line's columns.
    out.error = e->line > 1 ? e->text(true) : fmt::format("column {}: {}", body + e->column, e->message);
    return out;
  }
  if (std::get<Bytes>(data).empty()) {
    out.kind = PacketLine::Kind::Error;
    out.error = "no bytes after the link name";
    return out;
  }
  out.kind = PacketLine::Kind::Packet;
  out.data = std::move(std::get<Bytes>(data));
  return out;
}

}  // namespace mctpkit::capture
