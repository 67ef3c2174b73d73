// A progress bar on stderr for long commands: shown only when stderr is a terminal and the work has
// already taken more than a second, redrawn at most ten times a second, erased when done.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace parsec::app {

class ProgressBar {
public:
    explicit ProgressBar(std::string label);
    ~ProgressBar() { finish(); }
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    void update(std::uint64_t done, std::uint64_t total);
    void finish();

private:
    std::string label_;
    bool is_terminal_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace parsec::app
