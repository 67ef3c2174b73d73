# GUI tests of the gossip-graph view (label `gui`): the real app under Xvfb, driven by scripts,
# asserting on the STATE line, on pixels of the highlight colours inside the graph canvas, and on
# expectations computed without our viz code (the reference dump's own annotations; the engine's
# dumps of the live cluster via live_expected). Skip (77) without xvfb-run or ../shared.
if(NOT PARSEC_BUILD_GUI OR NOT TARGET gui_png_check)
  return()
endif()
set(PARSEC_VIEW_CASES graph_sees graph_pair graph_fork graph_click graph_hover graph_navigate graph_fit graph_export)
if(TARGET live_expected)
  list(APPEND PARSEC_VIEW_CASES graph_ghosts)
  set(PARSEC_LIVE_EXPECTED $<TARGET_FILE:live_expected>)
else()
  set(PARSEC_LIVE_EXPECTED none)
endif()
foreach(case ${PARSEC_VIEW_CASES})
  add_test(NAME gui.view.${case}
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/graph_view_tests.sh ${case}
            $<TARGET_FILE:parsec-debugger> $<TARGET_FILE:gui_png_check> ${PARSEC_LIVE_EXPECTED}
            ${CMAKE_CURRENT_BINARY_DIR}/gui-view-out ${CMAKE_SOURCE_DIR}/../shared/reference-graphs)
  set_tests_properties(gui.view.${case} PROPERTIES LABELS gui SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()
