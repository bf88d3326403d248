#include "mctpkit/capture/packet_lines.hpp"

#include <fmt/format.h>

#include <cctype>
#include <istream>

namespace mctpkit::capture {

namespace {

bool is_link_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

bool is_hex_text(std::string_view s) {
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

PacketLine parse_packet_line(std::string_view line, std::string_view default_link, const Registry& registry) {
  PacketLine out;
  if (std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
  std::size_t start = 0;
  while (start < line.size() && std::isspace(static_cast<unsigned char>(line[start]))) ++start;
  if (start == line.size()) return out;

  out.link = std::string(default_link);
  std::size_t body = start;
  std::size_t end = start;
  while (end < line.size() && is_link_char(line[end])) ++end;
  if (end < line.size() && line[end] == ':' && end > start) {
    std::string_view word = line.substr(start, end - start);
    if (registry.link(word) != nullptr) {
      out.link = std::string(word);
      body = end + 1;
    } else if (!is_hex_text(word) || word.size() > 2) {
      out.kind = PacketLine::Kind::Error;
      out.error = fmt::format("unknown link '{}' (links: {})", word, link_names(registry));
      return out;
    }
  }
  std::size_t column = 0;
  auto data = parse_hex(line.substr(body), &column);
  if (!data) {
    out.kind = PacketLine::Kind::Error;
    out.error = fmt::format("not hex at column {}: '{}'", body + column + 1,
                            std::string(line.substr(body + column, 16)));
    return out;
  }
  if (data->empty()) {
    out.kind = PacketLine::Kind::Error;
    out.error = "no bytes after the link name";
    return out;
  }
  out.kind = PacketLine::Kind::Packet;
  out.data = std::move(*data);
  return out;
}

}  // namespace mctpkit::capture
