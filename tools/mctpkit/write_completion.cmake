# Runs `TOOL completion SHELL_NAME` into OUT (a build step; see CMakeLists.txt).
get_filename_component(dir ${OUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ${TOOL} completion ${SHELL_NAME} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "mctpkit completion ${SHELL_NAME} failed (${rc})")
endif()
