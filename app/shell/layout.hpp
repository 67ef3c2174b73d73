// The fixed layout (ImGui 1.86 has no docking): four slots around splitters the user drags.
//
//   +--------+----------------+--------+
//   |  Left  |     Center     | Right  |
//   +--------+----------------+--------+
//   |              Bottom              |
//   +----------------------------------+
//
// Sizes are fractions of the work area so they survive window resizes and are stored in the
// settings file. compute_layout() is pure; draw_splitters() is the only ImGui part.
#pragma once

namespace parsec::app {

class Settings;

struct Rect {
    float x = 0, y = 0, width = 0, height = 0;
};

struct LayoutFractions {
    float left = 0.19f;    // of the work area's width
    float right = 0.27f;   // of the work area's width
    float bottom = 0.24f;  // of the work area's height
};

struct SlotPresence {  // a slot with no open panel collapses and loses its splitter
    bool has_left = false;
    bool has_right = false;
    bool has_bottom = false;
};

struct LayoutRects {
    Rect left, center, right, bottom;
    Rect splitter_left, splitter_right, splitter_bottom;
};

inline constexpr float splitter_thickness_px = 6.0f;
inline constexpr float fraction_min = 0.08f;
inline constexpr float fraction_max = 0.60f;

LayoutRects compute_layout(const Rect& work_area, const LayoutFractions& fractions,
                           const SlotPresence& presence);

LayoutFractions clamp_fractions(LayoutFractions fractions);

// Draws the splitters into the current window and applies drags to `fractions`.
// Returns true while one is being dragged.
bool draw_splitters(const LayoutRects& rects, const Rect& work_area, const SlotPresence& presence,
                    LayoutFractions& fractions);

LayoutFractions load_layout(const Settings& settings);
void save_layout(const LayoutFractions& fractions, Settings& settings);

}  // namespace parsec::app
