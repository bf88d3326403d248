// Where plugins are looked for: explicit paths, MCTPKIT_PLUGIN_PATH, the user folder, the
// folder installed beside the library. Like the dynamic loader, secure-execution mode (setuid or
// setgid, file capabilities) ignores what the environment says; plain root is not that mode.

#include <dlfcn.h>
#include <sys/auxv.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "mctpkit/plugin/loader.hpp"

namespace mctpkit::plugin {

namespace {

std::string env(const char* name) {
  const char* v = secure_getenv(name);
  return v ? v : "";
}

// The folder installed with this library: <libdir>/mctpkit/plugins, found from where the
// library itself was loaded, so that a relocated install finds its own plugins.
std::string system_folder() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&search_path), &info) == 0 || info.dli_fname == nullptr) return {};
  std::string self = info.dli_fname;
  auto slash = self.rfind('/');
  if (slash == std::string::npos) return {};
  // Loaded through a run path such as $ORIGIN/../lib: show <prefix>/lib, not <prefix>/bin/../lib.
  return (std::filesystem::path(self.substr(0, slash)) / "mctpkit" / "plugins").lexically_normal().string();
}

}  // namespace

std::vector<SearchEntry> search_path(const LoadOptions& options) {
  std::vector<SearchEntry> out;
  for (const std::string& p : options.explicit_paths) out.push_back({p, "--plugin"});
  const bool secure = options.secure.value_or(getauxval(AT_SECURE) != 0);
  if (options.use_environment && !secure) {
    std::string list = env("MCTPKIT_PLUGIN_PATH");
    std::size_t start = 0;
    while (start <= list.size()) {
      std::size_t end = list.find(':', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) out.push_back({list.substr(start, end - start), "MCTPKIT_PLUGIN_PATH"});
      start = end + 1;
    }
  }
  if (options.use_user_folder && !secure) {
    // The XDG base directory rules: a relative XDG_DATA_HOME is ignored.
    std::string data_home = env("XDG_DATA_HOME");
    if (data_home.empty() || data_home.front() != '/') {
      std::string home = env("HOME");
      data_home = home.empty() ? "" : home + "/.local/share";
    }
    if (!data_home.empty()) out.push_back({data_home + "/mctpkit/plugins", "user folder"});
  }
  if (options.use_system_folder) {
    std::string folder = options.system_folder.value_or(system_folder());
    if (!folder.empty()) out.push_back({folder, "system folder"});
  }
  return out;
}

}  // namespace mctpkit::plugin
