# GUI libraries, all from Debian packages (docs: ../shared/docs/toolchain.md §2):
#   PkgConfig::IMGUI (libimgui.a, which already contains the GLFW and OpenGL3 backends, P1),
#   PkgConfig::STB (compiled libstb: never define STB_*_IMPLEMENTATION, P11), glfw,
#   glad (GL 3.3 core loader generated at build time), imgui_backends (imgui + backend headers).
# GLOBAL: imported targets are otherwise visible only in this directory, not in app/ or tests/.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET GLOBAL imgui)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET GLOBAL stb)
find_package(glfw3 3.3 REQUIRED)
set_target_properties(glfw PROPERTIES IMPORTED_GLOBAL TRUE)

# glad 2 must be the Debian script: the pyenv python3 on PATH has no glad module (P5), and
# --reproducible keeps it offline by using the bundled gl.xml (P6).
find_program(GLAD_EXECUTABLE glad PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
set(PARSEC_GLAD_DIR ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${PARSEC_GLAD_DIR}/src/gl.c
         ${PARSEC_GLAD_DIR}/include/glad/gl.h
         ${PARSEC_GLAD_DIR}/include/KHR/khrplatform.h
  COMMAND ${GLAD_EXECUTABLE} --quiet --reproducible --api gl:core=3.3
          --extensions GL_KHR_debug --out-path ${PARSEC_GLAD_DIR} c
  COMMENT "Generating the glad GL 3.3 core loader"
  VERBATIM)
# The header is listed as a source so every generator orders generation before consumers.
add_library(glad STATIC ${PARSEC_GLAD_DIR}/src/gl.c ${PARSEC_GLAD_DIR}/include/glad/gl.h)
target_include_directories(glad SYSTEM PUBLIC ${PARSEC_GLAD_DIR}/include)
target_link_libraries(glad PUBLIC ${CMAKE_DL_LIBS})
set_target_properties(glad PROPERTIES POSITION_INDEPENDENT_CODE ON)

# The backends are prebuilt inside libimgui.a; we only need their headers (P1, P2).
# glfw must come after -limgui on the link line, which target order guarantees.
add_library(imgui_backends INTERFACE)
target_include_directories(imgui_backends SYSTEM INTERFACE /usr/include/imgui/backends)
target_link_libraries(imgui_backends INTERFACE PkgConfig::IMGUI glfw ${CMAKE_DL_LIBS})
