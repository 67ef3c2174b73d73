// A panel is one tab of the fixed layout. Add one in its own file and register it statically:
//
//     class PeersPanel final : public Panel {
//         const char* name() const override { return "Peers"; }
//         PanelSlot slot() const override { return PanelSlot::Left; }
//         void draw(ShellContext& ctx) override { ... read views, ctx.push_intent(...) ... }
//     };
//     const RegisterPanel register_peers_panel{[] { return std::make_unique<PeersPanel>(); }};
//
// Panels are created after the ImGui context exists and destroyed before it goes away.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace parsec::app {

class ShellContext;

enum class PanelSlot { Left, Center, Right, Bottom };

struct Shortcut {
    std::string keys;         // as shown to the user, e.g. "Ctrl+click"
    std::string description;  // what it does, e.g. "select a second event"
};

class Panel {
public:
    virtual ~Panel() = default;
    // Unique; the tab label, the View menu entry, the settings key and `panel NAME` in scripts.
    virtual const char* name() const = 0;
    virtual PanelSlot slot() const = 0;
    // Tabs in one slot are ordered by this, then by name (registration order is not stable).
    virtual int order() const { return 100; }
    virtual bool is_open_by_default() const { return true; }
    // ImGuiWindowFlags for the panel's child region, e.g. NoScrollbar for a canvas.
    virtual int window_flags() const { return 0; }
    // Called every frame while the panel's tab is visible, inside a child region that fills the
    // slot. Read state through const views; express changes as intents.
    virtual void draw(ShellContext& ctx) = 0;
    // Panel-specific keys and mouse gestures, listed in the help overlay.
    virtual void list_shortcuts(std::vector<Shortcut>& out) const { (void)out; }
};

using PanelFactory = std::function<std::unique_ptr<Panel>()>;

std::vector<PanelFactory>& panel_registry();

struct RegisterPanel {
    explicit RegisterPanel(PanelFactory factory) { panel_registry().push_back(std::move(factory)); }
};

}  // namespace parsec::app
