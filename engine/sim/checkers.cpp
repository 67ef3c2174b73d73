// The invariant checkers: agreement and integrity per polled block, accusations per created
// event, progress per tick after the last scripted fault has healed.
#include "sim/checkers.hpp"

#include <algorithm>

#include "core/assert.hpp"

namespace parsec::sim {

namespace {
std::string payload_text(const model::Observation& o) {
    switch (o.kind) {
        case model::ObsKind::Genesis: return "Genesis";
        case model::ObsKind::Add: return "Add(" + o.peer.name + ")";
        case model::ObsKind::Remove: return "Remove(" + o.peer.name + ")";
        case model::ObsKind::Accusation: return "Accusation(" + o.peer.name + ")";
        case model::ObsKind::OpaquePayload: return o.payload;
        default: return "internal";
    }
}
constexpr std::size_t kProgressReportsMax = 3;
const char* malice_name(model::MaliceKind k) {
    static const char* const names[] = {"UnexpectedGenesis", "DuplicateVote", "MissingGenesis", "IncorrectGenesis",
                                        "Fork", "InvalidAccusation", "OtherParentBySameCreator",
                                        "SelfParentByDifferentCreator", "InvalidRequest", "InvalidResponse",
                                        "Unprovable", "Accomplice"};
    const auto i = static_cast<std::size_t>(k);
    return i < sizeof(names) / sizeof(names[0]) ? names[i] : "?";
}
}  // namespace

const char* marker_kind_name(MarkerKind k) {
    switch (k) {
        case MarkerKind::Agreement: return "agreement";
        case MarkerKind::Integrity: return "integrity";
        case MarkerKind::HonestAccused: return "honest-accused";
        case MarkerKind::Progress: return "progress";
        case MarkerKind::Accusation: return "accusation";
        case MarkerKind::NodeError: return "node-error";
    }
    return "?";
}

std::string marker_heading(const Marker& m) {
    return "t=" + std::to_string(m.tick) + " input " + std::to_string(m.input) + " " + marker_kind_name(m.kind);
}

std::string describe_marker(const Marker& m, const std::vector<std::string>& names) {
    std::string s = marker_heading(m) + " [";
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
        s += (i ? "," : "") + (m.nodes[i] < names.size() ? names[m.nodes[i]] : std::string("?"));
    return s + "] " + m.text;
}

bool is_violation(MarkerKind k) {
    return k == MarkerKind::Agreement || k == MarkerKind::Integrity || k == MarkerKind::HonestAccused ||
           k == MarkerKind::Progress;
}

Checkers::Checkers(const SimConfig& config) : config_(config) {
    const std::size_t n = config.node_count();
    checked_.assign(n, 0);
    diverged_.assign(n, false);
    seen_.resize(n);
    decided_.resize(n);
    accusations_seen_.assign(n, 0);
    last_block_tick_.assign(n, 0);
    progress_reports_.assign(n, 0);
}

void Checkers::emit(Tick tick, InputIndex index, MarkerKind kind, std::vector<NodeId> nodes, std::string text) {
    if (is_violation(kind)) ++violations_;
    ++counts_[kind];
    pending_.push_back(Marker{tick, index, kind, std::move(nodes), std::move(text)});
}

std::size_t Checkers::marker_count(MarkerKind k) const {
    auto it = counts_.find(k);
    return it == counts_.end() ? 0 : it->second;
}

std::vector<Marker> Checkers::take_markers() {
    std::vector<Marker> out;
    out.swap(pending_);
    return out;
}

bool Checkers::is_expected(const ClusterNode& n) const {
    return n.byzantine == ByzantineKind::Honest && n.engine && n.status != NodeStatus::Crashed && !n.is_removed();
}

void Checkers::after_input(const Cluster& cluster, InputIndex index, const Input& input, const Outcome& outcome,
                           NodeId sender) {
    if (const auto* v = std::get_if<VoteInput>(&input.body)) {
        const bool failed = std::any_of(outcome.errors.begin(), outcome.errors.end(),
                                        [&](const NodeError& e) { return e.node == v->node; });
        if (v->kind == PayloadKind::Opaque && config_.is_honest(v->node) && !failed)
            first_vote_tick_.emplace(v->text, input.tick);
    }
    std::vector<NodeId> touched;
    for (const auto& b : outcome.blocks) touched.push_back(b.node);
    for (const auto& c : outcome.created) touched.push_back(c.node);
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (NodeId n : touched) {
        check_blocks(cluster, index, n);
        check_accusations(cluster, index, n);
    }
    // An honest engine refusing a message from an honest sender is worth a look (once per kind).
    if (sender != kNoNode && config_.is_honest(sender)) {
        const auto& messages = cluster.last_error_messages();
        for (std::size_t k = 0; k < outcome.errors.size(); ++k) {
            const NodeError& e = outcome.errors[k];
            if (!config_.is_honest(e.node) || e.kind == "NodePaused" || e.kind == "NodeDown") continue;
            std::string text = cluster.node(e.node).name + " refused a message from " + cluster.node(sender).name +
                               ": " + e.kind;
            if (messages.size() == outcome.errors.size() && !messages[k].empty()) text += " (" + messages[k] + ")";
            if (reported_errors_.size() < 16 && reported_errors_.insert(cluster.node(e.node).name + e.kind).second)
                emit(input.tick, index, MarkerKind::NodeError, {e.node, sender}, std::move(text));
        }
    }
}

void Checkers::check_blocks(const Cluster& cluster, InputIndex index, NodeId node) {
    const auto& n = cluster.node(node);
    if (n.byzantine != ByzantineKind::Honest) return;
    for (std::size_t k = checked_[node]; k < n.blocks.size(); ++k) {
        const BlockInfo& b = n.blocks[k];
        last_block_tick_[node] = b.tick;
        if (b.payload.kind == model::ObsKind::OpaquePayload && first_vote_tick_.count(b.payload.payload))
            decided_[node].insert(b.payload.payload);
        if (!seen_[node].insert(b.payload_hash).second)
            emit(b.tick, index, MarkerKind::Integrity, {node},
                 n.name + " polled " + payload_text(b.payload) + " twice (block " + std::to_string(k) + ")");
        if (b.payload.kind == model::ObsKind::Accusation) {
            const NodeId offender = cluster.find(b.payload.peer.name);
            if (!config_.safety_only && offender != kNoNode && config_.is_honest(offender))
                emit(b.tick, index, MarkerKind::HonestAccused, {offender, node},
                     "block " + std::to_string(k) + " at " + n.name + " accuses honest " + b.payload.peer.name);
        }
        if (diverged_[node]) continue;
        if (k < canonical_.size()) {
            if (canonical_[k] == b.payload_hash) continue;
            const NodeId other = canonical_owner_[k];
            const auto& theirs = cluster.node(other).blocks;
            const std::string their_text = k < theirs.size() ? payload_text(theirs[k].payload) : "?";
            emit(b.tick, index, MarkerKind::Agreement, {node, other},
                 "block " + std::to_string(k) + ": " + n.name + " polled " + payload_text(b.payload) + ", " +
                     cluster.node(other).name + " polled " + their_text);
            diverged_[node] = true;
        } else {
            PARSEC_ASSERT(k == canonical_.size(), "blocks are checked in order");
            canonical_.push_back(b.payload_hash);
            canonical_owner_.push_back(node);
        }
    }
    checked_[node] = n.blocks.size();
}

void Checkers::check_accusations(const Cluster& cluster, InputIndex index, NodeId node) {
    const auto& n = cluster.node(node);
    if (!n.engine) return;
    const auto& made = n.engine->made_accusations();
    for (std::size_t i = accusations_seen_[node]; i < made.size(); ++i) {
        const auto& offender_id = n.engine->peers()[made[i].first].id;
        const NodeId offender = cluster.find(offender_id.name);
        const std::string text = n.name + " accuses " + offender_id.name + " of " + malice_name(made[i].second.kind);
        emit(cluster.tick(), index, MarkerKind::Accusation, {node, offender}, text);
        if (!config_.safety_only && n.byzantine == ByzantineKind::Honest && offender != kNoNode &&
            config_.is_honest(offender))
            emit(cluster.tick(), index, MarkerKind::HonestAccused, {offender, node}, text);
    }
    accusations_seen_[node] = made.size();
}

void Checkers::after_tick(const Cluster& cluster, Tick now, InputIndex next_index) {
    if (config_.safety_only) return;
    const Tick heal = config_.heal_tick();
    const Tick bound = config_.progress_bound();
    if (now <= heal) return;
    for (NodeId i = 0; i < cluster.nodes().size(); ++i) {
        const auto& n = cluster.node(i);
        if (!is_expected(n) || decided_[i].size() >= first_vote_tick_.size()) continue;
        if (progress_reports_[i] >= kProgressReportsMax) continue;
        Tick start = std::max(heal, last_block_tick_[i]);
        if (now - start <= bound) continue;  // cheap test first; the exact start is later or equal
        Tick oldest = now;
        for (const auto& [text, tick] : first_vote_tick_)
            if (!decided_[i].count(text)) oldest = std::min(oldest, tick);
        start = std::max(start, oldest);
        if (now - start <= bound) continue;
        emit(now, next_index, MarkerKind::Progress, {i},
             n.name + " polled no new block for " + std::to_string(now - start) + " ticks (bound " +
                 std::to_string(bound) + ") with " + std::to_string(first_vote_tick_.size() - decided_[i].size()) +
                 " payloads pending");
        ++progress_reports_[i];
        last_block_tick_[i] = now;
    }
}

void Checkers::adopt(const Cluster& cluster) {
    for (NodeId i = 0; i < cluster.nodes().size(); ++i) {
        const auto& n = cluster.node(i);
        if (!n.engine || !config_.is_honest(i)) continue;
        const auto& store = n.engine->store();
        for (model::KeyIndex k = 0; k < store.size(); ++k)
            if (store[k].created_by_us && store[k].observation.kind == model::ObsKind::OpaquePayload)
                first_vote_tick_.emplace(store[k].observation.payload, cluster.tick());
    }
    for (NodeId i = 0; i < cluster.nodes().size(); ++i) {
        check_blocks(cluster, cluster.input_count(), i);
        accusations_seen_[i] = cluster.node(i).engine ? cluster.node(i).engine->made_accusations().size() : 0;
    }
    pending_.clear();  // what happened before the adoption was reported on the original path
    violations_ = 0;
    counts_.clear();
}

bool Checkers::reached(const Cluster& cluster, std::uint32_t blocks) const {
    const std::size_t needed = std::max<std::size_t>(blocks, first_vote_tick_.size());
    for (NodeId i = 0; i < cluster.nodes().size(); ++i)
        if (is_expected(cluster.node(i)) && decided_[i].size() < needed) return false;
    return true;
}

void Checkers::at_end(const Cluster& cluster, InputIndex next_index) {
    if (config_.safety_only || config_.until_blocks == 0 || reached(cluster, config_.until_blocks)) return;
    std::vector<NodeId> behind;
    const std::size_t needed = std::max<std::size_t>(config_.until_blocks, first_vote_tick_.size());
    std::string text = "stopped at tick " + std::to_string(cluster.tick()) + " before every honest node polled " +
                       std::to_string(needed) + " blocks:";
    for (NodeId i = 0; i < cluster.nodes().size(); ++i) {
        if (!is_expected(cluster.node(i)) || decided_[i].size() >= needed) continue;
        behind.push_back(i);
        text += " " + cluster.node(i).name + " " + std::to_string(decided_[i].size());
    }
    emit(cluster.tick(), next_index, MarkerKind::Progress, std::move(behind), std::move(text));
}

}  // namespace parsec::sim
