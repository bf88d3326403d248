#include <algorithm>
#include <stdexcept>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser {

namespace {

// Edit distance, for "did you mean" in an unknown exerciser name.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

void ExerciserRegistry::add(ExerciserInfo info) {
  if (const ExerciserInfo* existing = find(info.name)) {
    throw std::invalid_argument("exerciser '" + info.name + "' from " + info.owner + " clashes with the one from " +
                                existing->owner);
  }
  kinds_.push_back(std::make_unique<ExerciserInfo>(std::move(info)));
}

const ExerciserInfo* ExerciserRegistry::find(std::string_view name) const {
  for (const auto& k : kinds_) {
    if (k->name == name) return k.get();
  }
  return nullptr;
}

std::vector<const ExerciserInfo*> ExerciserRegistry::list() const {
  std::vector<const ExerciserInfo*> out;
  for (const auto& k : kinds_) out.push_back(k.get());
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
  return out;
}

std::unique_ptr<Exerciser> open(std::string_view text, const ExerciserRegistry& registry) {
  Spec spec = parse_spec(text);
  const ExerciserInfo* info = registry.find(spec.name);
  if (!info) {
    std::string message = "unknown exerciser '" + spec.name + "'";
    const ExerciserInfo* best = nullptr;
    std::size_t best_distance = 3;
    for (const ExerciserInfo* k : registry.list()) {
      std::size_t d = distance(spec.name, k->name);
      if (d < best_distance) best_distance = d, best = k;
    }
    if (best) message += " (did you mean " + best->name + "?)";
    message += "; known:";
    for (const ExerciserInfo* k : registry.list()) message += " " + k->name;
    throw std::invalid_argument(message);
  }
  return info->factory(spec);
}

}  // namespace mctpkit::exerciser
