// libFuzzer target for the .dot parser and writer (spec §9.3-§9.5). Any input must parse or fail with a
// located ParseError; whatever parses must write, re-parse, and write the same bytes again.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dot/dot_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace parsec;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = dot::parse_dot(text, "fuzz.dot");
    if (!parsed.ok()) {
        const auto& e = parsed.error();
        if (e.kind != "ParseError" || e.where.rfind("fuzz.dot:", 0) != 0) {
            std::fprintf(stderr, "error without a location: %s\n", e.to_string().c_str());
            std::abort();
        }
        return 0;
    }
    std::string written = dot::write_dot(*parsed);
    auto again = dot::parse_dot(written, "rewritten.dot");
    if (!again.ok()) {
        std::fprintf(stderr, "writer output does not parse: %s\n", again.error().to_string().c_str());
        std::abort();
    }
    if (dot::write_dot(*again) != written) {
        std::fprintf(stderr, "write(parse(write(x))) != write(x)\n");
        std::abort();
    }
    return 0;
}
