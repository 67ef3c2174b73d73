// Script actions that drive the session: open FILE, save FILE, advance N, select EVENT,
// select-pair A B, perspective NODE. Events are named as in the reference's dumps ("B_12", "C_2,1").
#include <algorithm>

#include "panels/session_service.hpp"
#include "platform/script.hpp"
#include "platform/script_driver.hpp"
#include "shell/shell_context.hpp"
#include "view/node_view.hpp"

namespace parsec::app {
namespace {

SessionService* service(ScriptContext& c) { return c.shell().find_service<SessionService>(); }

std::string run_open(const ScriptArgs& args, ScriptContext& c) {
    auto* s = service(c);
    if (!s) return "no session service";
    if (!s->open(args.rest, c.shell())) return "cannot open " + args.rest + " (see the error modal)";
    return {};
}

std::string run_save(const ScriptArgs& args, ScriptContext& c) {
    auto* s = service(c);
    if (!s || !s->session()) return "no session is open";
    if (!s->save(args.rest, c.shell())) return "cannot save " + args.rest + " (see Messages)";
    return {};
}

std::string run_advance(const ScriptArgs& args, ScriptContext& c) {
    std::string error;
    auto n = parse_int_arg(args.words[0], -1000000, 1000000, error);
    if (!n) return error;
    auto* s = service(c);
    if (!s || !s->session()) return "no session is open";
    long long target = static_cast<long long>(s->session()->position()) + *n;
    s->seek(static_cast<size_t>(std::max(0LL, target)), c.shell());
    return {};
}

std::optional<core::Hash32> find_event(SessionService& s, const std::string& name, std::string& error) {
    const auto& node = s.session()->node(s.selection().perspective);
    view::NodeView v(node);
    const auto& names = v.event_names();
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
        error = "no event named " + name + " in " + node.identity().id.name + "'s graph at this input";
        return std::nullopt;
    }
    return node.graph()[static_cast<model::EventIndex>(it - names.begin())].hash;
}

std::string run_select(const ScriptArgs& args, ScriptContext& c) {
    auto* s = service(c);
    if (!s || !s->session()) return "no session is open";
    std::string error;
    auto first = find_event(*s, args.words[0], error);
    if (!first) return error;
    s->selection().first = first;
    s->selection().second.reset();
    if (args.words.size() == 2) {
        auto second = find_event(*s, args.words[1], error);
        if (!second) return error;
        s->selection().second = second;
    }
    return {};
}

std::string run_perspective(const ScriptArgs& args, ScriptContext& c) {
    auto* s = service(c);
    if (!s || !s->session()) return "no session is open";
    for (size_t i = 0; i < s->session()->node_count(); ++i)
        if (s->session()->node_name(i) == args.rest) {
            s->selection().perspective = i;
            return {};
        }
    return "no node named " + args.rest;
}

const RegisterScriptAction register_open{{"open", "open FILE", 1, -1, run_open}};
const RegisterScriptAction register_save{{"save", "save FILE", 1, -1, run_save}};
const RegisterScriptAction register_advance{{"advance", "advance N", 1, 1, run_advance}};
const RegisterScriptAction register_select{{"select", "select EVENT", 1, 1, run_select}};
const RegisterScriptAction register_pair{{"select-pair", "select-pair EVENT EVENT", 2, 2, run_select}};
const RegisterScriptAction register_perspective{{"perspective", "perspective NODE", 1, -1, run_perspective}};

}  // namespace
}  // namespace parsec::app
