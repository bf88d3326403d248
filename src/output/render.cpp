#include "mctpkit/output/output.hpp"

namespace mctpkit::output {

std::string render(const Frame& frame, const RenderOptions& options) {
  std::string out;
  switch (options.format) {
    case Format::Summary:
      out = summary(frame);
      if (options.markers) out += markers(frame);
      out += "\n";
      if (options.diagnostics) {
        for (const Diagnostic& d : frame.diagnostics) out += "    " + describe(d) + "\n";
      }
      break;
    case Format::Tree: out = tree(frame); break;
    case Format::Json: out = json(frame) + "\n"; break;
  }
  if (options.hexdump) out += hexdump(frame.data);
  if (options.format == Format::Tree || options.hexdump) out += "\n";
  return out;
}

}  // namespace mctpkit::output
