# The simulated cluster: PRNG vectors, SPEC parsing, determinism, the seeded acceptance swarm and
# safety-only runs with too many Byzantine nodes.
file(GLOB PARSEC_SIM_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
add_executable(sim_tests ${PARSEC_SIM_TESTS})
target_link_libraries(sim_tests PRIVATE parsec_engine GTest::gtest_main parsec_warnings)
gtest_discover_tests(sim_tests PROPERTIES LABELS sim DISCOVERY_TIMEOUT 60)

# The sim command line: a SPEC may name a node that joins later (--add), whatever the order of
# the options; the run must finish with its invariants intact.
add_test(NAME SimCli.PartitionNamesAJoiner
  COMMAND parsec-debugger sim --nodes 6 --seed 2 --identities mock --until-blocks 8
          --partition Alice,Bob,Gina|Carol,Dave,Eric@60..200 --add @30)
set_tests_properties(SimCli.PartitionNamesAJoiner PROPERTIES LABELS sim PASS_REGULAR_EXPRESSION "result: ok")

# The workload SPEC reaches the run from the command line: six payloads, then no more.
add_test(NAME SimCli.WorkloadLimitsThePayloads
  COMMAND parsec-debugger sim --nodes 4 --identities mock --mode single --until-blocks 6
          --workload rate=1/2,payloads=6,voters=Carol)
set_tests_properties(SimCli.WorkloadLimitsThePayloads PROPERTIES LABELS sim
  PASS_REGULAR_EXPRESSION "6 workload payloads voted, requested blocks reached")

# The PGO training program (app/pgo): simulated clusters of 4-16 nodes in both modes, each dumped,
# parsed and replayed; it fails if a replay decides other than the node it was dumped from.
add_test(NAME PgoTraining.ReplaysMatchTheirNodes COMMAND parsec-pgo-train)
set_tests_properties(PgoTraining.ReplaysMatchTheirNodes PROPERTIES LABELS sim)

# bench-sim prints its figures and where the work went (re-processing after decisions, events
# received that were held already); a small run, not a timing.
add_test(NAME SimCli.BenchSimPrintsTheWork
  COMMAND parsec-debugger bench-sim --nodes 4 --identities mock --mock-events 2000)
set_tests_properties(SimCli.BenchSimPrintsTheWork PROPERTIES LABELS sim
  PASS_REGULAR_EXPRESSION "4 +mock +20[0-9][0-9] .*\n +work: [0-9]+ events processed, [0-9.]+ per insertion \\([0-9]+% re-processing after decisions\\); [0-9]+ received, [0-9]+% already held")
