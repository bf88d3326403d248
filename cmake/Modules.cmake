# A module is one folder of src/ (and its headers in include/mctpkit/<module>/) compiled as an
# object library. The shared library is the union of all modules; each module's tests link only
# the modules it depends on, so a module can be built and tested on its own.

set(MCTPKIT_MODULES "" CACHE INTERNAL "")

function(mctpkit_add_module name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LIBS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  if(sources)
    add_library(mctpkit_${name} OBJECT ${sources})
    set_target_properties(mctpkit_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    set(scope PUBLIC)
  else()
    add_library(mctpkit_${name} INTERFACE)  # a module whose sources are still to come
    set(scope INTERFACE)
  endif()
  target_link_libraries(mctpkit_${name} ${scope} mctpkit_build_options ${ARG_LIBS})

  set(closure ${name})
  foreach(dep IN LISTS ARG_DEPENDS)
    target_link_libraries(mctpkit_${name} ${scope} mctpkit_${dep})
    get_property(dep_closure GLOBAL PROPERTY MCTPKIT_CLOSURE_${dep})
    list(APPEND closure ${dep_closure})
  endforeach()
  list(REMOVE_DUPLICATES closure)
  set_property(GLOBAL PROPERTY MCTPKIT_CLOSURE_${name} ${closure})
  set_property(GLOBAL PROPERTY MCTPKIT_LIBS_${name} ${ARG_LIBS})
  set(MCTPKIT_MODULES ${MCTPKIT_MODULES} ${name} CACHE INTERNAL "")
endfunction()

# Links the object files of `module` and of every module it depends on into `target`.
function(mctpkit_link_module target module)
  get_property(closure GLOBAL PROPERTY MCTPKIT_CLOSURE_${module})
  foreach(m IN LISTS closure)
    target_link_libraries(${target} PRIVATE mctpkit_${m})
  endforeach()
endfunction()

function(mctpkit_add_shared_library)
  add_library(mctpkit SHARED)
  add_library(mctpkit::mctpkit ALIAS mctpkit)
  foreach(m IN LISTS MCTPKIT_MODULES)
    target_link_libraries(mctpkit PRIVATE $<BUILD_INTERFACE:mctpkit_${m}>)
  endforeach()
  target_include_directories(mctpkit PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(mctpkit PUBLIC cxx_std_20)
  set_target_properties(mctpkit PROPERTIES
    VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}
    EXPORT_NAME mctpkit)
  # Calls from one function of the library to another go straight to it, not through the
  # procedure linkage table: nothing is meant to replace the library's functions one by one.
  target_link_options(mctpkit PRIVATE -Wl,-Bsymbolic-functions)
endfunction()
