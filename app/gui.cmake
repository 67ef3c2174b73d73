# GUI half of parsec-debugger: the platform layer (window, ImGui, screenshots, scripted input)
# and the shell (menus, layout, panels, intents). Included by app/CMakeLists.txt when
# PARSEC_BUILD_GUI is ON; with it OFF the executable builds with the CLI only.
file(GLOB PARSEC_GUI_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/platform/*.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/shell/*.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/panels/*.cpp)   # panels self-register (shell/panel.hpp)
target_sources(parsec-debugger PRIVATE ${PARSEC_GUI_SOURCES})
target_link_libraries(parsec-debugger PRIVATE glad imgui_backends PkgConfig::STB)
if(TARGET parsec_viz)
  target_link_libraries(parsec-debugger PRIVATE parsec_viz)
  # bench-viz (app/cli/cmd_bench_viz.cpp) draws the canvas headless.
  target_link_libraries(parsec_cli PRIVATE parsec_viz)
endif()
target_compile_definitions(parsec-debugger PRIVATE PARSEC_HAS_GUI=1)
# cmd_gui.cpp lives in the CLI object library and only registers `gui` when the GUI is built.
target_compile_definitions(parsec_cli PRIVATE PARSEC_HAS_GUI=1)
