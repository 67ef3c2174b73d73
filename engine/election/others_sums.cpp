#include "election/others_sums.hpp"

#include <algorithm>
#include <cstring>

#include "election/meta_election.hpp"

namespace parsec::election {

namespace {
typedef std::uint16_t Lanes __attribute__((vector_size(16)));
constexpr Lanes kCountLanes = {0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0, 0};
}  // namespace

bool OthersSums::continues(const MetaEvent* parent, std::uint64_t parent_serial,
                           std::span<const model::PeerIndex> row_peer) const {
    // Bound to `parent` as built with `parent_serial` (any rebuild or pruning gives a new serial),
    // these sums were last used for the parent's rows, and the parent made one output row per
    // row: so `row_peer`, read from its output, is row_peer_. Only the count is checked.
    return meta_ != nullptr && meta_ == parent && serial_ == parent_serial && row_peer.size() == row_peer_.size();
}

void OthersSums::reset(std::span<const model::PeerIndex> row_peer, std::size_t width, std::size_t peer_count,
                       std::size_t voter_count) {
    meta_ = nullptr;
    row_peer_.assign(row_peer.begin(), row_peer.end());
    row_of_.assign(peer_count, -1);
    for (std::size_t r = 0; r < row_peer_.size(); ++r)
        if (row_peer_[r] < peer_count) row_of_[row_peer_[r]] = static_cast<std::int32_t>(r);
    limit_.assign(row_peer_.size(), ~std::uint32_t{0});
    width_ = width;
    sums_.assign(row_peer_.size() * width, PositionCounts{});
    decided_true_.assign(row_peer_.size() * width, 0);
    decided_false_.assign(row_peer_.size() * width, 0);
    other_.assign(voter_count, nullptr);
    other_serial_.assign(voter_count, 0);
    other_event_.assign(voter_count, kUnknown);
    dirty_.assign(row_peer_.size(), 1);
    fixed_.assign(row_peer_.size(), 0);
}

bool OthersSums::change_other(std::size_t rank, const MetaEvent* am) {
    const MetaEvent* old = other_[rank];
    // The previous contribution can only be taken out while its meta-event is unchanged.
    if (old && old->serial != other_serial_[rank]) return false;
    if (old && am) {
        // The same meta-votes under a later event (one that voted as its parent did) change nothing.
        if (old->votes_origin != am->votes_origin) replace(rank, *old, *am);
    } else if (old) apply<false>(rank, *old);
    else if (am) apply<true>(rank, *am);
    other_[rank] = am;
    other_serial_[rank] = am ? am->serial : 0;
    return true;
}

void OthersSums::add_entry(std::size_t row, std::size_t at, std::uint8_t flags, std::uint64_t bit, bool add) {
    dirty_[row] = 1;
    const PositionCounts& c = contribution(flags);
    Lanes a, b;
    std::memcpy(&a, sums_[at].lane, sizeof a);
    std::memcpy(&b, c.lane, sizeof b);
    b &= kCountLanes;
    a = add ? a + b : a - b;  // 16-bit lanes wrap; every subtraction follows its addition
    std::memcpy(sums_[at].lane, &a, sizeof a);
    if (c.lane[6]) set_decided(at, c.lane[6], bit, add);
}

// One entry of a voter changed from `from` to `to`: both counts in one vector operation.
void OthersSums::swap_entry(std::size_t row, std::size_t at, std::uint8_t from, std::uint8_t to, std::uint64_t bit) {
    dirty_[row] = 1;
    const PositionCounts& f = contribution(from);
    const PositionCounts& t = contribution(to);
    Lanes a, lf, lt;
    std::memcpy(&a, sums_[at].lane, sizeof a);
    std::memcpy(&lf, f.lane, sizeof lf);
    std::memcpy(&lt, t.lane, sizeof lt);
    a += (lt & kCountLanes) - (lf & kCountLanes);  // wraps like add_entry's
    std::memcpy(sums_[at].lane, &a, sizeof a);
    if (f.lane[6]) set_decided(at, f.lane[6], bit, false);
    if (t.lane[6]) set_decided(at, t.lane[6], bit, true);
}

void OthersSums::set_decided(std::size_t at, std::uint16_t decision, std::uint64_t bit, bool add) {
    auto& mask = decision == 2 ? decided_true_[at] : decided_false_[at];  // 1 false, 2 true
    mask = add ? (mask | bit) : (mask & ~bit);
    // The first decision met in the others' (ascending voter) order (spec §5.2).
    const std::uint64_t any = decided_true_[at] | decided_false_[at];
    sums_[at].lane[6] = any == 0 ? 0 : (decided_true_[at] & (any & (~any + 1))) ? 2 : 1;
}

// A voter's latest ancestor changed from `old` to `now`: consecutive meta-events of one creator
// share most entries, so only the entries that differ are taken out and put in.
void OthersSums::replace(std::size_t rank, const MetaEvent& old, const MetaEvent& now) {
    const std::uint64_t bit = std::uint64_t{1} << rank;
    const auto a_rows = old.meta_votes.rows();
    const auto b_rows = now.meta_votes.rows();
    const std::uint8_t* a_flags = old.meta_votes.flags_data();
    const std::uint8_t* b_flags = now.meta_votes.flags_data();
    std::size_t i = 0, j = 0;
    while (i < a_rows.size() || j < b_rows.size()) {
        // Rows are sorted by peer: walk both, matching equal peers.
        const bool take_a = j == b_rows.size() || (i < a_rows.size() && a_rows[i].peer <= b_rows[j].peer);
        const bool take_b = i == a_rows.size() || (j < b_rows.size() && b_rows[j].peer <= a_rows[i].peer);
        const model::PeerIndex peer = take_a ? a_rows[i].peer : b_rows[j].peer;
        const std::size_t a_len = take_a ? a_rows[i].size : 0, b_len = take_b ? b_rows[j].size : 0;
        const std::uint8_t* fa = take_a ? a_flags + a_rows[i].begin : nullptr;
        const std::uint8_t* fb = take_b ? b_flags + b_rows[j].begin : nullptr;
        if (take_a) ++i;
        if (take_b) ++j;
        if (peer >= row_of_.size()) continue;
        const std::int32_t row = row_of_[peer];
        if (row < 0) continue;
        const std::size_t base = static_cast<std::size_t>(row) * width_;
        const std::size_t limit = std::min<std::size_t>(width_, limit_[static_cast<std::size_t>(row)]);
        const std::size_t n = std::min(std::max(a_len, b_len), limit);
        for (std::size_t pos = 0; pos < n; ++pos) {
            const bool in_a = pos < a_len, in_b = pos < b_len;
            if (in_a && in_b) {
                if (fa[pos] != fb[pos]) swap_entry(static_cast<std::size_t>(row), base + pos, fa[pos], fb[pos], bit);
                continue;
            }
            if (in_a) add_entry(static_cast<std::size_t>(row), base + pos, fa[pos], bit, false);
            if (in_b) add_entry(static_cast<std::size_t>(row), base + pos, fb[pos], bit, true);
        }
    }
}

template <bool Add>
void OthersSums::apply(std::size_t rank, const MetaEvent& am) {
    const std::uint64_t bit = std::uint64_t{1} << rank;
    const auto& lists = am.meta_votes;
    for (const auto& r : lists.rows()) {
        if (r.peer >= row_of_.size()) continue;
        const std::int32_t row = row_of_[r.peer];
        if (row < 0) continue;
        const auto row_index = static_cast<std::size_t>(row);
        const std::size_t base = row_index * width_;
        const std::uint8_t* flags = lists.flags_data() + r.begin;
        const std::size_t n = std::min<std::size_t>({r.size, width_, limit_[row_index]});
        for (std::size_t pos = 0; pos < n; ++pos) add_entry(row_index, base + pos, flags[pos], bit, Add);
    }
}

}  // namespace parsec::election
