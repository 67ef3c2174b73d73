# The simulated cluster: PRNG vectors, SPEC parsing, determinism, the seeded acceptance swarm and
# safety-only runs with too many Byzantine nodes.
file(GLOB PARSEC_SIM_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
add_executable(sim_tests ${PARSEC_SIM_TESTS})
target_link_libraries(sim_tests PRIVATE parsec_engine GTest::gtest_main parsec_warnings)
gtest_discover_tests(sim_tests PROPERTIES LABELS sim DISCOVERY_TIMEOUT 60)
