# Every dependency comes from a Debian package (scripts/setup-deps.sh installs them).
find_package(fmt REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(PCAP REQUIRED IMPORTED_TARGET libpcap)

# Debian's libhowardhinnant-date-dev ships headers and libdate-tz without a CMake package.
find_path(DATE_INCLUDE_DIR date/tz.h REQUIRED)
find_library(DATE_TZ_LIBRARY NAMES date-tz REQUIRED)
add_library(date::date-tz UNKNOWN IMPORTED)
set_target_properties(date::date-tz PROPERTIES
  IMPORTED_LOCATION "${DATE_TZ_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${DATE_INCLUDE_DIR}"
  INTERFACE_COMPILE_DEFINITIONS "USE_OS_TZDB=1;HAS_REMOTE_API=0")

if(MCTPKIT_BUILD_TESTS OR MCTPKIT_BUILD_BENCHMARKS)
  find_package(GTest REQUIRED)
  find_package(benchmark REQUIRED)
endif()
find_package(CLI11 QUIET CONFIG)
if(NOT CLI11_FOUND)
  find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
  set_target_properties(CLI11::CLI11 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${CLI11_INCLUDE_DIR}")
endif()
