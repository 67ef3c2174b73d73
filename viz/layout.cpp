// Incremental layout: ranks depend only on ancestors, which never change once an event exists,
// so appending is O(new events); only a rebuild or a lane/fork move redoes the whole graph.
#include "viz/layout.hpp"

#include <algorithm>
#include <cmath>

#include "core/assert.hpp"

namespace parsec::viz {

void Layout::set_options(const LayoutOptions& options) {
    PARSEC_ASSERT(options.lane_spacing > 0 && options.row_spacing > 0, "spacings are positive");
    PARSEC_ASSERT(options.fork_columns_max > 0, "at least one side-branch column");
    options_ = options;
    options_changed_ = true;
}

float Layout::column_offset(std::uint32_t column) const {
    if (column == 0) return 0.0f;
    const std::uint32_t k = (column - 1) % options_.fork_columns_max;
    const float side = (k % 2 == 0) ? 1.0f : -1.0f;
    return side * static_cast<float>(k / 2 + 1) * options_.fork_offset;
}

void Layout::update(const GraphModel& model) {
    if (options_changed_ || model.epoch() != epoch_seen_ || model.geometry_version() != geometry_seen_ ||
        model.lane_count() != lanes_.size())
        reset(model);
    for (auto u = static_cast<UnionIndex>(ranks_.size()); u < model.event_count(); ++u) place(model, u);
    PARSEC_ASSERT(ranks_.size() == model.event_count(), "every event is laid out");
}

void Layout::reset(const GraphModel& model) {
    ranks_.clear();
    positions_.clear();
    lanes_.assign(model.lane_count(), LaneData{});
    rank_max_ = 0;
    edge_rank_span_max_ = 0;
    epoch_seen_ = model.epoch();
    geometry_seen_ = model.geometry_version();
    options_changed_ = false;
}

void Layout::place(const GraphModel& model, UnionIndex u) {
    const UnionEvent& e = model.event(u);
    PARSEC_ASSERT(e.lane < lanes_.size(), "the event's lane exists");
    // spec §9.2 minlen rule: rank = 1 + max(parent ranks), a missing parent counting 0.
    std::uint32_t parent_rank = 0;
    std::uint32_t parent_rank_min = ~std::uint32_t{0};
    for (UnionIndex p : {e.self_parent, e.other_parent}) {
        if (p == kNoUnionEvent) continue;
        PARSEC_ASSERT(p < u, "parents are laid out before children");
        parent_rank = std::max(parent_rank, ranks_[p]);
        parent_rank_min = std::min(parent_rank_min, ranks_[p]);
    }
    const std::uint32_t rank = parent_rank + 1;
    ranks_.push_back(rank);
    positions_.push_back(GraphPoint{lane_x(e.lane) + column_offset(e.fork_column), rank_y(rank)});
    rank_max_ = std::max(rank_max_, rank);
    if (parent_rank_min != ~std::uint32_t{0}) edge_rank_span_max_ = std::max(edge_rank_span_max_, rank - parent_rank_min);

    // Within a lane ranks mostly arrive increasing (a self-parent chain); fork branches and
    // late side events are the exception and take a binary-search insert.
    LaneData& lane = lanes_[e.lane];
    auto at = std::upper_bound(lane.ranks.begin(), lane.ranks.end(), rank);
    const auto offset = at - lane.ranks.begin();
    lane.ranks.insert(at, rank);
    lane.events.insert(lane.events.begin() + offset, u);

    auto run = std::find_if(lane.runs.begin(), lane.runs.end(),
                            [&](const ColumnRun& r) { return r.column == e.fork_column; });
    if (run == lane.runs.end()) lane.runs.push_back(ColumnRun{e.fork_column, rank, rank});
    else {
        run->rank_min = std::min(run->rank_min, rank);
        run->rank_max = std::max(run->rank_max, rank);
    }
}

GraphRect Layout::bounds() const {
    const float half_lane = options_.lane_spacing * 0.5f;
    const float lanes = static_cast<float>(std::max<std::size_t>(lanes_.size(), 1) - 1);
    return GraphRect{GraphPoint{-half_lane, rank_y(rank_max_ + 1)},
                     GraphPoint{lanes * options_.lane_spacing + half_lane, 0.0f}};
}

std::pair<std::uint32_t, std::uint32_t> Layout::rank_range(float y_min, float y_max) const {
    // y = -rank * row_spacing: the top of the view (y_min) holds the highest rank.
    const float hi = std::floor(-y_min / options_.row_spacing);
    const float lo = std::ceil(-y_max / options_.row_spacing);
    const float top = static_cast<float>(rank_max_);
    const auto first = static_cast<std::uint32_t>(std::clamp(lo, 0.0f, top + 1.0f));
    const auto last = static_cast<std::uint32_t>(std::clamp(hi, 0.0f, top));
    return {first, last};
}

}  // namespace parsec::viz
