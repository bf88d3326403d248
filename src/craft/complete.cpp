// Completing a crafted message: the layer a set dispatch key selects, and the check of what was
// built.

#include <fmt/format.h>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/craft/expression.hpp"

namespace mctpkit::craft {

bool complete_message(Frame& frame, const Registry& registry) {
  if (frame.layers.empty()) return false;
  const Layer& top = frame.layers.back();
  const DispatchDef& next = top.def().next;
  if (next.table.empty() || next.key.front().empty()) return false;
  Key key;
  bool chosen = false;
  for (std::string_view name : next.key) {
    if (name.empty()) break;
    // A key taken from an enclosing layer cannot be worked out here; leave such stacks as given.
    if (name.find('.') != std::string_view::npos) return false;
    const std::size_t index = top.index_of(name);
    if (index == Fields::npos) return false;
    chosen = chosen || top.value(index).is_set();
    key.parts[key.count++] = top.num(name);
  }
  if (!chosen) return false;
  const LayerDef* def = registry.lookup(next.table, key);
  if (def == nullptr) return false;
  frame.layers.emplace_back(*def);
  return true;
}

std::vector<std::string> stacking_problems(const Frame& frame, const Registry& registry) {
  std::vector<std::string> problems;
  for (std::size_t i = 0; i + 1 < frame.layers.size(); ++i) {
    const LayerDef& lower = frame.layers[i].def();
    const LayerDef& upper = frame.layers[i + 1].def();
    if (lower.next.table.empty() || &upper == &kRawLayer) continue;
    if (registry.key_of(lower.next.table, upper) != nullptr) continue;
    std::string where = upper.bind.table.empty() ? std::string("nothing leads to it")
                                                  : fmt::format("it belongs in {}", upper.bind.table);
    problems.push_back(fmt::format("{} does not lead to {} ({}); it is built as given but decodes as something else",
                                   lower.name_for_craft(), upper.name_for_craft(), where));
  }
  return problems;
}

std::vector<Diagnostic> check_built(const Frame& frame, ByteView wire, const Registry& registry) {
  std::vector<Diagnostic> problems;
  if (frame.layers.empty()) return problems;
  for (Diagnostic& d : decode(wire, frame.layers.front().def(), registry).diagnostics) {
    if (d.severity != Severity::Info) problems.push_back(std::move(d));
  }
  return problems;
}

}  // namespace mctpkit::craft
