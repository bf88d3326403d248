# cmake/ProfileGuided.cmake: its refusals, word for word, and a profile counted by a build in one
# folder and used by a build in another, as scripts/build-release.sh does.
#   cmake -DSOURCE_DIR=<mctpkit> -DWORK_DIR=<scratch> [-DCLANG=<clang++>] -P profile_guided_test.cmake
# Each step is given at most a minute.
file(REMOVE_RECURSE ${WORK_DIR})
# A copy, whose source a step changes.
file(COPY ${SOURCE_DIR}/tests/release/profile_project DESTINATION ${WORK_DIR})
set(project ${WORK_DIR}/profile_project)

# Configures the project in WORK_DIR/<folder> with the arguments after `folder`; sets out (standard output and error
# with lines joined, as CMake wraps messages) and rc.
function(configure folder)
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${project} -B ${WORK_DIR}/${folder} -G Ninja
                          -DMCTPKIT_SOURCE_DIR=${SOURCE_DIR} ${ARGN}
                  OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr RESULT_VARIABLE code
                  TIMEOUT 60)
  string(REGEX REPLACE "[ \n]+" " " joined "${stdout}${stderr}")
  set(out "${joined}" PARENT_SCOPE)
  set(rc ${code} PARENT_SCOPE)
endfunction()

function(expect_refusal folder text)
  configure(${folder} ${ARGN})
  if(rc EQUAL 0)
    message(FATAL_ERROR "configuring with ${ARGN} succeeded; expected: ${text}")
  endif()
  string(FIND "${out}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "configuring with ${ARGN} said:\n${out}\nexpected:\n${text}")
  endif()
endfunction()

function(build folder)
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/${folder} OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr
                  RESULT_VARIABLE code TIMEOUT 60)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "building ${folder} failed:\n${stdout}${stderr}")
  endif()
endfunction()

function(run_counted folder)
  execute_process(COMMAND ${WORK_DIR}/${folder}/counted OUTPUT_VARIABLE printed RESULT_VARIABLE code TIMEOUT 60)
  if(NOT code EQUAL 0 OR NOT printed STREQUAL "14286\n")
    message(FATAL_ERROR "${folder}/counted printed '${printed}' (exit ${code}), expected 14286")
  endif()
endfunction()

expect_refusal(bad-value "MCTPKIT_PROFILE is 'bogus': it must be empty, 'generate' or 'use'" -DMCTPKIT_PROFILE=bogus)
expect_refusal(no-dir "MCTPKIT_PROFILE=use needs MCTPKIT_PROFILE_DIR, an absolute folder (it is '')"
               -DMCTPKIT_PROFILE=use)
expect_refusal(relative-dir "MCTPKIT_PROFILE=generate needs MCTPKIT_PROFILE_DIR, an absolute folder (it is 'counts')"
               -DMCTPKIT_PROFILE=generate -DMCTPKIT_PROFILE_DIR:STRING=counts)
if(CLANG)
  expect_refusal(clang "MCTPKIT_PROFILE needs GCC (the compiler is Clang): its profile files are GCC's own; scripts/build-release.sh --no-profile builds without"
                 -DMCTPKIT_PROFILE=use -DMCTPKIT_PROFILE_DIR=${WORK_DIR}/counts -DCMAKE_CXX_COMPILER=${CLANG})
endif()

# Without a profile the options are left alone.
configure(plain)
if(NOT rc EQUAL 0 OR NOT out MATCHES "profile compile options: compile_options-NOTFOUND"
   OR NOT out MATCHES "link-time optimization: link_time-NOTFOUND")
  message(FATAL_ERROR "a build without a profile:\n${out}")
endif()

# Counting: the counts are named by the object's path inside its build folder.
set(counts ${WORK_DIR}/counts)
configure(counting -DMCTPKIT_PROFILE=generate -DMCTPKIT_PROFILE_DIR=${counts})
# It is not optimized at link time: its counts are made per file.
if(NOT rc EQUAL 0 OR NOT out MATCHES "profile compile options: -fprofile-generate=${counts};-fprofile-prefix-path=${WORK_DIR}/counting "
   OR NOT out MATCHES "link-time optimization: link_time-NOTFOUND")
  message(FATAL_ERROR "the counting build:\n${out}")
endif()
build(counting)
run_counted(counting)
set(count_file "${counts}/CMakeFiles#counted.dir#main.cpp.gcda")
if(NOT EXISTS ${count_file})
  file(GLOB written ${counts}/*)
  message(FATAL_ERROR "no ${count_file}; the counts written: ${written}")
endif()

# Using the counts in another folder, optimized at link time too unless told otherwise.
set(use_options "-fprofile-use=${counts};-fprofile-prefix-path=${WORK_DIR}/optimized;-fprofile-partial-training;-Wno-missing-profile;-Wno-error=coverage-mismatch")
configure(optimized -DMCTPKIT_PROFILE=use -DMCTPKIT_PROFILE_DIR=${counts} -DCMAKE_INTERPROCEDURAL_OPTIMIZATION=OFF)
if(NOT rc EQUAL 0 OR NOT out MATCHES "link-time optimization: OFF")
  message(FATAL_ERROR "the optimized build told not to optimize at link time:\n${out}")
endif()
file(REMOVE_RECURSE ${WORK_DIR}/optimized)
configure(optimized -DMCTPKIT_PROFILE=use -DMCTPKIT_PROFILE_DIR=${counts})
string(FIND "${out}" "profile compile options: ${use_options} " at)
if(NOT rc EQUAL 0 OR at EQUAL -1 OR NOT out MATCHES "link-time optimization: ON")
  message(FATAL_ERROR "the optimized build:\n${out}\nexpected the options ${use_options} and link-time optimization")
endif()
build(optimized)
run_counted(optimized)

# A source changed since the counts were made still builds, with a warning.
file(READ ${project}/main.cpp source)
string(REPLACE "% 7 == 3" "% 7 == 3 && i % 2 == 0" changed "${source}")
file(WRITE ${project}/main.cpp "${changed}")
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/optimized OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr
                RESULT_VARIABLE code TIMEOUT 60)
string(FIND "${stdout}${stderr}" "does not match its profile data" at)
if(NOT code EQUAL 0 OR at EQUAL -1)
  message(FATAL_ERROR "a changed source with old counts (exit ${code}):\n${stdout}${stderr}")
endif()
file(WRITE ${project}/main.cpp "${source}")

# The optimized build reads that very file: damaged, it makes the compiler say so.
file(WRITE ${count_file} "not counts")
file(REMOVE ${WORK_DIR}/optimized/CMakeFiles/counted.dir/main.cpp.o)
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/optimized OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr
                TIMEOUT 60)
string(FIND "${stdout}${stderr}" "is not a gcov data file" at)
if(at EQUAL -1)
  message(FATAL_ERROR "a damaged count file went unnoticed:\n${stdout}${stderr}")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
