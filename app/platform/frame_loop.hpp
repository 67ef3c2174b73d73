// One frame of the app: events → backends → (scripted input) → UI → render → (readback) → swap.
#pragma once
#include <functional>

struct ImGuiIO;

namespace parsec::app {

class Window;

struct FrameHooks {
    // Runs after the GLFW backend's NewFrame and before ImGui::NewFrame, the only place where
    // injected input survives in ImGui 1.86. Empty for interactive runs.
    std::function<void(ImGuiIO& io)> inject_input;
    std::function<void()> build_ui;  // all ImGui calls of the frame
    // Runs after rendering and before the swap, while the back buffer still holds the frame.
    std::function<void(int framebuffer_width_px, int framebuffer_height_px)> after_render;
};

// `is_fixed_step`: scripted runs use a constant 1/60 s frame time so animations and
// double-click detection do not depend on how fast the machine renders.
void run_frame(Window& window, const FrameHooks& hooks, bool is_fixed_step);

}  // namespace parsec::app
