#pragma once
// Heap allocations made so far by this test program, the library's included: the library is a
// shared library using this program's operator new, which allocation_counter.cpp replaces.

namespace mctpkit::testing {

long allocations_so_far();

}  // namespace mctpkit::testing
