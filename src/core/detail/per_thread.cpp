#include "core/detail/per_thread.hpp"

#include <vector>

namespace mctpkit::detail {

namespace {

struct Owned {
  void* object;
  void (*free)(void*);
};

// What a thread frees when it ends, the last made first (a later object may use an earlier one).
struct ThreadObjects {
  std::vector<Owned> owned;
  ~ThreadObjects() {
    while (!owned.empty()) {
      const Owned last = owned.back();
      owned.pop_back();
      last.free(last.object);
    }
  }
};

}  // namespace

void free_at_thread_end(void* object, void (*free)(void*)) {
  thread_local ThreadObjects objects;
  objects.owned.push_back(Owned{object, free});
}

}  // namespace mctpkit::detail
