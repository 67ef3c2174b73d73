// The conformance run for one reference dump (spec §10.1, §10.2).
#include "dot/conformance.hpp"

#include <cctype>
#include <optional>
#include <unordered_map>

#include "dot/conformance_internal.hpp"
#include "dot/dot_export.hpp"

namespace parsec::dot {

namespace {

// A dump whose long payloads were shortened to "<10 hex><6 chars>" lost its hashes (spec §9.3):
// its history can only be compared by structure (spec §10.1 b).
bool has_shortened_payloads(const DotFile& file) {
    for (const auto& e : file.events) {
        if (e.cause != DotCause::Observation || e.observation.kind != DotObservation::Kind::OpaquePayload) continue;
        const auto& p = e.observation.payload;
        if (p.size() != 16) continue;
        bool hex = true;
        for (size_t i = 0; i < 10; ++i) hex = hex && std::isxdigit(static_cast<unsigned char>(p[i])) && !std::isupper(static_cast<unsigned char>(p[i]));
        if (hex) return true;
    }
    return false;
}

struct Snapshot {
    DotFile state;
    std::vector<model::KeyIndex> deciding_keys;
};

std::vector<std::string> names_for(const node::Node& n, const std::unordered_map<std::string, std::string>& by_hash) {
    std::vector<std::string> names = event_names(n);
    for (model::EventIndex i = 0; i < n.graph().size(); ++i) {
        auto it = by_hash.find(core::to_hex(n.graph()[i].hash));
        if (it != by_hash.end()) names[i] = it->second;
    }
    return names;
}

}  // namespace

ConformanceResult check_conformance(const DotFile& file, std::string_view file_name) {
    ConformanceResult r;
    r.events = file.events.size();
    auto fail = [&](std::string why) {
        r.passed = false;
        r.failure = std::move(why);
        return r;
    };
    if (auto d = check_graph_structure(file, file_name); !d.empty()) return fail(d);

    auto plan = plan_replay(file, file_name);
    if (!plan.ok()) return fail(plan.error().to_string());
    std::unordered_map<std::string, std::string> name_by_hash;
    for (size_t i = 0; i < plan->parsed_hashes.size(); ++i)
        name_by_hash[core::to_hex(plan->parsed_hashes[i])] = plan->parsed_names[i];

    // The dump moment of an OnConsensus file: the decision taken with the file's history behind it.
    std::optional<Snapshot> at_dump;
    const size_t file_history = file.consensus_history.size();
    auto hook = [&](const node::Node& n, model::EventIndex e, const std::vector<model::KeyIndex>& keys) {
        r.notes.push_back("decision at " + names_for(n, name_by_hash)[e] + " (" + std::to_string(keys.size()) + " keys)");
        if (!at_dump && n.election().consensus_history.size() == file_history) {
            auto names = names_for(n, name_by_hash);
            at_dump = Snapshot{export_node(n, &names), keys};
        }
    };
    auto played = play(plan.value(), std::make_shared<crypto::MockCrypto>(), hook);
    if (!played.ok()) return fail("replay failed: " + played.error().to_string());
    const node::Node& n = played.value();
    // "decisions" counts keys like the reference's consensus_history; decision points are the events.
    r.decisions = n.election().consensus_history.size();
    r.decision_points = n.decisions().size();

    // C4: the replayed graph holds exactly the parsed events (plus the final request's two).
    size_t extra = plan->added_final_requesting_event ? 2 : 0;
    if (n.graph().size() != plan->parsed_hashes.size() + extra)
        return fail("event count: expected " + std::to_string(plan->parsed_hashes.size() + extra) + ", got " +
                    std::to_string(n.graph().size()));
    for (size_t i = 0; i < plan->parsed_hashes.size(); ++i)
        if (n.graph().find(plan->parsed_hashes[i]) == model::kNoEvent)
            return fail("event " + plan->parsed_names[i] + ": missing from the replayed graph");

    // C5: consensus history.
    const auto& history = n.election().consensus_history;
    if (history.size() < file_history)
        return fail("consensus_history: expected " + std::to_string(file_history) + " entries, got " +
                    std::to_string(history.size()));
    const bool structure_only = has_shortened_payloads(file);
    if (structure_only) r.notes.push_back("shortened payloads: history compared by structure (spec §10.1 b)");
    for (size_t i = 0; i < file_history && !structure_only; ++i) {
        const auto& entry = n.store()[history[i]];
        std::string got = core::to_hex(entry.key.hash);
        if (got == file.consensus_history[i]) continue;
        if (entry.observation.kind == model::ObsKind::Genesis) {
            r.notes.push_back("history entry " + std::to_string(i) + ": Genesis compared by content (spec §10.1 a)");
            continue;
        }
        return fail("consensus_history entry " + std::to_string(i) + ": expected " + file.consensus_history[i] +
                    ", got " + got + " (" + display_key(n, history[i], event_names(n)) + ")");
    }
    DotFile ours;
    if (history.size() > file_history) {
        // OnConsensus dump: the extra keys must be exactly the decision at the dump moment.
        if (!at_dump) return fail("no decision with the file's history behind it");
        std::vector<model::KeyIndex> extra_keys(history.begin() + static_cast<long>(file_history), history.end());
        if (extra_keys != at_dump->deciding_keys)
            return fail("consensus_history: " + std::to_string(extra_keys.size()) +
                        " keys beyond the file, but the decision at the dump moment had " +
                        std::to_string(at_dump->deciding_keys.size()));
        ours = std::move(at_dump->state);
    } else {
        auto names = names_for(n, name_by_hash);
        ours = export_node(n, &names);
    }
    // C7 + C8.
    if (auto d = compare_meta_election(file, ours, r.meta_events_checked); !d.empty()) return fail(d);
    return r;
}

}  // namespace parsec::dot
