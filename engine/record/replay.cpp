// Replay with verification: outcome comparison and checkpoint digests.
#include "record/replay.hpp"

#include <algorithm>

namespace parsec::record {
namespace {

std::string short_hex(const core::Hash32& h) { return core::to_hex(h).substr(0, 16); }

template <class T, class Same, class Say>
std::optional<Divergence> first_difference(InputIndex input, const std::vector<T>& recorded,
                                           const std::vector<T>& replayed, const char* what, Same same, Say say) {
    const std::size_t n = std::min(recorded.size(), replayed.size());
    for (std::size_t i = 0; i < n; ++i)
        if (!same(recorded[i], replayed[i])) return Divergence{input, replayed[i].node, say(recorded[i], replayed[i])};
    if (recorded.size() != replayed.size()) {
        const T& extra = recorded.size() > n ? recorded[n] : replayed[n];
        return Divergence{input, extra.node,
                          std::string(what) + ": the recording has " + std::to_string(recorded.size()) +
                              ", the replay " + std::to_string(replayed.size())};
    }
    return std::nullopt;
}

}  // namespace

std::string Divergence::to_string(const std::vector<std::string>& names) const {
    std::string s = "input " + std::to_string(input);
    if (node != sim::kNoNode) s += ", node " + (node < names.size() ? names[node] : "#" + std::to_string(node));
    return s + ": " + what;
}

std::optional<Divergence> compare_outcomes(InputIndex input, const sim::Outcome& want, const sim::Outcome& got) {
    if (auto d = first_difference(
            input, want.created, got.created, "events created", [](auto& a, auto& b) { return a == b; },
            [](auto& a, auto& b) {
                return "created event " + short_hex(b.hash) + " where the recording has " + short_hex(a.hash) +
                       (a.node != b.node ? " by another node" : "");
            }))
        return d;
    if (auto d = first_difference(
            input, want.inserted, got.inserted, "nodes inserting events", [](auto& a, auto& b) { return a == b; },
            [](auto& a, auto& b) {
                return "inserted " + std::to_string(b.count) + " events from others (fold " + std::to_string(b.fold) +
                       ") where the recording has " + std::to_string(a.count) + " (fold " + std::to_string(a.fold) +
                       ")";
            }))
        return d;
    if (auto d = first_difference(
            input, want.blocks, got.blocks, "blocks polled", [](auto& a, auto& b) { return a == b; },
            [](auto& a, auto& b) {
                return "polled block " + short_hex(b.payload) + " where the recording has " + short_hex(a.payload);
            }))
        return d;
    if (auto d = first_difference(
            input, want.errors, got.errors, "engine errors", [](auto& a, auto& b) { return a == b; },
            [](auto& a, auto& b) { return "engine error " + b.kind + " where the recording has " + a.kind; }))
        return d;
    if (want.sent != got.sent)
        return Divergence{input, sim::kNoNode,
                          "sent " + std::to_string(got.sent.size()) + " messages where the recording has " +
                              std::to_string(want.sent.size()) + " (or other ids)"};
    return std::nullopt;
}

std::optional<Divergence> step_and_check(sim::Cluster& cluster, const Recording& recording, BranchId branch,
                                         InputIndex index) {
    const sim::Input* input = recording.path_input(branch, index);
    const sim::Outcome* recorded = recording.path_outcome(branch, index);
    if (input == nullptr || recorded == nullptr) return Divergence{index, sim::kNoNode, "no such input in the recording"};
    auto out = cluster.apply(*input);
    if (!out.ok()) return Divergence{index, sim::kNoNode, "the cluster refused the input: " + out.error().to_string()};
    return compare_outcomes(index, *recorded, out.value());
}

std::optional<Divergence> check_peers(const sim::Cluster& genesis, const Recording& recording) {
    const auto& nodes = genesis.nodes();
    if (nodes.size() != recording.peers.size())
        return Divergence{0, sim::kNoNode,
                          "the configuration makes " + std::to_string(nodes.size()) + " peers, the recording lists " +
                              std::to_string(recording.peers.size())};
    for (sim::NodeId n = 0; n < nodes.size(); ++n)
        if (nodes[n].name != recording.peers[n].name || nodes[n].identity.id.public_key != recording.peers[n].public_key)
            return Divergence{0, n, "public key or name differs from the recording's peer " + recording.peers[n].name};
    return std::nullopt;
}

InputIndex path_length(const Recording& recording, BranchId branch) {
    const Branch* b = recording.branch(branch);
    return b ? b->end() : 0;
}

core::Result<ReplayReport> replay(const Recording& recording, BranchId branch, InputIndex to,
                                  const std::function<void(InputIndex, InputIndex)>& progress,
                                  sim::Cluster* final_state) {
    if (recording.branch(branch) == nullptr)
        return core::make_error("UnknownBranch", "the recording has no branch " + std::to_string(branch));
    auto created = sim::Cluster::create(recording.config);
    if (!created.ok()) return created.error();
    sim::Cluster cluster = std::move(created.value());
    ReplayReport report;
    report.divergence = check_peers(cluster, recording);
    const InputIndex end = std::min(to, path_length(recording, branch));
    const auto checkpoints = recording.path_checkpoints(branch, end);
    std::size_t next_checkpoint = 0;
    auto verify_checkpoints = [&](InputIndex at) {
        for (; next_checkpoint < checkpoints.size() && checkpoints[next_checkpoint].input <= at; ++next_checkpoint) {
            const auto& c = checkpoints[next_checkpoint];
            if (c.input != at || report.divergence) continue;
            ++report.checkpoints;
            if (c.digest != cluster.digest() || c.tick != cluster.tick())
                report.divergence = Divergence{at == 0 ? 0 : at - 1, sim::kNoNode,
                                               "state digest after " + std::to_string(at) +
                                                   " inputs differs from the recorded checkpoint"};
        }
    };
    verify_checkpoints(0);
    for (InputIndex i = 0; i < end && !report.divergence; ++i) {
        report.divergence = step_and_check(cluster, recording, branch, i);
        const sim::Outcome* o = recording.path_outcome(branch, i);
        if (o) {
            report.events += o->created.size();
            report.blocks += o->blocks.size();
        }
        report.inputs = i + 1;
        verify_checkpoints(i + 1);
        if (progress && (i & 1023) == 0) progress(i, end);
    }
    if (progress) progress(report.inputs, end);
    if (final_state) *final_state = std::move(cluster);
    return report;
}

}  // namespace parsec::record
