# Installs the build into a scratch prefix, then builds and runs a program outside the tree
# against it twice: through find_package(mctpkit) and through pkg-config.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()

# The manual page and the completion scripts are installed where man and the shells look.
foreach(installed share/man/man1/mctpkit.1 share/bash-completion/completions/mctpkit share/zsh/site-functions/_mctpkit
                  share/fish/vendor_completions.d/mctpkit.fish)
  if(NOT EXISTS ${WORK_DIR}/prefix/${installed})
    message(FATAL_ERROR "not installed: ${installed}")
  endif()
endforeach()
file(READ ${WORK_DIR}/prefix/share/bash-completion/completions/mctpkit bash_completion)
if(NOT bash_completion MATCHES "complete -F _mctpkit mctpkit" OR NOT bash_completion MATCHES "set_endpoint_id")
  message(FATAL_ERROR "the installed bash completion does not complete mctpkit's layers")
endif()

execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/consumer -B ${WORK_DIR}/consumer
                        -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the consumer with find_package(mctpkit) failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/consumer RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the consumer failed")
endif()

set(expected "64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC\nSMBUS (dst=0x64, src=0x21, byte_count=10, pec=0xFC) / MCTP 0:7 (00 <-- 0A) (S:E:TO) CTRL / CONTROL REQ (instance_id: 17, cmd_code=1) / SetEndpointIDPacket (eid: 0x1D, op: set)\n")
foreach(program ${WORK_DIR}/consumer/consumer)
  execute_process(COMMAND ${program} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
    message(FATAL_ERROR "consumer printed:\n${out}\nexpected:\n${expected}")
  endif()
endforeach()

# The same program compiled with the flags pkg-config gives.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${WORK_DIR}/prefix/lib/pkgconfig:${WORK_DIR}/prefix/lib/x86_64-linux-gnu/pkgconfig")
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs mctpkit OUTPUT_VARIABLE flags RESULT_VARIABLE rc
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know mctpkit")
endif()
separate_arguments(flag_list UNIX_COMMAND "${flags}")
execute_process(COMMAND c++ ${SOURCE_DIR}/examples/consumer/main.cpp ${flag_list} -o ${WORK_DIR}/consumer-pc
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling with pkg-config flags (${flags}) failed")
endif()
string(REGEX MATCH "-L[^ ]+" libdir_flag "${flags}")
string(SUBSTRING "${libdir_flag}" 2 -1 libdir)
set(ENV{LD_LIBRARY_PATH} "${libdir}")
execute_process(COMMAND ${WORK_DIR}/consumer-pc OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "pkg-config consumer printed:\n${out}")
endif()
message(STATUS "installed package works through find_package and pkg-config")
