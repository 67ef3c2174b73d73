# Conformance against the reference's own recordings (spec §10), via the conform command.
add_test(NAME conformance_reference_graphs
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_conformance.sh $<TARGET_FILE:parsec-debugger>
          ${CMAKE_SOURCE_DIR}/../shared/reference-graphs)
set_tests_properties(conformance_reference_graphs PROPERTIES LABELS conformance SKIP_RETURN_CODE 77 TIMEOUT 600)
