// The machine-readable line a scripted run prints at exit, for tests to assert on:
//     STATE frames=12 help_overlay=1 panels=Messages focused_panel=- intents=PlayPause,...
// Values never contain blanks (they are replaced by '_'), so `grep -o 'key=[^ ]*'` works.
#pragma once
#include <string>
#include <string_view>

namespace parsec::app {

class StateLine {
public:
    void add(std::string_view key, std::string_view value);
    void add(std::string_view key, long long value) { add(key, std::to_string(value)); }
    const std::string& text() const { return text_; }

private:
    std::string text_ = "STATE";
};

}  // namespace parsec::app
