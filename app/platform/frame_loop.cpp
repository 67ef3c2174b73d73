// The per-frame sequence of a GLFW + OpenGL3 ImGui app, with hooks for tests.
#include <glad/gl.h>

#include "platform/frame_loop.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "platform/window.hpp"

namespace parsec::app {

void run_frame(Window& window, const FrameHooks& hooks, bool is_fixed_step) {
    window.poll_events();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (is_fixed_step) io.DeltaTime = 1.0f / 60.0f;
    if (hooks.inject_input) hooks.inject_input(io);
    ImGui::NewFrame();
    if (hooks.build_ui) hooks.build_ui();
    ImGui::Render();

    const auto size = window.framebuffer_size();
    glViewport(0, 0, size.width_px, size.height_px);
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (hooks.after_render) hooks.after_render(size.width_px, size.height_px);
    window.swap_buffers();
}

}  // namespace parsec::app
