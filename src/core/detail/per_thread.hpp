#pragma once
// Storage each thread keeps for itself (pools, caches, workspaces).

namespace mctpkit::detail {

/// The calling thread's own T, made on its first use. It is found by a call the compiler cannot
/// repeat by itself: a thread_local named in a function of a shared library is otherwise looked
/// up again (__tls_get_addr) at nearly every use. Every use of a T shares its one instance, so T
/// is a type of the user's own (a struct in its anonymous namespace), never a plain std::string.
template <typename T>
[[gnu::noinline]] T& per_thread() {
  thread_local T instance;
  return instance;
}

}  // namespace mctpkit::detail
