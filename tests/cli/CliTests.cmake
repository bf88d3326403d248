# Tests of the command-line tool: golden summaries through `mctpkit decode -r`, and exact
# outputs, errors and exit codes of every command.
find_package(Python3 REQUIRED COMPONENTS Interpreter)

# The project's own checker: the shared check-summaries.py compares whole lines, while the tool
# ends the summary of a damaged packet with diagnostic markers, which check_golden.py takes off
# and checks on their own.
foreach(vectors seed-examples pymctp-control pymctp-pldm pymctp-vdm pymctp-ipmi)
  add_test(NAME golden_summaries.${vectors}
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_golden.py
                   $<TARGET_FILE:mctpkit_cli> ${MCTPKIT_SHARED_DIR}/vectors/${vectors}.tsv)
endforeach()
add_test(NAME cli_diagnostics
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/diagnostics_test.py $<TARGET_FILE:mctpkit_cli>
                 ${MCTPKIT_SHARED_DIR})

add_test(NAME cli_behaviour
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.py $<TARGET_FILE:mctpkit_cli>
                 ${MCTPKIT_SHARED_DIR})
add_test(NAME cli_everyday
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/everyday_test.py $<TARGET_FILE:mctpkit_cli>
                 ${MCTPKIT_SHARED_DIR})
# The benchmark's capture generator writes what the tool reads, alike over SLL and SMBus.
add_test(NAME cli_generate_capture
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/generate_capture_test.py $<TARGET_FILE:mctpkit_cli>
                 ${MCTPKIT_SHARED_DIR})
add_test(NAME cli_correctness
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/correctness_test.py $<TARGET_FILE:mctpkit_cli>
                 ${MCTPKIT_SHARED_DIR})

# An uninstrumented program cannot load the sanitizer build of the library: the packaging test
# runs in the plain build.
if(NOT MCTPKIT_SANITIZE)
add_test(NAME install_and_consume
         COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/install-test
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/install/check_install.cmake)
endif()

add_test(NAME cli_hardening
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/hardening_test.py $<TARGET_FILE:mctpkit_cli>
                 ${MCTPKIT_SHARED_DIR})
# mctpkit on both sides of each wire it can be on both sides of; the Aardvark through the fake
# vendor library (tests/exerciser/fake_aardvark), which joins processes through a folder.
add_test(NAME cli_endpoint
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/endpoint_cli_test.py $<TARGET_FILE:mctpkit_cli>
                 ${MCTPKIT_SHARED_DIR} $<TARGET_FILE:fake_aardvark>)
set_tests_properties(cli_endpoint PROPERTIES TIMEOUT 180)

add_test(NAME cli_exercisers
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/exerciser_cli_test.py $<TARGET_FILE:mctpkit_cli>)
set_tests_properties(cli_exercisers PROPERTIES TIMEOUT 120)
