#pragma once
// Reads the golden vector files: "<link>: <hex>\t<expected summary>" per line.

#include <fstream>
#include <string>
#include <vector>

#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/capture/packet_lines.hpp"

namespace mctpkit::testing {

struct Vector {
  std::string link;
  Bytes data;
  std::string expected;
  std::string source;  // "file:line" for failure messages
};

inline std::vector<Vector> load_vectors(const std::string& name) {
  std::vector<Vector> out;
  std::string path = std::string(MCTPKIT_SHARED_DIR) + "/vectors/" + name;
  std::ifstream in(path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    auto parsed = capture::parse_packet_line(line.substr(0, tab), "mctp", default_registry());
    if (parsed.kind != capture::PacketLine::Kind::Packet) continue;
    out.push_back({parsed.link, parsed.data, line.substr(tab + 1), name + ":" + std::to_string(number)});
  }
  return out;
}

}  // namespace mctpkit::testing
