// Creates the ImGui context on a Window: backends, fonts, theme and where imgui.ini lives.
#pragma once
#include <string>
#include <vector>

struct ImFont;

namespace parsec::app {

class Window;

inline constexpr const char* default_font_dir = "/usr/share/fonts/truetype/dejavu";

struct ImGuiOptions {
    std::string ini_path;  // empty: no imgui.ini at all (scripted runs must be reproducible)
    std::string font_dir = default_font_dir;  // PARSEC_FONT_DIR overrides it
    float font_size_px = 16.0f;
    bool is_headless = false;
};

struct Fonts {
    ImFont* ui = nullptr;    // DejaVu Sans, or ImGui's built-in font when the file is missing
    ImFont* mono = nullptr;  // DejaVu Sans Mono, for hashes, tables and code-like text
    bool has_symbols = false;  // arrows and bullets (←, →, •) render; false with the built-in font
    std::vector<std::string> warnings;  // e.g. a missing font file, shown in the status bar
};

// One per process; the destructor shuts the backends and the context down.
class ImGuiRuntime {
public:
    ImGuiRuntime(Window& window, const ImGuiOptions& options);
    ~ImGuiRuntime();
    ImGuiRuntime(const ImGuiRuntime&) = delete;
    ImGuiRuntime& operator=(const ImGuiRuntime&) = delete;

    const Fonts& fonts() const { return fonts_; }

private:
    std::string ini_path_;  // io.IniFilename points into this string
    Fonts fonts_;
};

}  // namespace parsec::app
