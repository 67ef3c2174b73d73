// Always-on assertions for programmer errors (never for bad input: that returns Result).
#pragma once
#include <cstdio>
#include <cstdlib>

namespace parsec::core {
[[noreturn]] inline void assert_failed(const char* cond, const char* msg, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: assertion failed: %s (%s)\n", file, line, cond, msg);
    std::abort();
}
}  // namespace parsec::core

#define PARSEC_ASSERT(cond, msg)                                                        \
    do {                                                                                \
        if (!(cond)) ::parsec::core::assert_failed(#cond, msg, __FILE__, __LINE__);     \
    } while (0)
