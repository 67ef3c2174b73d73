// gui_png_check: asserts on a screenshot's pixels for the GUI tests (python3 here has no PIL).
//   gui_png_check FILE [--size WxH] [--not-uniform]
//                      [--bright X0 Y0 X1 Y1 MIN]        at least MIN text-coloured pixels
//                      [--differs OTHER X0 Y0 X1 Y1 MIN_FRACTION]
//                      [--colour R G B TOLERANCE X0 Y0 X1 Y1 MIN]  at least MIN pixels of that colour
//                                                   (each channel within TOLERANCE); prints colour_count=N
// Prints one line per check and exits 1 on the first failure. libstb is a compiled library,
// so no STB_IMAGE_IMPLEMENTATION here.
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace {

struct Png {
    int width = 0;
    int height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> rgba{nullptr, stbi_image_free};
    const unsigned char* at(int x, int y) const { return rgba.get() + (y * width + x) * 4; }
};

bool load(const char* path, Png& png) {
    int channels = 0;
    png.rgba.reset(stbi_load(path, &png.width, &png.height, &channels, 4));
    if (!png.rgba) std::printf("FAIL %s: cannot decode (%s)\n", path, stbi_failure_reason());
    return png.rgba != nullptr;
}

int fail(const std::string& message) {
    std::printf("FAIL %s\n", message.c_str());
    return 1;
}

// Text in the dark theme is light grey (226,230,236); the chrome behind it is below 60.
bool is_text_coloured(const unsigned char* p) {
    const int luma = (p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000;
    return luma >= 150;
}

struct Region {
    int x0, y0, x1, y1;
};

bool read_region(char** argv, int i, const Png& png, Region& r) {
    r = {std::atoi(argv[i]), std::atoi(argv[i + 1]), std::atoi(argv[i + 2]),
         std::atoi(argv[i + 3])};
    return r.x0 >= 0 && r.y0 >= 0 && r.x0 < r.x1 && r.y0 < r.y1 && r.x1 <= png.width &&
           r.y1 <= png.height;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return fail("usage: gui_png_check FILE [checks...]");
    Png png;
    if (!load(argv[1], png)) return 1;
    for (int i = 2; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--size" && i + 1 < argc) {
            int w = 0, h = 0;
            if (std::sscanf(argv[++i], "%dx%d", &w, &h) != 2) return fail("bad --size");
            if (png.width != w || png.height != h) {
                return fail("size " + std::to_string(png.width) + "x" + std::to_string(png.height) +
                            ", expected " + argv[i]);
            }
            std::printf("ok size %dx%d\n", w, h);
        } else if (option == "--not-uniform") {
            long differing = 0;
            for (int y = 0; y < png.height; ++y) {
                for (int x = 0; x < png.width; ++x) {
                    differing += std::memcmp(png.at(x, y), png.at(0, 0), 3) != 0;
                }
            }
            if (differing < png.width) return fail("image is (nearly) uniform");
            std::printf("ok not uniform (%ld pixels differ from the corner)\n", differing);
        } else if (option == "--bright" && i + 5 < argc) {
            Region r{};
            if (!read_region(argv, i + 1, png, r)) return fail("bad --bright region");
            const long min = std::atol(argv[i + 5]);
            i += 5;
            long count = 0;
            for (int y = r.y0; y < r.y1; ++y) {
                for (int x = r.x0; x < r.x1; ++x) count += is_text_coloured(png.at(x, y));
            }
            if (count < min) {
                return fail("only " + std::to_string(count) +
                            " text-coloured pixels in region, want " + std::to_string(min));
            }
            std::printf("ok %ld text-coloured pixels in region\n", count);
        } else if (option == "--differs" && i + 6 < argc) {
            Png other;
            if (!load(argv[i + 1], other)) return 1;
            Region r{};
            if (!read_region(argv, i + 2, png, r) || other.width != png.width ||
                other.height != png.height) {
                return fail("bad --differs region or image sizes differ");
            }
            const double min_fraction = std::atof(argv[i + 6]);
            i += 6;
            long changed = 0;
            for (int y = r.y0; y < r.y1; ++y) {
                for (int x = r.x0; x < r.x1; ++x)
                    changed += std::memcmp(png.at(x, y), other.at(x, y), 3) != 0;
            }
            const double fraction = static_cast<double>(changed) / ((r.x1 - r.x0) * (r.y1 - r.y0));
            if (fraction < min_fraction) {
                return fail("only " + std::to_string(fraction) + " of the region differs, want " +
                            std::to_string(min_fraction));
            }
            std::printf("ok %.3f of the region differs\n", fraction);
        } else if (option == "--colour" && i + 9 < argc) {
            const int want[3] = {std::atoi(argv[i + 1]), std::atoi(argv[i + 2]), std::atoi(argv[i + 3])};
            const int tolerance = std::atoi(argv[i + 4]);
            Region r{};
            if (!read_region(argv, i + 5, png, r)) return fail("bad --colour region");
            const long min = std::atol(argv[i + 9]);
            i += 9;
            long count = 0;
            for (int y = r.y0; y < r.y1; ++y) {
                for (int x = r.x0; x < r.x1; ++x) {
                    const unsigned char* p = png.at(x, y);
                    count += std::abs(p[0] - want[0]) <= tolerance && std::abs(p[1] - want[1]) <= tolerance &&
                             std::abs(p[2] - want[2]) <= tolerance;
                }
            }
            std::printf("colour_count=%ld\n", count);
            if (count < min) {
                return fail("only " + std::to_string(count) + " pixels of colour " + std::to_string(want[0]) + "," +
                            std::to_string(want[1]) + "," + std::to_string(want[2]) + " in region, want " +
                            std::to_string(min));
            }
        } else {
            return fail("unknown or incomplete option " + option);
        }
    }
    return 0;
}
