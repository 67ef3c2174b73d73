// Layout of the union graph in graph space (viz/graph_space.hpp): one vertical lane per peer,
// lanes in name order; y from the topological rank of the reference dump's minlen rule
// (spec §9.2: rank = 1 + max(rank of the parents), a missing parent counting 0), so every
// event sits above both its parents. Side branches of a fork are offset sideways in the lane.
// Pure data; appended events are laid out incrementally.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "viz/graph_model.hpp"
#include "viz/graph_space.hpp"

namespace parsec::viz {

struct LayoutOptions {
    float lane_spacing = 120.0f;         // graph units between lane centres
    float row_spacing = 36.0f;           // graph units per rank
    float fork_offset = 40.0f;           // sideways step per side-branch column
    std::uint32_t fork_columns_max = 4;  // further branches reuse columns, staying inside the lane
};

// A vertical run of one fork column of a lane: where the lane line is drawn when zoomed out.
struct ColumnRun {
    std::uint32_t column = 0;
    std::uint32_t rank_min = 0;
    std::uint32_t rank_max = 0;
};

class Layout {
public:
    explicit Layout(LayoutOptions options = {}) : options_(options) {}

    // Lays out what the model gained since the last call; everything again after a rebuild
    // (epoch) or when lanes or fork columns moved (geometry_version).
    void update(const GraphModel& model);
    void set_options(const LayoutOptions& options);
    const LayoutOptions& options() const { return options_; }

    std::size_t event_count() const { return ranks_.size(); }
    GraphPoint position(UnionIndex u) const { return positions_[u]; }
    std::uint32_t rank(UnionIndex u) const { return ranks_[u]; }
    std::uint32_t rank_max() const { return rank_max_; }
    float lane_x(LaneIndex l) const { return static_cast<float>(l) * options_.lane_spacing; }
    float rank_y(std::uint32_t rank) const { return -static_cast<float>(rank) * options_.row_spacing; }
    // Sideways offset of a fork column from the lane centre: +1, -1, +2, -2... steps.
    float column_offset(std::uint32_t column) const;
    // All lanes (even empty ones) and all ranks, with half a lane and one row of margin.
    GraphRect bounds() const;

    std::size_t lane_count() const { return lanes_.size(); }
    // A lane's events ordered by rank (ties by union index), with their ranks alongside, so
    // culling and picking can binary-search a rank range.
    std::span<const UnionIndex> lane_events(LaneIndex l) const { return lanes_[l].events; }
    std::span<const std::uint32_t> lane_ranks(LaneIndex l) const { return lanes_[l].ranks; }
    std::span<const ColumnRun> lane_runs(LaneIndex l) const { return lanes_[l].runs; }
    // Largest rank difference along any edge: an edge may cross the view from that far below.
    std::uint32_t edge_rank_span_max() const { return edge_rank_span_max_; }
    // Rank range [first, last] of a graph-space y range (clamped to valid ranks).
    std::pair<std::uint32_t, std::uint32_t> rank_range(float y_min, float y_max) const;

private:
    struct LaneData {
        std::vector<UnionIndex> events;
        std::vector<std::uint32_t> ranks;
        std::vector<ColumnRun> runs;
    };
    void reset(const GraphModel& model);
    void place(const GraphModel& model, UnionIndex u);

    LayoutOptions options_;
    std::vector<std::uint32_t> ranks_;
    std::vector<GraphPoint> positions_;
    std::vector<LaneData> lanes_;
    std::uint32_t rank_max_ = 0;
    std::uint32_t edge_rank_span_max_ = 0;
    std::uint64_t epoch_seen_ = ~std::uint64_t{0};
    std::uint64_t geometry_seen_ = ~std::uint64_t{0};
    bool options_changed_ = false;
};

}  // namespace parsec::viz
