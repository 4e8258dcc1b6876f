# Install rules: tieout is a CMake package, found with
#   find_package(tieout CONFIG REQUIRED)
# and used through the namespaced targets tieout::tieout (C++ API),
# tieout::c (the C ABI, libtieout.so) and, where GoogleTest was found at
# build time, tieout::gtest (audit scripts as tests).
include(CMakePackageConfigHelpers)

set(tieout_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/tieout)

install(TARGETS tieout tieout_c EXPORT tieout-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/tieout
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/tieout.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT tieout-targets
  NAMESPACE tieout::
  DESTINATION ${tieout_cmake_dir})
# tieout::gtest needs GoogleTest in the consumer's build as well: its own
# export set, which the package config loads only when GoogleTest is found.
if(TARGET tieout_gtest)
  install(TARGETS tieout_gtest EXPORT tieout-gtest-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(EXPORT tieout-gtest-targets
    NAMESPACE tieout::
    DESTINATION ${tieout_cmake_dir})
endif()

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/tieout-config.cmake.in
  ${PROJECT_BINARY_DIR}/tieout-config.cmake
  INSTALL_DESTINATION ${tieout_cmake_dir})
# Within a major version the API only grows; a new major version changes the
# inline namespace, so mixing majors could not link anyway.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tieout-config-version.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/tieout-config.cmake
  ${PROJECT_BINARY_DIR}/tieout-config-version.cmake
  DESTINATION ${tieout_cmake_dir})
