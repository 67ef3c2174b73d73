// Navigation along a branch path of a recording.
#include "record/recording.hpp"

#include <algorithm>


namespace parsec::record {

const Branch* Recording::locate(BranchId id, InputIndex index, std::size_t& position) const {
    const Branch* b = branch(id);
    // Walk up until the branch whose own range holds `index`; bounded by the branch count.
    for (std::size_t hops = 0; b != nullptr && hops <= branches.size(); ++hops) {
        if (index >= b->fork_input) {
            if (index >= b->end()) return nullptr;
            position = static_cast<std::size_t>(index - b->fork_input);
            return b;
        }
        b = branch(b->parent);
    }
    return nullptr;
}

const sim::Input* Recording::path_input(BranchId id, InputIndex index) const {
    std::size_t pos = 0;
    const Branch* b = locate(id, index, pos);
    return b ? &b->inputs[pos] : nullptr;
}

const sim::Outcome* Recording::path_outcome(BranchId id, InputIndex index) const {
    std::size_t pos = 0;
    const Branch* b = locate(id, index, pos);
    return b && pos < b->outcomes.size() ? &b->outcomes[pos] : nullptr;
}

std::vector<Checkpoint> Recording::path_checkpoints(BranchId id, InputIndex index) const {
    // Each branch contributes its own checkpoints from its fork point on; its ancestors only those
    // before that point (a fork checkpoint belongs to the child).
    std::vector<Checkpoint> out;
    InputIndex below = index + 1;
    const Branch* b = branch(id);
    for (std::size_t hops = 0; b != nullptr && hops <= branches.size(); ++hops) {
        std::vector<Checkpoint> mine;
        for (const auto& c : b->checkpoints)
            if (c.input < below && c.input >= b->fork_input) mine.push_back(c);
        out.insert(out.begin(), mine.begin(), mine.end());
        below = std::min(below, b->fork_input);
        b = branch(b->parent);
    }
    return out;
}

std::size_t Recording::input_count() const {
    std::size_t n = 0;
    for (const auto& b : branches) n += b.inputs.size();
    return n;
}

std::size_t Recording::event_count() const {
    std::size_t n = 0;
    for (const auto& b : branches)
        for (const auto& o : b.outcomes) n += o.created.size();
    return n;
}

}  // namespace parsec::record
