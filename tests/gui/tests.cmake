# GUI tests (label `gui`): the real executable under Xvfb, driven by scripts in scripts/, with
# assertions on exit codes, the STATE line and screenshot pixels (gui_tests.sh). They skip
# (exit 77) where xvfb-run is missing. PNGs are left in <build>/tests/gui-out/<case>/.
if(NOT PARSEC_BUILD_GUI)
  return()
endif()

add_executable(gui_png_check ${CMAKE_CURRENT_LIST_DIR}/png_check.cpp)
target_link_libraries(gui_png_check PRIVATE PkgConfig::STB parsec_warnings)

set(PARSEC_GUI_CASES
  shell_renders size_option help_overlay help_toggle global_keys keys_while_typing load_error
  mid_screenshot export_png quit layout_persists font_fallback unknown_action bad_argument)
foreach(case ${PARSEC_GUI_CASES})
  add_test(NAME gui.${case}
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/gui_tests.sh ${case}
            $<TARGET_FILE:parsec-debugger> $<TARGET_FILE:gui_png_check>
            ${CMAKE_CURRENT_BINARY_DIR}/gui-out ${CMAKE_CURRENT_LIST_DIR}/scripts)
  set_tests_properties(gui.${case} PROPERTIES LABELS gui SKIP_RETURN_CODE 77 TIMEOUT 60)
endforeach()
