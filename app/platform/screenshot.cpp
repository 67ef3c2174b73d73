// glReadPixels → PNG via libstb (compiled library: no STB_IMAGE_WRITE_IMPLEMENTATION, P11).
#include <glad/gl.h>

#include "platform/screenshot.hpp"

#include <stb_image_write.h>

#include <cstring>

#include "io/atomic_file.hpp"

namespace parsec::app {
namespace {

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::string*>(context);
    out->append(static_cast<const char*>(data), static_cast<size_t>(size));
}

}  // namespace

Image read_back_buffer(int width_px, int height_px) {
    Image image;
    if (width_px <= 0 || height_px <= 0) return image;
    image.width_px = width_px;
    image.height_px = height_px;
    const size_t row_bytes = static_cast<size_t>(width_px) * 4;
    std::vector<uint8_t> bottom_up(row_bytes * static_cast<size_t>(height_px));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width_px, height_px, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());

    // GL rows start at the bottom; PNG rows start at the top.
    image.rgba.resize(bottom_up.size());
    for (int y = 0; y < height_px; ++y) {
        const size_t src = static_cast<size_t>(height_px - 1 - y) * row_bytes;
        std::memcpy(image.rgba.data() + static_cast<size_t>(y) * row_bytes, bottom_up.data() + src,
                    row_bytes);
    }
    // ImGui's blend function leaves alpha below 1, which would make the PNG see-through.
    for (size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
    return image;
}

core::Status write_png(const Image& image, const std::string& path) {
    if (image.rgba.empty()) return core::make_error("ScreenshotError", "empty framebuffer", path);
    std::string png;
    stbi_flip_vertically_on_write(0);
    const int ok = stbi_write_png_to_func(append_bytes, &png, image.width_px, image.height_px, 4,
                                          image.rgba.data(), image.width_px * 4);
    if (ok == 0) return core::make_error("ScreenshotError", "PNG encoding failed", path);
    return write_file_atomically(path, png);
}

}  // namespace parsec::app
