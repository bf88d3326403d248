include(CMakePackageConfigHelpers)

install(TARGETS mctpkit EXPORT mctpkitTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/mctpkit DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/mctpkit)
install(EXPORT mctpkitTargets NAMESPACE mctpkit:: DESTINATION ${config_dir})
configure_package_config_file(cmake/mctpkitConfig.cmake.in
  ${PROJECT_BINARY_DIR}/mctpkitConfig.cmake INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/mctpkitConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/mctpkitConfig.cmake
              ${PROJECT_BINARY_DIR}/mctpkitConfigVersion.cmake
        DESTINATION ${config_dir})

# The .pc file finds the prefix from its own location, so the package can be relocated.
file(RELATIVE_PATH MCTPKIT_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(cmake/mctpkit.pc.in ${PROJECT_BINARY_DIR}/mctpkit.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/mctpkit.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
