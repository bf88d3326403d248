#include "core/detail/per_thread.hpp"

#include <vector>

namespace mctpkit::detail {

namespace {

struct Owned {
  void* object;
  void (*free)(void*);
  void** remembered;
};

// What a thread frees when it ends, the last made first (a later object may use an earlier one).
struct ThreadObjects {
  std::vector<Owned> owned;
  ~ThreadObjects() {
    while (!owned.empty()) {
      const Owned last = owned.back();
      owned.pop_back();
      *last.remembered = nullptr;
      last.free(last.object);
    }
  }
};

}  // namespace

void own_until_thread_end(void* object, void (*free)(void*), void** remembered) {
  thread_local ThreadObjects objects;
  objects.owned.push_back(Owned{object, free, remembered});
}

}  // namespace mctpkit::detail
