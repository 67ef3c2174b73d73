// Scripted keyboard and mouse input, fed to ImGuiIO exactly where a real backend would write it.
// ImGui 1.86's GLFW backend overwrites mouse state in its NewFrame, so apply() must run after
// ImGui_ImplGlfw_NewFrame() and before ImGui::NewFrame().
#pragma once
#include <array>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct ImGuiIO;

namespace parsec::app {

// A key as GLFW would report it: a GLFW_KEY_* code, the modifiers, and the character (if any)
// GLFW's char callback would deliver for it, e.g. `?` is Shift+Slash with character '?'.
struct KeyChord {
    int glfw_key = -1;
    bool ctrl = false;
    bool shift = false;
    bool alt = false;
    unsigned int character = 0;
};

// Parses names like `Space`, `Right`, `Shift+Right`, `Ctrl+O`, `F`, `F5`, `?`, `Escape`.
// Returns nullopt and fills `error` for an unknown name.
std::optional<KeyChord> parse_key_chord(std::string_view name, std::string& error);

class InputInjector {
public:
    // Each call queues whole frames of input; apply() consumes one frame per call.
    void queue_key(const KeyChord& chord);   // held for one frame, released on the next
    void queue_text(std::string_view text);  // ASCII characters, all in one frame
    void queue_mouse_move(float x, float y);
    void queue_click(float x, float y, int button);
    void queue_drag(float x0, float y0, float x1, float y1, int button);
    void queue_scroll(float x, float y, float wheel_lines);
    bool has_pending() const { return !frames_.empty(); }

    // Overwrites the mouse, keys and modifiers in `io` with the scripted state, so the real
    // pointer and keyboard never leak into a scripted run.
    void apply(ImGuiIO& io);

private:
    static constexpr int mouse_buttons_count = 3;
    struct FrameInput {
        std::optional<std::array<float, 2>> mouse_pos;
        std::array<int, mouse_buttons_count> mouse_down{-1, -1, -1};  // -1 keep, 0 up, 1 down
        std::optional<KeyChord> key;
        std::vector<unsigned int> characters;
        float wheel_lines = 0.0f;
    };
    FrameInput& push_frame() { return frames_.emplace_back(); }

    std::deque<FrameInput> frames_;
    std::array<float, 2> mouse_pos_{-1e30f, -1e30f};  // "no mouse" until a script moves it
    std::array<bool, mouse_buttons_count> mouse_down_{};
};

}  // namespace parsec::app
