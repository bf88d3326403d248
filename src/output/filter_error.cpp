#include <fmt/format.h>

#include "mctpkit/output/filter.hpp"

namespace mctpkit::output {

std::string FilterError::text() const {
  std::string out = fmt::format("{} at column {}", message, column);
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

std::string format_filter_error(const FilterError& error) {
  std::string out = error.text() + "\n    ";
  std::string caret = "    ";
  for (std::size_t i = 0; i < error.expression.size(); ++i) {
    const char c = error.expression[i];
    // Newlines would break the picture; tabs are kept on both lines so the caret lines up.
    out.push_back(c == '\n' || c == '\r' ? ' ' : c);
    if (i + 1 < error.column) caret.push_back(c == '\t' ? '\t' : ' ');
  }
  if (error.column > error.expression.size() + 1) caret.append(error.column - error.expression.size() - 1, ' ');
  caret.push_back('^');
  if (error.length > 1) caret.append(error.length - 1, '~');
  return out + "\n" + caret + "\n";
}

}  // namespace mctpkit::output
