// Storage for the panel and service registries and the STATE line helper. The registries are
// function-local statics so static registrations in any file work regardless of init order.
#include "shell/panel.hpp"
#include "shell/service.hpp"
#include "shell/state_line.hpp"

namespace parsec::app {

std::vector<PanelFactory>& panel_registry() {
    static std::vector<PanelFactory> factories;
    return factories;
}

std::vector<ServiceFactory>& service_registry() {
    static std::vector<ServiceFactory> factories;
    return factories;
}

void StateLine::add(std::string_view key, std::string_view value) {
    text_ += ' ';
    text_ += key;
    text_ += '=';
    if (value.empty()) {
        text_ += '-';
        return;
    }
    for (char c : value) text_ += (c == ' ' || c == '\t' || c == '\n') ? '_' : c;
}

}  // namespace parsec::app
