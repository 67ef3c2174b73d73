# GUI session tests (label `gui`): a reference dump opened in the app shows the dump's own
# meta-votes for the selected event. Skip when xvfb-run or ../shared is missing.
if(NOT PARSEC_BUILD_GUI)
  return()
endif()
set(PARSEC_REF ${CMAKE_SOURCE_DIR}/../shared/reference-graphs)
foreach(pair "dev_utils_record_tests_smoke_dkg/alice.dot:A_45" "dev_utils_record_tests_smoke_dkg/alice.dot:A_47")
  string(REPLACE ":" ";" parts ${pair})
  list(GET parts 0 file)
  list(GET parts 1 event)
  string(MAKE_C_IDENTIFIER "${file}_${event}" id)
  add_test(NAME gui.dot_session.${id}
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/dot_session_test.sh $<TARGET_FILE:parsec-debugger>
            ${PARSEC_REF}/${file} ${event} ${CMAKE_CURRENT_BINARY_DIR}/gui-out/${id})
  set_tests_properties(gui.dot_session.${id} PROPERTIES LABELS gui SKIP_RETURN_CODE 77 TIMEOUT 90)
endforeach()
