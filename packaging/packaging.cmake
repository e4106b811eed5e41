# Desktop integration files and the Debian package (cpack -G DEB).
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.strata.Strata.desktop
    DESTINATION share/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.strata.Strata.svg
    DESTINATION share/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME strata)
set(CPACK_PACKAGE_CONTACT "Strata developers <strata@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_GENERATOR DEB)
include(CPack)
