# Recordings: codec round trips and damage, replay and rewind, branches, exports, file I/O.
file(GLOB PARSEC_RECORD_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_test.cpp)
add_executable(record_tests ${PARSEC_RECORD_TESTS} ${CMAKE_SOURCE_DIR}/app/record_io/record_file.cpp)
target_include_directories(record_tests PRIVATE ${CMAKE_SOURCE_DIR}/app ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(record_tests PRIVATE parsec_engine GTest::gtest_main parsec_warnings)
gtest_discover_tests(record_tests PROPERTIES LABELS record DISCOVERY_TIMEOUT 60)

