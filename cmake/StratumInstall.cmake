# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# What `cmake --install` puts in place for applications that link Stratum::Core: the library
# (component Runtime; its development symlink, headers and CMake package: Development), the
# public headers under include/stratum/ (never a *_p.h) and StratumConfig.cmake with its version
# file, under <libdir>/cmake/Stratum.
include(CMakePackageConfigHelpers)

# stratum_install_core(target [extra targets the export needs, e.g. Qt resource objects])
function(stratum_install_core target)
    set(package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/Stratum)
    install(TARGETS ${target} ${ARGN} EXPORT StratumTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Runtime
            NAMELINK_COMPONENT Development
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime
        OBJECTS DESTINATION ${CMAKE_INSTALL_LIBDIR}/stratum-objects COMPONENT Development)
    install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/stratum
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT Development
        FILES_MATCHING PATTERN "*.h" PATTERN "*_p.h" EXCLUDE)
    install(FILES ${STRATUM_GENERATED_INCLUDE_DIR}/stratum/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/stratum COMPONENT Development)
    install(EXPORT StratumTargets NAMESPACE Stratum:: DESTINATION ${package_dir}
        COMPONENT Development)

    # While the major version is 0 a new minor version may break the ABI, as the SONAME says.
    if(PROJECT_VERSION_MAJOR EQUAL 0)
        set(compatibility SameMinorVersion)
    else()
        set(compatibility SameMajorVersion)
    endif()
    set(generated ${PROJECT_BINARY_DIR}/cmake/Stratum)
    configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/StratumConfig.cmake.in
        ${generated}/StratumConfig.cmake INSTALL_DESTINATION ${package_dir})
    write_basic_package_version_file(${generated}/StratumConfigVersion.cmake
        VERSION ${PROJECT_VERSION} COMPATIBILITY ${compatibility})
    install(FILES ${generated}/StratumConfig.cmake ${generated}/StratumConfigVersion.cmake
        DESTINATION ${package_dir} COMPONENT Development)
endfunction()
