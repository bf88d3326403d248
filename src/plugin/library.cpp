// Opening one plugin library. Libraries are never closed: the registries point into them, and
// a refused one may have run code whose results are still referenced.

#include <dlfcn.h>

#include <string>

#include "mctpkit/plugin/loader.hpp"

namespace mctpkit::plugin {

namespace {

// dlerror() text without the file name it starts with (the refusal names the file already).
std::string loader_error(const std::string& path) {
  const char* e = dlerror();
  std::string text = e ? e : "unknown dynamic loader error";
  if (text.rfind(path + ": ", 0) == 0) text.erase(0, path.size() + 2);
  return text;
}

}  // namespace

const Descriptor* open_library(const std::string& path, std::string& reason) {
  // A name without a slash would make dlopen search the library path instead of opening it.
  std::string file = path.find('/') == std::string::npos ? "./" + path : path;
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    reason = "not a loadable shared library (" + loader_error(file) + ")";
    return nullptr;
  }
  dlerror();
  void* entry = dlsym(handle, std::string(kEntrySymbol).c_str());
  if (entry == nullptr) {
    reason = "no entry symbol " + std::string(kEntrySymbol) + " (not an mctpkit plugin)";
    return nullptr;
  }
  const Descriptor* descriptor = nullptr;
  try {
    descriptor = reinterpret_cast<const Descriptor* (*)()>(entry)();
  } catch (...) {
    reason = std::string(kEntrySymbol) + " threw an exception";
    return nullptr;
  }
  if (descriptor == nullptr) reason = std::string(kEntrySymbol) + " returned no descriptor";
  return descriptor;
}

}  // namespace mctpkit::plugin
