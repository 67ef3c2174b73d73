// The GLFW window with its GL 3.3 core context, loaded through glad.
#pragma once
#include <memory>
#include <string>

#include "core/result.hpp"

struct GLFWwindow;

namespace parsec::app {

struct WindowOptions {
    int width_px = 1600;
    int height_px = 900;
    std::string title = "PARSEC Visual Debugger";
    bool is_headless = false;  // scripted run: vsync off so tests do not wait for a display
};

struct FramebufferSize {
    int width_px = 0;
    int height_px = 0;
};

// Owns GLFW itself too: one window per process, so init and terminate travel with it.
class Window {
public:
    static core::Result<std::unique_ptr<Window>> create(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_; }
    bool is_close_requested() const;
    void request_close();
    FramebufferSize framebuffer_size() const;
    FramebufferSize window_size() const;
    void poll_events();
    void swap_buffers();
    const std::string& gl_version() const { return gl_version_; }

private:
    Window() = default;
    GLFWwindow* window_ = nullptr;
    std::string gl_version_;
};

}  // namespace parsec::app
