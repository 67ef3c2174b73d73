// What the selection lights up (spec §3): everything the selected event sees and strongly sees
// and, for a pair, whether and why the later one strongly sees the earlier — the creators whose
// events carry the >2/3 paths, one such path each, and a fork that blocks seeing.
// Computed through one node's NodeView, cached until the selection or the model changes.
#pragma once
#include <cstdint>
#include <vector>

#include "viz/graph_model.hpp"

namespace parsec::viz {

enum HighlightFlag : std::uint8_t {
    kHighlightSeen = 1 << 0,          // the selected event sees it
    kHighlightStronglySeen = 1 << 1,  // ... and strongly sees it
    kHighlightOnPath = 1 << 2,        // on a drawn carrier path of the pair
    kHighlightCarrier = 1 << 3,       // a carrier event of the pair (spec §3)
    kHighlightBlockingFork = 1 << 4,  // a forked event of y's creator that x knows: x cannot see y
};

struct Highlights {
    UnionIndex selected = kNoUnionEvent;
    UnionIndex second = kNoUnionEvent;
    SourceIndex view_source = kNoSource;  // the node whose graph the relations come from
    std::vector<std::uint8_t> flags;      // by UnionIndex; may be shorter than the model

    // The pair, ordered so that pair_x is the one that may strongly see pair_y.
    bool has_pair = false;
    UnionIndex pair_x = kNoUnionEvent;
    UnionIndex pair_y = kNoUnionEvent;
    bool sees = false;
    bool strongly_sees = false;
    bool blocked_by_fork = false;
    std::size_t voter_count = 0;
    std::size_t needed = 0;
    std::vector<LaneIndex> carrier_lanes;                 // ascending
    std::vector<std::vector<UnionIndex>> carrier_paths;   // pair_x → carrier event → pair_y
    std::vector<UnionIndex> blocking_forks;  // with blocked_by_fork: the forked events of y's creator x sees

    std::uint8_t flags_of(UnionIndex u) const { return u < flags.size() ? flags[u] : 0; }
    bool is_empty() const { return selected == kNoUnionEvent && second == kNoUnionEvent; }

    // Cache key of the last computation.
    std::uint64_t key_epoch = ~std::uint64_t{0};
    SourceIndex key_perspective = kNoSource;
    std::size_t key_decisions = 0;
};

// Recomputes `h` when the selection, the perspective, the model epoch, the node whose graph is
// used or that node's decision count (voters) changed; otherwise it is a few compares. The relations are computed in `perspective` when it holds
// the selected events, else in the first node that does (kNoSource: always the latter).
void update_highlights(Highlights& h, const GraphModel& model, SourceIndex perspective, UnionIndex first,
                       UnionIndex second);

}  // namespace parsec::viz
