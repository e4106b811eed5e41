# Desktop integration files and the Debian package (cpack -G DEB in the build tree).
set(STRATA_APP_ID io.github.strata.Strata)
set(STRATA_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})

install(FILES ${STRATA_PACKAGING_DIR}/${STRATA_APP_ID}.desktop
    DESTINATION share/applications)
install(FILES ${STRATA_PACKAGING_DIR}/${STRATA_APP_ID}.metainfo.xml
    DESTINATION share/metainfo)
install(FILES ${STRATA_PACKAGING_DIR}/${STRATA_APP_ID}.svg
    DESTINATION share/icons/hicolor/scalable/apps)
# qt_standard_project_setup() gives installed binaries the run path $ORIGIN:$ORIGIN/../lib for
# bundled libraries; Strata has none and Debian's policy forbids run paths into system
# directories, so the installed binaries get none.
set_target_properties(strata strata-cli PROPERTIES INSTALL_RPATH "")
# Debian wants the licence as /usr/share/doc/<package>/copyright.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
    DESTINATION share/doc/strata RENAME copyright)

# Bitmap icons for desktops and software centres that do not scale SVGs, rendered at build
# time so that the SVG stays the only source. rsvg-convert needs no display.
set(STRATA_ICON_SIZES 16 22 24 32 48 64 128 256)
find_program(STRATA_RSVG_CONVERT rsvg-convert REQUIRED)
set(strata_icon_files)
foreach(size IN LISTS STRATA_ICON_SIZES)
    set(icon_dir ${PROJECT_BINARY_DIR}/packaging/icons/${size}x${size})
    set(icon ${icon_dir}/${STRATA_APP_ID}.png)
    add_custom_command(OUTPUT ${icon}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${icon_dir}
        COMMAND ${STRATA_RSVG_CONVERT} --width ${size} --height ${size} --format png
            --output ${icon} ${STRATA_PACKAGING_DIR}/${STRATA_APP_ID}.svg
        DEPENDS ${STRATA_PACKAGING_DIR}/${STRATA_APP_ID}.svg
        COMMENT "Rendering the ${size}x${size} icon"
        VERBATIM)
    list(APPEND strata_icon_files ${icon})
    install(FILES ${icon} DESTINATION share/icons/hicolor/${size}x${size}/apps)
endforeach()
add_custom_target(strata_icons ALL DEPENDS ${strata_icon_files})

set(CPACK_PACKAGE_NAME strata)
set(CPACK_PACKAGE_VENDOR "Strata developers")
set(CPACK_PACKAGE_CONTACT "Strata developers <strata@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Debian shows the long description as is: lines are kept under 80 columns by hand.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Strata lists the images of a Docker engine, or of Podman's Docker-compatible"
    "service, exactly as docker image ls does, and removes the selected images"
    "exactly as docker image rm would. Before anything is removed, a preview shows"
    "what the engine will answer: tags untagged, images and layers deleted,"
    "conflicts, what survives and why, and the space freed. strata-cli gives the"
    "same preview in a terminal.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies come from dpkg-shlibdeps; what it cannot see is listed by hand: the SVG
# icon engine for the window icon, a font with Chinese glyphs, an engine to talk to.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6svg6, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "docker.io | podman")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# RelWithDebInfo binaries carry tens of megabytes of debug data that a user never needs.
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
include(CPack)
