#include <algorithm>
#include <stdexcept>

#include "mctpkit/core/suggest.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser {


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
    std::vector<std::string> names;
    for (const ExerciserInfo* k : registry.list()) names.push_back(k->name);
    if (std::string best = closest_name(spec.name, names); !best.empty()) message += " (did you mean " + best + "?)";
    message += "; known:";
    for (const ExerciserInfo* k : registry.list()) message += " " + k->name;
    throw std::invalid_argument(message);
  }
  return info->factory(spec);
}

}  // namespace mctpkit::exerciser
