#pragma once
// Storage each thread keeps for itself (pools, caches, workspaces).

namespace mctpkit::detail {

/// Frees `object` with `free` when the calling thread ends, and sets `*remembered` to null then.
void own_until_thread_end(void* object, void (*free)(void*), void** remembered);

// The slow way, taken once a thread: the object is made on the heap and handed to the list of
// what the thread frees at its end.
template <typename T>
[[gnu::noinline]] T& make_per_thread(T*& remembered) {
  T* object = new T();
  own_until_thread_end(object, [](void* p) { delete static_cast<T*>(p); }, reinterpret_cast<void**>(&remembered));
  remembered = object;
  return *object;
}

/// The calling thread's own T, made on its first use. It is found through a pointer each thread
/// keeps in the initial-exec TLS model: two loads, inlined, where a thread_local object of a
/// shared library is found by a call into the dynamic linker (__tls_get_addr) and a check that
/// it was made, some thirty instructions. That model puts the library's whole thread-local
/// storage in the static TLS block, which a library loaded by dlopen (as the Python module loads
/// this one) takes from a surplus of a few hundred bytes that glibc keeps for that: so the
/// objects, some of them kilobytes, are on the heap, and the library's thread-local storage is
/// these pointers and one list. Every use of a T shares its one instance, so T is a type of the
/// user's own (a struct in its anonymous namespace), never a plain std::string.
template <typename T>
inline T& per_thread() {
  [[gnu::tls_model("initial-exec")]] static thread_local T* remembered = nullptr;
  if (remembered != nullptr) [[likely]] return *remembered;
  return make_per_thread<T>(remembered);
}

}  // namespace mctpkit::detail
