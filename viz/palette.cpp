#include "viz/palette.hpp"

#include <cmath>

namespace parsec::viz {

const Palette& default_palette() {
    static const Palette palette;
    return palette;
}

ImU32 peer_colour(std::size_t lane) {
    // Golden-angle hue steps never repeat and keep consecutive lanes far apart on the wheel;
    // alternating value and saturation separates lanes whose hues end up close at 48 peers.
    const float hue = std::fmod(0.58f + static_cast<float>(lane) * 0.618034f, 1.0f);
    const float saturation = (lane % 2 == 0) ? 0.50f : 0.38f;
    const float value = (lane % 3 == 0) ? 0.95f : (lane % 3 == 1 ? 0.86f : 0.78f);
    float r = 0, g = 0, b = 0;
    ImGui::ColorConvertHSVtoRGB(hue, saturation, value, r, g, b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, 1.0f));
}

ImU32 with_alpha(ImU32 colour, float alpha) {
    const auto a = static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF) * alpha;
    const auto a8 = static_cast<ImU32>(a < 0.0f ? 0.0f : (a > 255.0f ? 255.0f : a));
    return (colour & ~IM_COL32_A_MASK) | (a8 << IM_COL32_A_SHIFT);
}

}  // namespace parsec::viz
