#pragma once
// GCC 12 at -O2 and above reports two warnings from inside the standard library that are wrong:
//  - -Wrestrict for `"text" + std::string&&` (a memcpy that "may overlap" at an impossible
//    offset; GCC bug 105329, fixed in GCC 13);
//  - -Warray-bounds for inserting into a vector made from an initializer list (GCC bug 107852).
// These macros silence one of them around the statement that triggers it, on GCC 12 only, so
// that every other warning, and these two anywhere else, still shows.
// Use: MCTPKIT_GCC12_FALSE_POSITIVE_BEGIN("-Wrestrict") <statement> MCTPKIT_GCC12_FALSE_POSITIVE_END

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#define MCTPKIT_GCC12_PRAGMA(text) _Pragma(#text)
#define MCTPKIT_GCC12_FALSE_POSITIVE_BEGIN(flag) \
  MCTPKIT_GCC12_PRAGMA(GCC diagnostic push) MCTPKIT_GCC12_PRAGMA(GCC diagnostic ignored flag)
#define MCTPKIT_GCC12_FALSE_POSITIVE_END MCTPKIT_GCC12_PRAGMA(GCC diagnostic pop)
#else
#define MCTPKIT_GCC12_FALSE_POSITIVE_BEGIN(flag)
#define MCTPKIT_GCC12_FALSE_POSITIVE_END
#endif
