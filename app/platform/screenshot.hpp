// Reading the rendered frame back and saving it as a PNG.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace parsec::app {

struct Image {
    int width_px = 0;
    int height_px = 0;
    std::vector<uint8_t> rgba;  // top row first, 4 bytes per pixel, alpha always 255
};

// Reads the GL back buffer. Call after rendering and BEFORE swapping (toolchain P13).
Image read_back_buffer(int width_px, int height_px);

// Encodes `image` as PNG and writes it atomically; the error names the file.
core::Status write_png(const Image& image, const std::string& path);

}  // namespace parsec::app
