# The live cluster session: unit tests of the session (label `unit`), and
# GUI tests (label `gui`) where the app starts on the default simulated cluster, a script moves
# it, and the STATE line is checked against what the engine computes on its own (live_expected).
# GUI cases skip (77) where xvfb-run is missing.
set(PARSEC_LIVE_SESSION_SOURCES ${CMAKE_SOURCE_DIR}/app/session/cluster_session.cpp
  ${CMAKE_SOURCE_DIR}/app/session/default_cluster.cpp)

add_executable(cluster_session_test ${CMAKE_CURRENT_LIST_DIR}/cluster_session_test.cpp
  ${PARSEC_LIVE_SESSION_SOURCES})
target_include_directories(cluster_session_test PRIVATE ${CMAKE_SOURCE_DIR}/app)
target_link_libraries(cluster_session_test PRIVATE parsec_engine GTest::gtest_main parsec_warnings)
gtest_discover_tests(cluster_session_test PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)

# Independent of the session code: a fresh simulation of the default cluster, re-applied.
add_executable(live_expected ${CMAKE_CURRENT_LIST_DIR}/live_expected.cpp
  ${CMAKE_SOURCE_DIR}/app/session/default_cluster.cpp)
target_include_directories(live_expected PRIVATE ${CMAKE_SOURCE_DIR}/app)
target_link_libraries(live_expected PRIVATE parsec_engine parsec_warnings)

if(NOT PARSEC_BUILD_GUI)
  return()
endif()
set(PARSEC_LIVE_CASES starts_live select_votes step_back keys_after_click save_open
  opens_sim_recording shows_markers load_error_recording new_cluster)
foreach(case ${PARSEC_LIVE_CASES})
  add_test(NAME gui.live.${case}
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/live_tests.sh ${case}
            $<TARGET_FILE:parsec-debugger> $<TARGET_FILE:live_expected>
            ${CMAKE_CURRENT_BINARY_DIR}/live-out ${CMAKE_CURRENT_LIST_DIR}/scripts)
  set_tests_properties(gui.live.${case} PROPERTIES LABELS gui SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()
