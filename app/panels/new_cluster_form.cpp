#include "panels/new_cluster_form.hpp"

#include <charconv>

#include "session/default_cluster.hpp"
#include "sim/fault_spec.hpp"

namespace parsec::app {

core::Result<sim::SimConfig> to_config(const NewClusterForm& form) {
    sim::SimConfig c = default_live_config();
    c.genesis_count = static_cast<std::uint16_t>(form.nodes < 0 ? 0 : form.nodes);
    c.seed = form.seed;
    c.mode = form.single_mode ? model::ConsensusMode::Single : model::ConsensusMode::Supermajority;
    const auto ticks =
        static_cast<std::uint32_t>(form.ticks_per_payload < 1 ? 1 : form.ticks_per_payload);
    c.workload.payload_chance = sim::Ratio{1, ticks};
    c.identities =
        form.real_identities ? crypto::IdentityKind::Ed25519 : crypto::IdentityKind::Mock;
    if (!form.workload.empty())
        if (auto st = sim::apply_workload_spec(form.workload, c); !st.ok()) return st.error();
    return c;
}

namespace {

template <typename T>
bool parse_number(const std::string& text, T& out) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string apply_form_word(NewClusterForm& form, const std::string& word) {
    const auto eq = word.find('=');
    if (eq == std::string::npos) return "'" + word + "' is not key=value";
    const std::string key = word.substr(0, eq);
    const std::string value = word.substr(eq + 1);
    if (key == "nodes")
        return parse_number(value, form.nodes) ? "" : "nodes: '" + value + "' is not a number";
    if (key == "seed")
        return parse_number(value, form.seed) ? "" : "seed: '" + value + "' is not a number";
    if (key == "rate")
        return parse_number(value, form.ticks_per_payload)
                   ? ""
                   : "rate: '" + value + "' is not a number";
    if (key == "mode") {
        if (value != "supermajority" && value != "single") return "mode: supermajority or single";
        form.single_mode = value == "single";
        return {};
    }
    if (key == "identities") {
        if (value != "real" && value != "mock") return "identities: real or mock";
        form.real_identities = value == "real";
        return {};
    }
    if (key == "workload") {
        form.workload = value;
        return {};
    }
    return "unknown key '" + key + "' (nodes, seed, mode, rate, identities, workload)";
}

}  // namespace parsec::app
