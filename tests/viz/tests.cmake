# Unit tests of viz/ (label `unit`): the union model over simulated clusters (hash identity,
# ghosts, fork columns independent of arrival order), layout rules, hit-testing at every zoom,
# and the selection overlays against the engine's own NodeView. No window: the canvas maths
# needs no ImGui context.
if(NOT TARGET parsec_viz)
  return()
endif()
file(GLOB PARSEC_VIZ_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_test.cpp)
add_executable(viz_tests ${PARSEC_VIZ_TESTS})
target_include_directories(viz_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(viz_tests PRIVATE parsec_viz parsec_engine GTest::gtest_main parsec_warnings)
target_compile_definitions(viz_tests PRIVATE
  PARSEC_REFERENCE_GRAPHS="${CMAKE_SOURCE_DIR}/../shared/reference-graphs")
gtest_discover_tests(viz_tests TEST_PREFIX viz. PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)
