# `cmake --install --component cli` installs a working executable: it runs from the install prefix,
# away from the build tree, and reads the sample data from there.
add_test(NAME cli.install
  COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR} -DPREFIX=${TRYGG_CLI_TMP}/install-prefix
          -DDATA=${TRYGG_CLI_DATA} -P ${CMAKE_CURRENT_SOURCE_DIR}/check_install.cmake)
