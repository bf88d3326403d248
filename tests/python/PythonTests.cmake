# The Python module's pytest suite, run by Debian's interpreter against the package assembled in
# the build folder.
set(python_test_env
  "PYTHONPATH=${PROJECT_BINARY_DIR}/python"
  "PYTHONDONTWRITEBYTECODE=1"
  "MCTPKIT_SHARED_DIR=${MCTPKIT_SHARED_DIR}"
  "MCTPKIT_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "MCTPKIT_CLI=$<TARGET_FILE:mctpkit_cli>"
  "MCTPKIT_SAMPLE_PLUGIN=$<TARGET_FILE:mctpkit_sample_vendor>")
if(MCTPKIT_SANITIZE)
  # The interpreter is not instrumented: the sanitizer runtimes must be loaded before it so that
  # the instrumented library can be. Python's own allocations are not ours to check for leaks.
  # Freed memory goes back at once (no quarantine), so that the test of repeated decoding measures
  # what the module keeps, not what the sanitizer holds on to.
  # GCC has a runtime for each sanitizer; clang's shared ASan runtime holds UBSan's as well.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    set(runtime_files libclang_rt.asan-${CMAKE_SYSTEM_PROCESSOR}.so)
  else()
    set(runtime_files libasan.so libubsan.so)
  endif()
  set(runtimes)
  foreach(file IN LISTS runtime_files)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${file}
                    OUTPUT_VARIABLE runtime OUTPUT_STRIP_TRAILING_WHITESPACE)
    list(APPEND runtimes ${runtime})
  endforeach()
  list(JOIN runtimes ":" preload)
  list(APPEND python_test_env "LD_PRELOAD=${preload}"
       "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:quarantine_size_mb=0")
endif()
add_test(NAME python_module
         COMMAND ${Python3_EXECUTABLE} -m pytest -q -p no:cacheprovider ${CMAKE_CURRENT_LIST_DIR})
set_tests_properties(python_module PROPERTIES ENVIRONMENT "${python_test_env}")
