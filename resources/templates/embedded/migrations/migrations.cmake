# Compiles every revision file next to this file into a target as Qt resources, so that they
# appear as :/migrations/versions/<file>.sql and Stratum::upgrade(db, ":/migrations", ...) finds
# them. New revision files are picked up when CMake re-runs (CONFIGURE_DEPENDS).
#
#   include(migrations/migrations.cmake)
#   stratum_embed_migrations(myapp)

function(stratum_embed_migrations target)
    set(base "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
    file(GLOB revisions CONFIGURE_DEPENDS "${base}/versions/*.sql")
    if(NOT revisions)
        message(STATUS "stratum_embed_migrations(${target}): no revision files yet")
        return()
    endif()
    qt_add_resources(${target} stratum_migrations
        PREFIX /migrations
        BASE "${base}"
        FILES ${revisions})
endfunction()
