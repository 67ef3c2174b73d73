// Seek by snapshot + re-execution; branches share snapshots on their common prefix.
#include "record/timeline.hpp"

#include <algorithm>

#include "core/assert.hpp"

namespace parsec::record {

InputIndex shared_prefix(const Recording& r, BranchId a, BranchId b) {
    // Each side's path is capped, as it climbs, by the fork points it passes.
    auto chain = [&](BranchId id) {
        std::map<BranchId, InputIndex> cap;  // ancestor → how much of its path this branch uses
        InputIndex limit = path_length(r, id);
        for (const Branch* x = r.branch(id); x != nullptr && cap.size() <= r.branches.size(); x = r.branch(x->parent)) {
            cap[x->id] = limit;
            limit = std::min(limit, x->fork_input);
        }
        return cap;
    };
    const auto ca = chain(a), cb = chain(b);
    InputIndex best = 0;
    for (const auto& [id, limit] : ca) {
        auto it = cb.find(id);
        if (it != cb.end()) best = std::max(best, std::min(limit, it->second));
    }
    return best;
}

Timeline::Timeline(Recording recording, BranchId branch, std::size_t snapshot_every, std::size_t budget_bytes,
                   sim::Cluster genesis)
    : recording_(std::move(recording)),
      branch_(branch),
      snapshot_every_(snapshot_every == 0 ? 1 : snapshot_every),
      budget_bytes_(budget_bytes),
      cluster_(std::move(genesis)) {
    snapshots_.emplace(0, cluster_);
}

std::size_t Timeline::estimate_bytes(const sim::Cluster& cluster) {
    std::size_t events = 0;
    for (const auto& n : cluster.nodes())
        if (n.engine) events += n.engine->graph().size();
    return events * kSnapshotBytesPerNodeEvent;
}

void Timeline::maybe_snapshot() {
    const InputIndex at = position();
    if (at % snapshot_every_ != 0 || snapshots_.count(at)) return;
    const std::size_t bytes = estimate_bytes(cluster_);
    // Over budget: thin out to every other snapshot (the genesis one always stays) and retry.
    while (snapshot_bytes_ + bytes > budget_bytes_ && snapshots_.size() > 1) {
        snapshot_every_ *= 2;
        for (auto it = std::next(snapshots_.begin()); it != snapshots_.end();) {
            if (it->first % snapshot_every_ == 0) {
                ++it;
                continue;
            }
            snapshot_bytes_ -= estimate_bytes(it->second);
            it = snapshots_.erase(it);
        }
        if (at % snapshot_every_ != 0) return;
    }
    snapshots_.emplace(at, cluster_);
    snapshot_bytes_ += bytes;
}

core::Result<Timeline> Timeline::open(Recording recording, BranchId branch, std::size_t snapshot_every,
                                      std::size_t budget_bytes) {
    if (recording.branch(branch) == nullptr)
        return core::make_error("UnknownBranch", "the recording has no branch " + std::to_string(branch));
    auto genesis = sim::Cluster::create(recording.config);
    if (!genesis.ok()) return genesis.error();
    if (auto d = check_peers(genesis.value(), recording))
        return core::make_error("PeersDiffer", d->what, "recording peers");
    return Timeline(std::move(recording), branch, snapshot_every, budget_bytes, std::move(genesis.value()));
}

std::optional<Divergence> Timeline::advance_to(InputIndex index) {
    while (position() < index) {
        if (auto d = step_and_check(cluster_, recording_, branch_, position())) return d;
        maybe_snapshot();
    }
    return std::nullopt;
}

std::optional<Divergence> Timeline::seek(InputIndex index) {
    index = std::min(index, length());
    if (index == position()) return std::nullopt;
    auto nearest = std::prev(snapshots_.upper_bound(index));  // there is always one at 0
    // Going forward from where we are beats restoring an older snapshot.
    if (!(position() < index && position() >= nearest->first)) cluster_ = nearest->second;
    return advance_to(index);
}

bool Timeline::step(std::optional<Divergence>* divergence) {
    if (position() >= length()) return false;
    auto d = advance_to(position() + 1);
    if (divergence) *divergence = d;
    return true;
}

std::optional<Divergence> Timeline::prepare(const std::function<void(InputIndex, InputIndex)>& progress) {
    const InputIndex end = length();
    seek(snapshots_.rbegin()->first);
    while (position() < end) {
        const InputIndex target = std::min<InputIndex>(end, position() + 4096);
        if (auto d = advance_to(target)) return d;
        if (progress) progress(position(), end);
    }
    return std::nullopt;
}

void Timeline::drop_snapshots_after(InputIndex index) {
    for (auto it = snapshots_.upper_bound(index); it != snapshots_.end();) {
        snapshot_bytes_ -= estimate_bytes(it->second);
        it = snapshots_.erase(it);
    }
}

core::Status Timeline::select_branch(BranchId branch) {
    if (recording_.branch(branch) == nullptr)
        return core::make_error("UnknownBranch", "the recording has no branch " + std::to_string(branch));
    const InputIndex shared = shared_prefix(recording_, branch_, branch);
    drop_snapshots_after(shared);
    branch_ = branch;
    if (position() > shared) cluster_ = std::prev(snapshots_.upper_bound(shared))->second;
    return {};
}

BranchId Timeline::branch_here(std::string label, std::uint64_t seed) {
    Branch b;
    b.id = static_cast<BranchId>(recording_.branches.size());
    b.parent = branch_;
    b.fork_input = position();
    b.seed = seed;
    b.label = std::move(label);
    b.checkpoints.push_back(Checkpoint{position(), cluster_.tick(), cluster_.digest()});
    recording_.branches.push_back(std::move(b));
    drop_snapshots_after(position());
    branch_ = recording_.branches.back().id;
    return branch_;
}

core::Result<sim::Outcome> Timeline::apply(const sim::Input& input) {
    if (position() != length())
        return core::make_error("NotAtEnd", "new inputs go at the end of a branch: start a branch here first",
                                "input " + std::to_string(position()));
    auto out = cluster_.apply(input);
    if (!out.ok()) return out;
    Branch& b = recording_.branches[branch_];
    b.inputs.push_back(input);
    b.outcomes.push_back(out.value());
    maybe_snapshot();
    if (position() % kFileCheckpointEvery == 0) store_checkpoint();
    return out;
}

void Timeline::store_checkpoint() {
    Branch& b = recording_.branches[branch_];
    if (position() != b.end() || position() < b.fork_input) return;
    if (!b.checkpoints.empty() && b.checkpoints.back().input == position()) return;
    b.checkpoints.push_back(Checkpoint{position(), cluster_.tick(), cluster_.digest()});
}

sim::Simulation Timeline::continue_simulation() const {
    return sim::Simulation::resume(cluster_, recording_.branches[branch_].seed);
}

}  // namespace parsec::record
