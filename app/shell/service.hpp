// A service is a long-lived, non-visual part of the GUI, such as the session controller: it sees
// every frame start, gets the intents first, and can add fields to the STATE line of scripted
// runs. Register one like a panel:
//
//     const RegisterService register_session{[] { return std::make_unique<SessionService>(); }};
//
// Panels reach it with ctx.find_service<SessionService>().
#pragma once
#include <functional>
#include <memory>
#include <vector>

namespace parsec::app {

class ShellContext;
class StateLine;
struct Intent;

class ShellService {
public:
    virtual ~ShellService() = default;
    virtual const char* name() const = 0;
    // Before any panel draws: advance playback by the frame's work budget, poll background jobs.
    virtual void begin_frame(ShellContext& ctx) { (void)ctx; }
    // At the end of the frame, in push order. Return true if handled; unhandled intents fall
    // back to the shell's defaults (e.g. Open without a path opens the file prompt).
    virtual bool handle_intent(const Intent& intent, ShellContext& ctx) {
        (void)intent;
        (void)ctx;
        return false;
    }
    // Fields for the STATE line printed when a scripted run ends, e.g. input_index=42.
    virtual void write_state(StateLine& out) const { (void)out; }
};

using ServiceFactory = std::function<std::unique_ptr<ShellService>()>;

std::vector<ServiceFactory>& service_registry();

struct RegisterService {
    explicit RegisterService(ServiceFactory factory) {
        service_registry().push_back(std::move(factory));
    }
};

}  // namespace parsec::app
