# Recordings: codec round trips and damage, replay and rewind, branches, exports, file I/O.
file(GLOB PARSEC_RECORD_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_test.cpp)
add_executable(record_tests ${PARSEC_RECORD_TESTS} ${CMAKE_SOURCE_DIR}/app/record_io/record_file.cpp
  ${CMAKE_SOURCE_DIR}/app/io/atomic_file.cpp)
target_include_directories(record_tests PRIVATE ${CMAKE_SOURCE_DIR}/app ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(record_tests PRIVATE parsec_engine GTest::gtest_main parsec_warnings)
gtest_discover_tests(record_tests PROPERTIES LABELS record DISCOVERY_TIMEOUT 60)


# The command line on checked-in recordings: a good file verifies, a truncated one fails --verify,
# and every node's dot export passes conform.
add_test(NAME RecordCli.ReplayVerifyGoodFile
  COMMAND parsec-debugger replay ${CMAKE_CURRENT_LIST_DIR}/data/branched.rec --verify)
add_test(NAME RecordCli.ReplayVerifyTruncatedFileFails
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/cli_expect_damage.sh $<TARGET_FILE:parsec-debugger>
          ${CMAKE_CURRENT_LIST_DIR}/data/truncated.rec)
add_test(NAME RecordCli.ExportDotPassesConform
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/cli_export_conform.sh $<TARGET_FILE:parsec-debugger>
          ${CMAKE_CURRENT_LIST_DIR}/data/branched.rec ${CMAKE_BINARY_DIR}/record_cli)
set_tests_properties(RecordCli.ReplayVerifyGoodFile RecordCli.ReplayVerifyTruncatedFileFails
  RecordCli.ExportDotPassesConform PROPERTIES LABELS record)
