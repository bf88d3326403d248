#include "mctpkit/core/decode_scope.hpp"

#include <algorithm>
#include <unordered_map>

namespace mctpkit {

DecodeScope::DecodeScope(const Registry& registry, const std::function<bool(const LayerDef&)>& reads) {
  if (reads(kRawLayer)) {
    whole_ = true;
    return;
  }
  // Every layer the registry can decode (declared, or met in a dispatch table), with the layers
  // its dispatch table can lead to.
  struct Node {
    const LayerDef* def;
    std::vector<std::size_t> next;
    bool entered;
  };
  std::vector<Node> nodes;
  std::unordered_map<const LayerDef*, std::size_t> index;
  auto node_of = [&](const LayerDef* def) {
    const auto [it, added] = index.try_emplace(def, nodes.size());
    if (added) nodes.push_back(Node{def, {}, reads(*def)});
    return it->second;
  };
  for (const LayerDef* def : registry.layers()) node_of(def);
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    const std::string_view table = nodes[n].def->next.table;
    if (table.empty()) continue;
    for (const auto& [key, next] : registry.entries(table)) {
      const std::size_t to = node_of(next);  // may add to `nodes`: no reference into it is held
      nodes[n].next.push_back(to);
    }
  }
  // A layer that leads to an entered one is entered too, until no more are added: as many
  // rounds as layers are nested.
  for (bool added = true; added;) {
    added = false;
    for (Node& node : nodes) {
      if (node.entered) continue;
      node.entered = std::any_of(node.next.begin(), node.next.end(), [&](std::size_t to) { return nodes[to].entered; });
      added = added || node.entered;
    }
  }
  for (const Node& node : nodes) {
    if (node.entered) entered_.push_back(node.def);
  }
  std::sort(entered_.begin(), entered_.end());
  whole_ = entered_.size() == nodes.size();
}

bool DecodeScope::enters(const LayerDef& def) const {
  return whole_ || std::binary_search(entered_.begin(), entered_.end(), &def);
}

}  // namespace mctpkit
