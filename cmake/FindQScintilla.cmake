# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
# FindQScintilla — QScintilla for Qt 6.
#
# Debian ships no CMake package for QScintilla (checked on Debian 12 and 13), so look for the
# library and header directly:
#   library  libqscintilla2_qt6.so          (package libqscintilla2-qt6-dev)
#   header   <qt6 include dir>/Qsci/qsciscintilla.h, e.g. /usr/include/x86_64-linux-gnu/qt6
#
# Result: QScintilla_FOUND, QScintilla_VERSION (from qsciglobal.h) and the imported target
# QScintilla::QScintilla (GLOBAL, so every directory that links Stratum::Ui sees it).
# Hints: QScintilla_ROOT or CMAKE_PREFIX_PATH.

find_package(Qt6 6.4 QUIET COMPONENTS Widgets PrintSupport)

set(_qsci_hints)
if(TARGET Qt6::Core)
    get_target_property(_qsci_qt_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
    foreach(_dir IN LISTS _qsci_qt_includes)
        # Qt6::Core's includes are <prefix>/include/<arch>/qt6/QtCore; the Qsci folder sits beside it.
        get_filename_component(_parent "${_dir}" DIRECTORY)
        list(APPEND _qsci_hints "${_dir}" "${_parent}")
    endforeach()
endif()

find_path(QScintilla_INCLUDE_DIR
    NAMES Qsci/qsciscintilla.h
    HINTS ${_qsci_hints}
    PATH_SUFFIXES x86_64-linux-gnu/qt6 aarch64-linux-gnu/qt6 ${CMAKE_LIBRARY_ARCHITECTURE}/qt6 qt6)
find_library(QScintilla_LIBRARY NAMES qscintilla2_qt6)

if(QScintilla_INCLUDE_DIR AND EXISTS "${QScintilla_INCLUDE_DIR}/Qsci/qsciglobal.h")
    file(STRINGS "${QScintilla_INCLUDE_DIR}/Qsci/qsciglobal.h" _qsci_version_line
         REGEX "^#define[ \t]+QSCINTILLA_VERSION_STR[ \t]+\"[^\"]+\"")
    string(REGEX REPLACE ".*\"([^\"]+)\".*" "\\1" QScintilla_VERSION "${_qsci_version_line}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QScintilla
    REQUIRED_VARS QScintilla_LIBRARY QScintilla_INCLUDE_DIR
    VERSION_VAR QScintilla_VERSION)

if(QScintilla_FOUND AND NOT TARGET QScintilla::QScintilla)
    add_library(QScintilla::QScintilla UNKNOWN IMPORTED GLOBAL)
    set_target_properties(QScintilla::QScintilla PROPERTIES
        IMPORTED_LOCATION "${QScintilla_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${QScintilla_INCLUDE_DIR}")
    if(TARGET Qt6::Widgets)
        set_property(TARGET QScintilla::QScintilla APPEND PROPERTY INTERFACE_LINK_LIBRARIES Qt6::Widgets)
    endif()
    if(TARGET Qt6::PrintSupport)
        set_property(TARGET QScintilla::QScintilla APPEND PROPERTY INTERFACE_LINK_LIBRARIES Qt6::PrintSupport)
    endif()
endif()

mark_as_advanced(QScintilla_INCLUDE_DIR QScintilla_LIBRARY)
