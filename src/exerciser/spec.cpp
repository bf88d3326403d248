#include <stdexcept>
#include <string>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser {

std::optional<std::string> Spec::get(std::string_view key) const {
  for (const auto& [k, v] : options) {
    if (k == key) return v;
  }
  return std::nullopt;
}

Spec parse_spec(std::string_view text) {
  Spec spec;
  std::size_t colon = text.find(':');
  spec.name = std::string(text.substr(0, colon));
  if (spec.name.empty()) {
    throw std::invalid_argument("exerciser specification '" + std::string(text) + "' has no name (expected NAME:OPTIONS)");
  }
  if (colon == std::string_view::npos) return spec;
  std::string_view rest = text.substr(colon + 1);
  bool first = true;
  while (true) {
    std::size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      if (!first || item.empty()) {
        throw std::invalid_argument("exerciser option '" + std::string(item) + "' in '" + std::string(text) +
                                    "' is not KEY=VALUE (only the first item may omit its key)");
      }
      spec.main = std::string(item);
    } else {
      std::string key(item.substr(0, eq));
      if (key.empty()) {
        throw std::invalid_argument("exerciser option '" + std::string(item) + "' in '" + std::string(text) + "' has no key");
      }
      if (spec.get(key)) {
        throw std::invalid_argument("exerciser option '" + key + "' is given twice in '" + std::string(text) + "'");
      }
      spec.options.emplace_back(std::move(key), std::string(item.substr(eq + 1)));
    }
    first = false;
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return spec;
}

}  // namespace mctpkit::exerciser
