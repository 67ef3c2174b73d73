// Writer of the reference's .dot dump (spec §9.3, §9.4). Everything visual (colours, labels, minlen,
// edge blocks, rank block) is derived here from the DotFile, exactly as the reference derives it.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "dot/dot_format_internal.hpp"

namespace parsec::dot {
namespace {

using detail::observation_display;

template <typename T>
std::string join_numbers(const std::vector<T>& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(static_cast<std::uint64_t>(v[i]));
    return out;
}

std::string join(const std::vector<std::string>& v, const char* quote = "") {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + (quote + v[i] + quote);
    return out;
}

class Writer {
public:
    explicit Writer(const DotFile& f) : f_(f) {
        for (size_t i = 0; i < f.events.size(); ++i) by_name_.emplace(f.events[i].name, i);
        // Meta-events are keyed by (creator, index_by_creator) in the reference, so every member of a
        // forked slot shows the one surviving meta-event (spec §9.3).
        for (const auto& m : f.meta_events)
            if (auto it = by_name_.find(m.event); it != by_name_.end())
                by_slot_[slot(f.events[it->second])] = &m;
        for (const auto& p : f.peers)
            if (by_creator_.try_emplace(p.id).second) clusters_.push_back(p.id);
        for (size_t i = 0; i < f.events.size(); ++i) {  // creators missing from the peer list still get a cluster
            auto [it, added] = by_creator_.try_emplace(f.events[i].creator);
            if (added) clusters_.push_back(f.events[i].creator);
            it->second.push_back(i);
        }
        compute_positions();
    }

    std::string write() {
        write_header();
        out_ += "digraph GossipGraph {\n  splines=false\n  rankdir=BT\n\n";
        for (const auto& id : clusters_) write_cluster(id);
        write_rank_block();
        out_ += "/// ===== details of events =====\n";
        for (const auto& id : clusters_)
            for (size_t i : by_creator_[id]) write_details(f_.events[i]);
        out_ += "}\n\n";
        write_meta();
        return std::move(out_);
    }

private:
    static std::pair<std::string, std::uint64_t> slot(const DotEvent& e) { return {e.creator, e.index_by_creator}; }

    const DotEvent* find(const std::string& name) const {
        auto it = by_name_.find(name);
        return it == by_name_.end() ? nullptr : &f_.events[it->second];
    }

    const DotMetaEvent* meta_of(const DotEvent& e) const {
        auto it = by_slot_.find(slot(e));
        return it == by_slot_.end() ? nullptr : it->second;
    }

    // position(e) = 1 + max(position(parents)), a missing parent counting 0 (spec §9.3, minlen).
    void compute_positions() {
        const size_t n = f_.events.size();
        pos_.assign(n, 0);
        std::vector<int> missing(n, 0);
        std::vector<std::vector<size_t>> children(n);
        std::vector<size_t> ready;
        for (size_t i = 0; i < n; ++i) {
            for (const auto* p : {&f_.events[i].self_parent, &f_.events[i].other_parent})
                if (auto it = by_name_.find(*p); !p->empty() && it != by_name_.end()) {
                    ++missing[i];
                    children[it->second].push_back(i);
                }
            if (missing[i] == 0) ready.push_back(i);
        }
        while (!ready.empty()) {
            size_t i = ready.back();
            ready.pop_back();
            std::uint64_t p = 0;
            for (const auto* name : {&f_.events[i].self_parent, &f_.events[i].other_parent})
                if (const DotEvent* parent = find(*name)) p = std::max(p, pos_[index_of(*parent)]);
            pos_[i] = p + 1;
            for (size_t c : children[i])
                if (--missing[c] == 0) ready.push_back(c);
        }
    }

    size_t index_of(const DotEvent& e) const { return static_cast<size_t>(&e - f_.events.data()); }

    void write_header() {
        out_ += "/// our_id: " + f_.our_id + "\n/// peer_list: {\n";
        for (const auto& p : f_.peers) out_ += "///   " + p.id + ": PeerState(" + p.state + ")\n";
        out_ += "/// }\n";
        if (f_.has_consensus_mode) out_ += "/// consensus_mode: " + f_.consensus_mode + "\n";
        if (f_.has_secure_rng) out_ += "/// secure_rng: [" + join_numbers(f_.secure_rng) + "]\n";
        if (f_.has_key_gens) out_ += "/// key_gens_and_next_id: [" + join_numbers(f_.key_gens) + "]\n";
    }

    void write_cluster(const std::string& id) {
        out_ += "  style=invis\n  subgraph cluster_" + id + " {\n    label=\"" + id + "\"\n    \"" + id + "\" [style=invis]\n";
        std::vector<std::string> others;
        for (size_t i : by_creator_[id]) {
            const DotEvent& e = f_.events[i];
            const DotEvent* sp = find(e.self_parent);
            if (!sp) {
                out_ += "    \"" + id + "\" -> \"" + e.name + "\" [style=invis]\n";
            } else {
                std::uint64_t a = pos_[index_of(e)], b = pos_[index_of(*sp)];
                out_ += "    \"" + sp->name + "\" -> \"" + e.name + "\" [minlen=" + std::to_string(a > b ? a - b : 1) + "]\n";
            }
            if (!e.other_parent.empty()) others.push_back("  \"" + e.other_parent + "\" -> \"" + e.name + "\" [constraint=false]");
        }
        out_ += "  }\n";
        // The reference joins the edges with newlines and adds an empty line: two when there are none.
        for (size_t i = 0; i < others.size(); ++i) out_ += (i ? "\n" : "") + others[i];
        out_ += "\n\n";
    }

