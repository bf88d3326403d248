#pragma once
// Storage each thread keeps for itself (pools, caches, workspaces).

namespace mctpkit::detail {

/// Calls `free(object)` when the calling thread ends (the objects handed over last first).
void free_at_thread_end(void* object, void (*free)(void*));

/// The calling thread's T, once made, in the initial-exec TLS model: reading it is two loads,
/// inlined, where a thread_local object of a shared library is found by a call into the dynamic
/// linker (__tls_get_addr) and a check that it was made, some thirty instructions. That model puts
/// the library's whole thread-local storage in the static TLS block, which a library loaded by
/// dlopen (as the Python module loads this one) takes from a surplus of a few hundred bytes that
/// glibc keeps for that: so the objects, some of them kilobytes, are on the heap, and the
/// library's thread-local storage is these pointers and one list.
template <typename T>
[[gnu::tls_model("initial-exec")]] inline thread_local T* per_thread_object = nullptr;

// The slow way, taken once a thread: the object is made on the heap, and freed (its pointer
// cleared first) when the thread ends.
template <typename T>
[[gnu::noinline]] T& make_per_thread() {
  T* object = new T();
  free_at_thread_end(object, [](void* p) {
    per_thread_object<T> = nullptr;
    delete static_cast<T*>(p);
  });
  per_thread_object<T> = object;
  return *object;
}

/// The calling thread's own T, made on its first use. Every use of a T shares its one instance,
/// so T is a type of the user's own (a struct in its anonymous namespace), never a plain
/// std::string.
template <typename T>
inline T& per_thread() {
  if (T* object = per_thread_object<T>; object != nullptr) [[likely]] return *object;
  return make_per_thread<T>();
}

}  // namespace mctpkit::detail
