// ImGui context + GLFW/OpenGL3 backends (prebuilt in libimgui.a) + fonts. No glad here: the
// OpenGL3 backend has its own loader and the two must not share a translation unit (P3).
#include "platform/imgui_setup.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdlib>
#include <filesystem>

#include "platform/theme.hpp"
#include "platform/window.hpp"

namespace parsec::app {
namespace {

// Latin-1 plus the punctuation, arrows and shapes the UI uses (…, —, ←, →, •, ●, ▲).
const ImWchar* glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin + Latin-1
        0x2010, 0x206F,  // General punctuation
        0x2190, 0x21FF,  // Arrows
        0x2200, 0x22FF,  // Mathematical operators (≥, ≠, ∞)
        0x25A0, 0x25FF,  // Geometric shapes
        0,
    };
    return ranges;
}

// Debian's libimgui.a asserts (aborts) on a missing font file (toolchain P8), so check first.
ImFont* load_font_or_null(const std::string& path, float size_px,
                          std::vector<std::string>& warnings) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        warnings.push_back("font not found: " + path + " (using the built-in font)");
        return nullptr;
    }
    ImFontConfig config;
    config.OversampleH = 2;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), size_px, &config, glyph_ranges());
}

Fonts load_fonts(const ImGuiOptions& options) {
    Fonts fonts;
    std::string dir = options.font_dir;
    if (const char* env = std::getenv("PARSEC_FONT_DIR"); env != nullptr && env[0] != '\0')
        dir = env;
    // The first font added becomes the default, so the UI font (or its fallback) goes first.
    fonts.ui = load_font_or_null(dir + "/DejaVuSans.ttf", options.font_size_px, fonts.warnings);
    fonts.has_symbols = fonts.ui != nullptr;
    if (fonts.ui == nullptr) fonts.ui = ImGui::GetIO().Fonts->AddFontDefault();
    fonts.mono =
        load_font_or_null(dir + "/DejaVuSansMono.ttf", options.font_size_px - 1.0f, fonts.warnings);
    if (fonts.mono == nullptr) fonts.mono = fonts.ui;
    return fonts;
}

}  // namespace

ImGuiRuntime::ImGuiRuntime(Window& window, const ImGuiOptions& options)
    : ini_path_(options.ini_path) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = ini_path_.empty() ? nullptr : ini_path_.c_str();
    // Keyboard navigation stays off: arrows and Space belong to the debugger's global keys.
    io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    // A blinking caret would make screenshots of the same script differ.
    io.ConfigInputTextCursorBlink = !options.is_headless;

    fonts_ = load_fonts(options);
    apply_dark_theme(ImGui::GetStyle());

    ImGui_ImplGlfw_InitForOpenGL(window.handle(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

ImGuiRuntime::~ImGuiRuntime() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

}  // namespace parsec::app