    void write_rank_block() {
        std::vector<std::string> ids = clusters_;
        std::sort(ids.begin(), ids.end());
        out_ += "  {\n    rank=same\n";
        for (const auto& id : ids) out_ += "    \"" + id + "\" [style=filled, color=white]\n";
        out_ += "  }\n  ";
        for (size_t i = 0; i < ids.size(); ++i) out_ += "\"" + ids[i] + "\"" + (i + 1 < ids.size() ? " -> " : " [style=invis]");
        out_ += "\n\n";
    }

    static std::string vote_rows(const DotMetaEvent& m, bool comment) {
        std::string out = comment ? "///         stage est bin aux dec"
                                  : "<tr><td></td><td width=\"50\">stage</td><td width=\"30\">est</td><td width=\"30\">bin</td>"
                                    "<td width=\"30\">aux</td><td width=\"30\">dec</td></tr>";
        for (const auto& [short_name, votes] : m.meta_votes) {
            std::string prefix = short_name + ": ";
            for (const auto& v : votes) {
                std::string stage = std::to_string(v.round) + "/" + std::to_string(v.step);
                if (comment) {
                    out += "\n///       " + prefix + stage + "   " + v.est + "   " + v.bin + "   " + v.aux + "   " + v.dec + " ";
                } else {
                    out += "\n<tr><td>" + prefix + "</td><td>" + stage + "</td><td>" + v.est + "</td><td>" + v.bin +
                           "</td><td>" + v.aux + "</td><td>" + v.dec + "</td></tr>";
                }
                prefix.assign(prefix.size(), ' ');  // only the first row names the peer
            }
        }
        return out;
    }

    // Spec §9.4: fill, shape and the HTML label.
    std::string attributes(const DotEvent& e) const {
        std::string fill = "fillcolor=white";
        bool rectangle = false;
        std::string label = "<table border=\"0\" cellborder=\"0\" cellpadding=\"0\" cellspacing=\"0\">\n<tr><td colspan=\"6\">" +
                            e.name + "</td></tr>\n";
        if (e.cause == DotCause::Observation) {
            label += "<tr><td colspan=\"6\">" + observation_display(e.observation) + "</td></tr>\n";
            fill = "style=filled, fillcolor=cyan";
            rectangle = true;
        }
        if (const DotMetaEvent* m = meta_of(e)) {
            if (!m->interesting_content.empty()) {
                label += "<tr><td colspan=\"6\">[" + join(m->interesting_content) + "]</td></tr>";
                fill = "style=filled, fillcolor=crimson";
            }
            if (!m->observees.empty()) fill = "style=filled, fillcolor=orange";
            if (m->has_meta_votes || !m->meta_votes.empty()) label += vote_rows(*m, false);
            rectangle = true;
        }
        return "[" + fill + ", " + (rectangle ? "shape=rectangle, " : "") + "label=<" + label + "</table>>]";
    }

    static std::string cause_text(const DotEvent& e) {
        switch (e.cause) {
            case DotCause::Initial: return "Initial";
            case DotCause::Requesting: return "Requesting(" + e.recipient + ")";
            case DotCause::Request: return "Request";
            case DotCause::Response: return "Response";
            case DotCause::Observation: break;
        }
        std::string text = "Observation(" + observation_display(e.observation);
        if (e.observation.kind == DotObservation::Kind::DkgMessage)
            text += ", SerialisedDkgMessage([" + join_numbers(e.observation.dkg_bytes) + "])";
        return text + ")";
    }

    void write_details(const DotEvent& e) {
        out_ += "  \"" + e.name + "\" " + attributes(e) + "\n/// cause: " + cause_text(e) + "\n/// last_ancestors: {";
        for (size_t i = 0; i < e.last_ancestors.size(); ++i)
            out_ += (i ? ", " : "") + e.last_ancestors[i].first + ": " + std::to_string(e.last_ancestors[i].second);
        out_ += "}\n\n";
    }

    void write_meta() {
        out_ += "/// ===== meta-elections =====\n/// consensus_history:\n";
        for (const auto& h : f_.consensus_history) out_ += "/// " + h + "\n";
        out_ += "\n/// interesting_events: {\n";
        for (const auto& [id, events] : f_.interesting_events) out_ += "///   " + id + " -> [" + join(events, "\"") + "]\n";
        out_ += "/// }\n/// all_voters: {" + join(f_.all_voters) + "}\n";
        out_ += "/// unconsensused_events: {" + join(f_.unconsensused_events, "\"") + "}\n";
        out_ += "/// meta_events: {\n";
        for (const auto& m : f_.meta_events) {
            out_ += "///   " + m.event + " -> {\n///     observees: {" + join(m.observees) + "}\n";
            out_ += "///     interesting_content: [" + join(m.interesting_content) + "]\n";
            if (m.has_meta_votes || !m.meta_votes.empty()) out_ += "///     meta_votes: {\n" + vote_rows(m, true) + "\n///     }\n";
            out_ += "///   }\n";
        }
        out_ += "/// }\n";
    }

    const DotFile& f_;
    std::unordered_map<std::string, size_t> by_name_;
    std::map<std::pair<std::string, std::uint64_t>, const DotMetaEvent*> by_slot_;
    std::unordered_map<std::string, std::vector<size_t>> by_creator_;  // event indices per cluster
    std::vector<std::string> clusters_;  // peer-list order, then creators missing from it
    std::vector<std::uint64_t> pos_;
    std::string out_;
};

}  // namespace

std::string write_dot(const DotFile& file) { return Writer(file).write(); }

}  // namespace parsec::dot
