# The Python module is built for Debian's interpreter (its pybind11-dev and python3-pytest are
# for it), not for whatever `python3` comes first on PATH. MCTPKIT_BUILD_PYTHON defaults on when
# pybind11 and the interpreter's headers are found.
set(MCTPKIT_PYTHON_EXECUTABLE "/usr/bin/python3" CACHE FILEPATH "Python interpreter the module is built for")
if(EXISTS "${MCTPKIT_PYTHON_EXECUTABLE}")
  set(Python3_EXECUTABLE "${MCTPKIT_PYTHON_EXECUTABLE}")
endif()
find_package(Python3 COMPONENTS Interpreter Development.Module QUIET)
set(mctpkit_python_found OFF)
if(Python3_Development.Module_FOUND)
  find_package(pybind11 CONFIG QUIET)
  if(pybind11_FOUND)
    set(mctpkit_python_found ON)
  endif()
endif()
option(MCTPKIT_BUILD_PYTHON "Build the Python module (needs pybind11 and the Python headers)" ${mctpkit_python_found})
if(MCTPKIT_BUILD_PYTHON AND NOT mctpkit_python_found)
  message(FATAL_ERROR "MCTPKIT_BUILD_PYTHON needs pybind11 (pybind11-dev) and Python's headers (python3-dev)")
endif()
