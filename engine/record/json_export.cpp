// JSON export of a recording (hand-written: the engine has no JSON dependency).
#include "record/json_export.hpp"

#include "record/json_text.hpp"

namespace parsec::record {
namespace {

const char* input_kind_name(const sim::InputBody& body) {
    static const char* const kNames[] = {"gossip", "deliver", "drop", "duplicate", "vote", "fault", "byzantine", "join"};
    return body.index() < std::size(kNames) ? kNames[body.index()] : "?";
}

std::string node_name(sim::NodeId n, const std::vector<std::string>& names) {
    if (n == sim::kNoNode) return "-";
    return n < names.size() ? names[n] : "#" + std::to_string(n);
}

template <class T, class F>
void write_list(std::string& out, const std::vector<T>& items, F write_one) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        write_one(items[i]);
    }
    out += ']';
}

void write_config(std::string& out, const sim::SimConfig& c, const std::vector<std::string>& names) {
    json::Object o(out);
    o.number("seed", c.seed);
    o.number("genesis_count", c.genesis_count);
    o.number("joiner_count", c.joiner_count);
    o.field("mode", c.mode == model::ConsensusMode::Single ? "single" : "supermajority");
    o.field("identities", c.identities == crypto::IdentityKind::Mock ? "mock" : "ed25519");
    o.boolean("malice_detection", c.malice_detection);
    o.boolean("safety_only", c.safety_only);
    o.number("ticks_max", c.ticks_max);
    o.number("until_blocks", c.until_blocks);
    o.field("gossip_chance", c.gossip_chance.to_string());
    o.field("link", c.link.to_string());
    o.field("byzantine_chance", c.byzantine_chance.to_string());
    {
        json::Object w(o.key("workload"));
        w.field("payload_chance", c.workload.payload_chance.to_string());
        w.number("payloads_max", c.workload.payloads_max);
        w.field("vote_delay", c.workload.vote_delay.to_string());
        write_list(w.key("voters"), c.workload.voters,
                   [&](sim::NodeId v) { out += json::quote(node_name(v, names)); });
    }
    o.number("script_events", c.script.size());
    auto& roles = o.key("byzantine");
    roles += '{';
    bool first = true;
    for (sim::NodeId n = 0; n < c.byzantine.size(); ++n) {
        if (c.byzantine[n] == sim::ByzantineKind::Honest) continue;
        roles += (first ? "" : ",") + json::quote(node_name(n, names)) + ":" +
                 json::quote(sim::byzantine_kind_name(c.byzantine[n]));
        first = false;
    }
    roles += '}';
}

void write_outcome(std::string& out, const sim::Outcome& o, const std::vector<std::string>& names) {
    json::Object obj(out);
    write_list(obj.key("created"), o.created, [&](const sim::CreatedEvent& e) {
        json::Object x(out);
        x.field("node", node_name(e.node, names));
        x.field("hash", core::to_hex(e.hash));
    });
    write_list(obj.key("inserted"), o.inserted, [&](const sim::Insertion& e) {
        json::Object x(out);
        x.field("node", node_name(e.node, names));
        x.number("count", e.count);
        x.number("fold", e.fold);
    });
    write_list(obj.key("blocks"), o.blocks, [&](const sim::PolledBlock& e) {
        json::Object x(out);
        x.field("node", node_name(e.node, names));
        x.field("payload", core::to_hex(e.payload));
    });
    write_list(obj.key("errors"), o.errors, [&](const sim::NodeError& e) {
        json::Object x(out);
        x.field("node", node_name(e.node, names));
        x.field("kind", e.kind);
    });
    write_list(obj.key("sent"), o.sent, [&](sim::MessageId m) { out += std::to_string(m); });
}

void write_branch(std::string& out, const Branch& b, const std::vector<std::string>& names) {
    json::Object o(out);
    o.number("id", b.id);
    if (b.parent == kNoBranch)
        o.key("parent") += "null";
    else
        o.number("parent", b.parent);
    o.number("fork_input", b.fork_input);
    o.number("seed", b.seed);
    o.field("label", b.label);
    auto& inputs = o.key("inputs");
    inputs += '[';
    for (std::size_t i = 0; i < b.inputs.size(); ++i) {
        if (i) out += ',';
        json::Object x(out);
        x.number("index", b.fork_input + i);
        x.number("tick", b.inputs[i].tick);
        x.field("kind", input_kind_name(b.inputs[i].body));
        x.field("text", sim::describe(b.inputs[i], names));
        if (i < b.outcomes.size()) write_outcome(x.key("outcome"), b.outcomes[i], names);
    }
    out += ']';
    write_list(o.key("checkpoints"), b.checkpoints, [&](const Checkpoint& c) {
        json::Object x(out);
        x.number("input", c.input);
        x.number("tick", c.tick);
        x.field("digest", core::to_hex(c.digest));
    });
    write_list(o.key("markers"), b.markers, [&](const sim::Marker& m) {
        json::Object x(out);
        x.number("input", m.input);
        x.number("tick", m.tick);
        x.field("kind", sim::marker_kind_name(m.kind));
        x.boolean("violation", sim::is_violation(m.kind));
        write_list(x.key("nodes"), m.nodes, [&](sim::NodeId n) { out += json::quote(node_name(n, names)); });
        x.field("text", m.text);
    });
}

}  // namespace

std::string export_json(const Recording& r) {
    std::vector<std::string> names;
    for (const auto& p : r.peers) names.push_back(p.name);
    std::string out;
    {
        json::Object o(out);
        o.number("format_version", r.format_version);
        o.field("engine_version", r.engine_version);
        write_config(o.key("config"), r.config, names);
        write_list(o.key("peers"), r.peers, [&](const PeerKey& p) {
            json::Object x(out);
            x.field("name", p.name);
            x.field("public_key", core::to_hex(p.public_key));
        });
        write_list(o.key("branches"), r.branches, [&](const Branch& b) { write_branch(out, b, names); });
    }
    out += '\n';
    return out;
}

}  // namespace parsec::record
