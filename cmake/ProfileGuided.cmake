# Profile-guided optimization (GCC): a build with MCTPKIT_PROFILE=generate counts, as it runs,
# which branches each function takes and which calls are hot; a build with MCTPKIT_PROFILE=use
# compiles the same sources again with those counts, placing the hot paths together and inlining
# where it pays. scripts/build-release.sh does both steps and the training runs in between.
#
# The two builds may live in different folders: each writes and reads its counts under
# MCTPKIT_PROFILE_DIR by object paths relative to its own build folder.

set(MCTPKIT_PROFILE "" CACHE STRING
  "Profile-guided optimization: empty for none, 'generate' to count, 'use' to compile with the counts (GCC only)")
set_property(CACHE MCTPKIT_PROFILE PROPERTY STRINGS "" generate use)
set(MCTPKIT_PROFILE_DIR "" CACHE PATH "Folder of the profile counts (absolute) for MCTPKIT_PROFILE")

# The build that uses the counts also optimizes across files when it links (LTO): with the counts
# to tell hot calls from cold ones, inlining across files pays (see the README's Performance
# section; without them it had made the analyzer slower). The counting build stays without: its
# counts are made per file, before link-time optimization would act. A -DCMAKE_INTERPROCEDURAL_OPTIMIZATION
# given on the command line is left as given.
if(MCTPKIT_PROFILE STREQUAL "use" AND NOT DEFINED CMAKE_INTERPROCEDURAL_OPTIMIZATION)
  include(CheckIPOSupported)
  check_ipo_supported(RESULT mctpkit_lto_supported OUTPUT mctpkit_lto_output LANGUAGES CXX)
  if(mctpkit_lto_supported)
    set(CMAKE_INTERPROCEDURAL_OPTIMIZATION ON)
  else()
    message(WARNING "Link-time optimization is not available, the profiled build goes without it: "
                    "${mctpkit_lto_output}")
  endif()
endif()

function(mctpkit_apply_profile target)
  if(MCTPKIT_PROFILE STREQUAL "")
    return()
  endif()
  if(NOT MCTPKIT_PROFILE MATCHES "^(generate|use)$")
    message(FATAL_ERROR "MCTPKIT_PROFILE is '${MCTPKIT_PROFILE}': it must be empty, 'generate' or 'use'")
  endif()
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "MCTPKIT_PROFILE needs GCC (the compiler is ${CMAKE_CXX_COMPILER_ID}): "
                        "its profile files are GCC's own; scripts/build-release.sh --no-profile builds without")
  endif()
  if(NOT IS_ABSOLUTE "${MCTPKIT_PROFILE_DIR}")
    message(FATAL_ERROR "MCTPKIT_PROFILE=${MCTPKIT_PROFILE} needs MCTPKIT_PROFILE_DIR, an absolute folder "
                        "(it is '${MCTPKIT_PROFILE_DIR}')")
  endif()
  # Counts are named by the object's path inside the build folder, so that a build in another
  # folder finds them.
  set(where -fprofile-prefix-path=${PROJECT_BINARY_DIR})
  if(MCTPKIT_PROFILE STREQUAL "generate")
    target_compile_options(${target} INTERFACE -fprofile-generate=${MCTPKIT_PROFILE_DIR} ${where})
    target_link_options(${target} INTERFACE -fprofile-generate=${MCTPKIT_PROFILE_DIR})
  else()
    # Code the training did not run is optimized as usual rather than for size, and a source
    # without counts (a benchmark, a test) is no reason for a warning. A function changed since
    # the counts were made is compiled without them, with a warning, rather than failing the
    # build (scripts/build-release.sh trains again when the sources change).
    target_compile_options(${target} INTERFACE -fprofile-use=${MCTPKIT_PROFILE_DIR} ${where}
                           -fprofile-partial-training -Wno-missing-profile -Wno-error=coverage-mismatch)
  endif()
endfunction()
