// GLFW window + GL context. glad comes first and GLFW without its own GL header (toolchain P4).
#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "platform/window.hpp"

#include <cstdio>

namespace parsec::app {
namespace {

// GLFW reports errors through a callback. Before the window exists the last one goes into the
// creation error; afterwards they are printed as they happen.
std::string& last_glfw_error() {
    static std::string message;
    return message;
}
bool is_window_created = false;

void on_glfw_error(int code, const char* description) {
    last_glfw_error() = "GLFW error " + std::to_string(code) + ": " + description;
    if (is_window_created) std::fprintf(stderr, "%s\n", last_glfw_error().c_str());
}

core::Error window_error(const std::string& what) {
    std::string message = what;
    if (!last_glfw_error().empty()) message += " (" + last_glfw_error() + ")";
    message += ". For headless use run under: xvfb-run -a -s \"-screen 0 1600x900x24\"";
    return core::make_error("WindowError", message);
}

}  // namespace

core::Result<std::unique_ptr<Window>> Window::create(const WindowOptions& options) {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) return window_error("cannot initialise GLFW");

    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* handle = glfwCreateWindow(options.width_px, options.height_px,
                                          options.title.c_str(), nullptr, nullptr);
    if (handle == nullptr) {
        glfwTerminate();
        return window_error("cannot create a GL 3.3 core window");
    }
    glfwMakeContextCurrent(handle);
    // Scripted runs render as fast as possible; a person gets vsync so the app does not spin.
    glfwSwapInterval(options.is_headless ? 0 : 1);

    const int version = gladLoadGL(glfwGetProcAddress);
    if (version == 0) {
        glfwDestroyWindow(handle);
        glfwTerminate();
        return window_error("cannot load OpenGL functions");
    }
    is_window_created = true;
    std::unique_ptr<Window> window(new Window());
    window->window_ = handle;
    const auto* gl_version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    window->gl_version_ = gl_version != nullptr ? gl_version : "unknown";
    return window;
}

Window::~Window() {
    if (window_ != nullptr) glfwDestroyWindow(window_);
    glfwTerminate();
}

bool Window::is_close_requested() const {
    return glfwWindowShouldClose(window_) != 0;
}

void Window::request_close() {
    glfwSetWindowShouldClose(window_, GLFW_TRUE);
}

FramebufferSize Window::framebuffer_size() const {
    FramebufferSize size;
    glfwGetFramebufferSize(window_, &size.width_px, &size.height_px);
    return size;
}

FramebufferSize Window::window_size() const {
    FramebufferSize size;
    glfwGetWindowSize(window_, &size.width_px, &size.height_px);
    return size;
}

void Window::poll_events() {
    glfwPollEvents();
}

void Window::swap_buffers() {
    glfwSwapBuffers(window_);
}

}  // namespace parsec::app
