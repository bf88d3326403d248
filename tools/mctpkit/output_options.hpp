#pragma once
// The output options shared by the commands that print frames: -V, -x, -T, -D.

#include <CLI/CLI.hpp>

#include "mctpkit/output/output.hpp"

namespace mctpkit::cli {

struct OutputFlags {
  bool tree = false;
  bool hexdump = false;
  bool diagnostics = false;
  std::string format = "summary";

  void add_to(CLI::App& cmd) {
    cmd.add_flag("-V,--verbose", tree, "Detailed tree: every field with its value, meaning and abbreviation");
    cmd.add_flag("-x,--hex", hexdump, "Add a hex dump of each frame");
    cmd.add_option("-T,--format", format, "Output format: summary (default) or json (one object per line)")
        ->check(CLI::IsMember({"summary", "json"}));
    cmd.add_flag("-D,--diagnostics", diagnostics, "With summaries, list each frame's diagnostics below it");
  }

  output::RenderOptions options() const {
    output::RenderOptions o;
    o.format = format == "json" ? output::Format::Json : tree ? output::Format::Tree : output::Format::Summary;
    o.hexdump = hexdump;
    o.diagnostics = diagnostics;
    return o;
  }
};

}  // namespace mctpkit::cli
