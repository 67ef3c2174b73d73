// The debugger's dark theme: high text contrast, calm blue-grey chrome, one accent colour.
#pragma once

struct ImGuiStyle;

namespace parsec::app {

void apply_dark_theme(ImGuiStyle& style);

}  // namespace parsec::app
