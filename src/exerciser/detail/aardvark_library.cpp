#include "exerciser/detail/aardvark_library.hpp"

#include <dlfcn.h>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::detail {

namespace {

// The vendor's aardvark.so exports its functions as `c_aa_*` (its aardvark.c glue resolves them
// by those names); a library linked with that glue exports `aa_*`. Either is accepted.
void* find(void* handle, const std::string& name) {
  if (void* f = ::dlsym(handle, name.c_str())) return f;
  return ::dlsym(handle, ("c_" + name).c_str());
}

template <typename F>
void resolve(void* handle, const std::string& library, const char* name, F& slot, bool required = true) {
  slot = reinterpret_cast<F>(find(handle, name));
  if (!slot && required) {
    ::dlclose(handle);
    throw TransportError("aardvark: " + library + " lacks " + name + " (nor c_" + name + "): not an Aardvark library");
  }
}

}  // namespace

const std::vector<std::string>& AardvarkLibrary::usual_names() {
  static const std::vector<std::string> names{"aardvark.so", "libaardvark.so"};
  return names;
}

AardvarkLibrary::AardvarkLibrary(const std::string& path) {
  std::vector<std::string> candidates = path.empty() ? usual_names() : std::vector<std::string>{path};
  std::string tried;
  std::string loaded;
  for (const std::string& candidate : candidates) {
    handle_ = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle_) {
      loaded = candidate;
      break;
    }
    const char* why = ::dlerror();
    if (!tried.empty()) tried += "; ";
    tried += why ? std::string(why) : candidate + ": not loadable";
  }
  if (!handle_) {
    throw TransportError("aardvark: cannot load Total Phase's Aardvark library (tried " + tried +
                         "); give its path with lib=PATH");
  }
  resolve(handle_, loaded, "aa_open", api_.open);
  resolve(handle_, loaded, "aa_close", api_.close);
  resolve(handle_, loaded, "aa_configure", api_.configure);
  resolve(handle_, loaded, "aa_i2c_bitrate", api_.i2c_bitrate);
  resolve(handle_, loaded, "aa_i2c_pullup", api_.i2c_pullup);
  resolve(handle_, loaded, "aa_target_power", api_.target_power);
  resolve(handle_, loaded, "aa_i2c_slave_enable", api_.i2c_slave_enable);
  resolve(handle_, loaded, "aa_i2c_slave_disable", api_.i2c_slave_disable);
  resolve(handle_, loaded, "aa_i2c_slave_set_response", api_.i2c_slave_set_response);
  resolve(handle_, loaded, "aa_i2c_slave_write_stats", api_.i2c_slave_write_stats);
  resolve(handle_, loaded, "aa_i2c_slave_read", api_.i2c_slave_read);
  resolve(handle_, loaded, "aa_i2c_write", api_.i2c_write);
  resolve(handle_, loaded, "aa_async_poll", api_.async_poll);
  resolve(handle_, loaded, "aa_status_string", api_.status_string, false);
}

AardvarkLibrary::~AardvarkLibrary() {
  if (handle_) ::dlclose(handle_);
}

std::string AardvarkLibrary::describe(int status) const {
  std::string text = std::to_string(status);
  const char* meaning = api_.status_string ? api_.status_string(status) : nullptr;
  if (meaning) text += std::string(" (") + meaning + ")";
  return text;
}

}  // namespace mctpkit::exerciser::detail
