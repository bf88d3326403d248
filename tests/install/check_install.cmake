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

# The sample plugin, built out of the tree against the installed package like a vendor's.
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/plugins/sample-vendor -B ${WORK_DIR}/sample-vendor
                        -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the sample plugin with find_package(mctpkit) failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/sample-vendor RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the sample plugin out of the tree failed")
endif()

# The installed tool finds the installed sample in <prefix>/lib/mctpkit/plugins, and nothing from
# the environment or the home folder of whoever runs the tests.
unset(ENV{MCTPKIT_PLUGIN_PATH})
unset(ENV{XDG_DATA_HOME})
unset(ENV{LD_LIBRARY_PATH})
set(ENV{HOME} ${WORK_DIR}/home)
set(tool ${WORK_DIR}/prefix/bin/mctpkit)
file(GLOB system_plugin ${WORK_DIR}/prefix/lib*/mctpkit/plugins/sample-vendor.so)
if(NOT system_plugin)
  message(FATAL_ERROR "the sample plugin is not installed in <prefix>/lib/mctpkit/plugins")
endif()
set(packet 01 09 08 c8 7e 99 99 00 00 10 00 00 04 de ad be ef)
set(expected "MCTP 0:0 (09 <-- 08) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999, cmd_code: 0x00, rq: 0) / SAMPLE-VENDOR (cmd=0x10, status=0, seq=0, len=4)\n")
execute_process(COMMAND ${tool} decode ${packet} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected OR NOT err STREQUAL "")
  message(FATAL_ERROR "installed tool with the installed plugin printed:\n${out}${err}")
endif()
execute_process(COMMAND ${tool} extensions OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^sample-vendor 1.0.0 \\(MIT\\)\n[^\n]*\n  path: ${system_plugin}\n")
  message(FATAL_ERROR "installed tool listed:\n${out}")
endif()

# The out-of-tree build given with --plugin comes first; the installed one is then a duplicate.
set(own_plugin ${WORK_DIR}/sample-vendor/sample-vendor.so)
execute_process(COMMAND ${tool} --plugin ${own_plugin} craft-sample-vendor --command 0x10 --data deadbeef
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
set(expected "Vendor ID: 0x9999\nPacket: SAMPLE-VENDOR (cmd=0x10, status=0, seq=0, len=4)\nRaw bytes: 10 00 00 04 de ad be ef\n")
set(expected_err "mctpkit: warning: plugin ${system_plugin}: refused: plugin name 'sample-vendor' is already taken by ${own_plugin}\n")
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected OR NOT err STREQUAL expected_err)
  message(FATAL_ERROR "the out-of-tree sample plugin printed:\n${out}${err}")
endif()
execute_process(COMMAND ${tool} --no-plugins decode ${packet} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "/ Raw\n$")
  message(FATAL_ERROR "--no-plugins still decoded the vendor layer:\n${out}")
endif()
message(STATUS "installed package works through find_package and pkg-config, and with plugins")
