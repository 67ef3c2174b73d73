// Summaries of a finished simulation: per-node figures, invariant status, the violations found.
#include "cli/sim_report.hpp"

#include <cstdio>

namespace parsec::app {

namespace {
constexpr sim::MarkerKind kInvariants[] = {sim::MarkerKind::Agreement, sim::MarkerKind::Integrity,
                                           sim::MarkerKind::HonestAccused, sim::MarkerKind::Progress};

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else out += c;
    }
    return out + "\"";
}

std::size_t count_of(const RunSummary& r, sim::MarkerKind k) {
    std::size_t n = 0;
    for (const auto& m : r.markers) n += m.kind == k ? 1 : 0;
    return n;
}

bool checked(const RunSummary& r, sim::MarkerKind k) { return !r.safety_only || k == sim::MarkerKind::Agreement || k == sim::MarkerKind::Integrity; }
}  // namespace

RunSummary summarize(const sim::Simulation& s) {
    RunSummary r;
    const auto& c = s.config();
    r.seed = c.seed;
    r.nodes = c.node_count();
    r.mode = c.mode == model::ConsensusMode::Single ? "single" : "supermajority";
    r.identities = c.identities == crypto::IdentityKind::Mock ? "mock" : "real";
    r.safety_only = c.safety_only;
    r.ticks = s.tick();
    r.inputs = s.input_index();
    r.until_blocks = c.until_blocks;
    r.reached = s.reached_blocks();
    r.payloads = s.checkers().expected_payloads();
    r.violations = s.checkers().violation_count();
    r.accusations = s.checkers().marker_count(sim::MarkerKind::Accusation);
    r.names = s.cluster().names();
    for (const auto& n : s.cluster().nodes()) {
        NodeSummary ns;
        ns.name = n.name;
        ns.status = sim::node_status_name(n.status);
        if (n.is_removed()) ns.status = "removed";
        ns.role = sim::byzantine_kind_name(n.byzantine);
        ns.events = n.engine ? n.engine->graph().size() : 0;
        ns.blocks = n.blocks.size();
        ns.errors = n.errors;
        r.per_node.push_back(ns);
    }
    r.markers = s.markers();
    return r;
}

std::string summary_text(const RunSummary& r, bool all_markers) {
    char line[256];
    std::string out;
    std::snprintf(line, sizeof line, "sim: seed %llu, %zu nodes, %s, %s identities%s\n",
                  static_cast<unsigned long long>(r.seed), r.nodes, r.mode.c_str(), r.identities.c_str(),
                  r.safety_only ? ", safety only" : "");
    out += line;
    std::snprintf(line, sizeof line, "ran %llu ticks, %llu inputs; %zu workload payloads voted%s\n",
                  static_cast<unsigned long long>(r.ticks), static_cast<unsigned long long>(r.inputs), r.payloads,
                  r.until_blocks == 0 ? ""
                  : r.reached         ? ", requested blocks reached"
                                      : ", requested blocks NOT reached");
    out += line;
    std::snprintf(line, sizeof line, "%-8s %-10s %-26s %8s %7s %7s\n", "node", "status", "role", "events", "blocks",
                  "errors");
    out += line;
    for (const auto& n : r.per_node) {
        std::snprintf(line, sizeof line, "%-8s %-10s %-26s %8zu %7zu %7llu\n", n.name.c_str(), n.status.c_str(),
                      n.role.c_str(), n.events, n.blocks, static_cast<unsigned long long>(n.errors));
        out += line;
    }
    out += "invariants:";
    for (auto k : kInvariants) {
        const std::size_t n = count_of(r, k);
        out += std::string(" ") + sim::marker_kind_name(k) + " " +
               (!checked(r, k) ? "not checked" : n == 0 ? "ok" : std::to_string(n) + " VIOLATED");
        out += k == sim::MarkerKind::Progress ? "\n" : ",";
    }
    out += "accusations: " + std::to_string(r.accusations) + "\n";
    for (const auto& m : r.markers)
        if (all_markers || sim::is_violation(m.kind)) out += "  " + sim::describe_marker(m, r.names) + "\n";
    out += r.violations == 0 ? "result: ok\n" : "result: " + std::to_string(r.violations) + " violation(s)\n";
    return out;
}

std::string summary_json(const RunSummary& r) {
    std::string o = "{\"seed\":" + std::to_string(r.seed) + ",\"nodes\":" + std::to_string(r.nodes) +
                    ",\"mode\":" + json_string(r.mode) + ",\"identities\":" + json_string(r.identities) +
                    ",\"safety_only\":" + (r.safety_only ? "true" : "false") + ",\"ticks\":" + std::to_string(r.ticks) +
                    ",\"inputs\":" + std::to_string(r.inputs) + ",\"until_blocks\":" + std::to_string(r.until_blocks) +
                    ",\"reached\":" + (r.reached ? "true" : "false") + ",\"payloads\":" + std::to_string(r.payloads) +
                    ",\"violations\":" + std::to_string(r.violations) +
                    ",\"accusations\":" + std::to_string(r.accusations) + ",\"per_node\":[";
    for (std::size_t i = 0; i < r.per_node.size(); ++i) {
        const auto& n = r.per_node[i];
        o += std::string(i ? "," : "") + "{\"name\":" + json_string(n.name) + ",\"status\":" + json_string(n.status) +
             ",\"role\":" + json_string(n.role) + ",\"events\":" + std::to_string(n.events) +
             ",\"blocks\":" + std::to_string(n.blocks) + ",\"errors\":" + std::to_string(n.errors) + "}";
    }
    o += "],\"invariants\":{";
    bool first = true;
    for (auto k : kInvariants) {
        o += std::string(first ? "" : ",") + json_string(sim::marker_kind_name(k)) + ":" +
             (!checked(r, k) ? "\"not checked\"" : count_of(r, k) == 0 ? "\"ok\"" : "\"violated\"");
        first = false;
    }
    o += "},\"markers\":[";
    first = true;
    for (const auto& m : r.markers) {
        o += std::string(first ? "" : ",") + "{\"tick\":" + std::to_string(m.tick) +
             ",\"input\":" + std::to_string(m.input) + ",\"kind\":" + json_string(sim::marker_kind_name(m.kind)) +
             ",\"violation\":" + (sim::is_violation(m.kind) ? "true" : "false") + ",\"nodes\":[";
        for (std::size_t i = 0; i < m.nodes.size(); ++i)
            o += std::string(i ? "," : "") + json_string(m.nodes[i] < r.names.size() ? r.names[m.nodes[i]] : "?");
        o += "],\"text\":" + json_string(m.text) + "}";
        first = false;
    }
    return o + "]}";
}

}  // namespace parsec::app
