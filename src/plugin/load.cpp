// load_plugins(): the search path turned into library files, opened, and registered into the
// process-wide registries.

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/plugin/loader.hpp"

namespace mctpkit::plugin {

namespace {

LoadReport& process_report() {
  static LoadReport report;
  return report;
}

// The plugin files of a folder: its *.so files, by name.
std::vector<std::string> folder_libraries(const std::string& folder) {
  std::vector<std::string> out;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string path = it->path().string();
    if (it->path().extension() == ".so" && it->is_regular_file(ec)) out.push_back(path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const LoadReport& loaded_plugins() { return process_report(); }

LoadReport load_plugins(const LoadOptions& options) {
  LoadReport opened_refusals;
  std::vector<Candidate> candidates;
  std::vector<std::string> seen;   // real paths, so that a library found twice loads once
  std::vector<std::string> order;  // every path tried, in order
  for (const SearchEntry& entry : search_path(options)) {
    std::error_code ec;
    bool is_folder = std::filesystem::is_directory(entry.path, ec);
    if (!is_folder && !std::filesystem::exists(entry.path, ec)) {
      // A missing folder on a search path is normal; a missing --plugin file is a mistake.
      if (entry.route == "--plugin") {
        opened_refusals.refused.push_back({entry.path, "no such file"});
        order.push_back(entry.path);
      }
      continue;
    }
    std::vector<std::string> files = is_folder ? folder_libraries(entry.path) : std::vector<std::string>{entry.path};
    for (const std::string& file : files) {
      std::string real = std::filesystem::weakly_canonical(file, ec).string();
      if (ec) real = file;
      if (std::find(seen.begin(), seen.end(), real) != seen.end()) continue;
      seen.push_back(real);
      order.push_back(file);
      std::string reason;
      const Descriptor* descriptor = open_library(file, reason);
      if (descriptor == nullptr) {
        opened_refusals.refused.push_back({file, reason});
        continue;
      }
      candidates.push_back({file, descriptor});
    }
  }
  LoadReport& all = process_report();
  LoadReport report = register_plugins(candidates, mutable_default_registry(), exerciser::default_exercisers(),
                                       options.reserved_commands, all.loaded);
  // Refusals in the order the libraries were found, whatever stage refused them.
  report.refused.insert(report.refused.begin(), opened_refusals.refused.begin(), opened_refusals.refused.end());
  auto position = [&order](const RefusedPlugin& r) { return std::find(order.begin(), order.end(), r.path) - order.begin(); };
  std::stable_sort(report.refused.begin(), report.refused.end(),
                   [&](const RefusedPlugin& a, const RefusedPlugin& b) { return position(a) < position(b); });
  all.loaded.insert(all.loaded.end(), report.loaded.begin(), report.loaded.end());
  all.refused.insert(all.refused.end(), report.refused.begin(), report.refused.end());
  return report;
}

}  // namespace mctpkit::plugin
