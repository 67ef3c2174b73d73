#include "election/others_sums.hpp"

#include <algorithm>
#include <cstring>

#include "core/thread_leftovers.hpp"
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
    peer_count_ = peer_count;
    limit_.assign(row_peer_.size(), ~std::uint32_t{0});
    kept_stale_ = true;
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

// The row of `rows` for `peer`: usually at `hint` (the meta-events of one election mostly have
// a row for every voter), else found by peer; null if there is none.
static const MetaVoteRows::Row* row_for(std::span<const MetaVoteRows::Row> rows, std::size_t hint,
                                        model::PeerIndex peer) {
    if (hint < rows.size() && rows[hint].peer == peer) return &rows[hint];
    const auto it = std::lower_bound(rows.begin(), rows.end(), peer,
                                     [](const MetaVoteRows::Row& r, model::PeerIndex p) { return r.peer < p; });
    return it != rows.end() && it->peer == peer ? &*it : nullptr;
}

// Our rows that still keep a position. Most rows are soon decided, kept nowhere (limit 0), so
// the walks below start from our rows rather than from the other meta-event's.
void OthersSums::list_kept_rows() {
    kept_.clear();
    kept_mask_ = 0;
    for (std::size_t row = 0; row < row_peer_.size(); ++row) {
        const std::size_t limit = std::min<std::size_t>(width_, limit_[row]);
        if (limit != 0 && row_peer_[row] < peer_count_) {
            kept_.push_back(KeptRow{static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(limit)});
            if (row < kMaxVoters) kept_mask_ |= std::uint64_t{1} << row;
        }
    }
    kept_stale_ = false;
}

// replace() when both meta-events hold one entry per row (the usual case: early in an election
// every list has one entry): entry r is then row r's, as every meta-event with meta-votes has a
// row per voter of the election in voter order (an observer's rows are the voters, a descendant's
// its parent's, and a change of voters drops every meta-event and these sums). The rows that
// differ are found eight entries at a time. False, changing nothing, if it is not the case.
bool OthersSums::replace_single_entries(std::uint64_t bit, const MetaVoteRows& a, const MetaVoteRows& b) {
    const std::size_t rows = row_peer_.size();
    if (rows > kMaxVoters || a.size() != rows || b.size() != rows || a.flags_size() != rows ||
        b.flags_size() != rows)
        return false;
    if (kept_stale_) list_kept_rows();
    const std::uint8_t* fa = a.flags_data();
    const std::uint8_t* fb = b.flags_data();
    std::uint64_t differ = 0;
    for (std::size_t at = 0; at < rows; at += 8) {
        std::uint64_t x = 0, y = 0;
        const std::size_t len = std::min<std::size_t>(8, rows - at);
        std::memcpy(&x, fa + at, len);
        std::memcpy(&y, fb + at, len);
        // One bit per byte: the top bit of each byte of d is set where that byte is non-zero.
        const std::uint64_t d = x ^ y, low7 = 0x7f7f7f7f7f7f7f7fULL;
        const std::uint64_t top = (((d & low7) + low7) | d) & ~low7;
        differ |= (((top >> 7) * 0x0102040810204080ULL) >> 56) << at;
    }
    for (differ &= kept_mask_; differ != 0; differ &= differ - 1) {
        const auto row = static_cast<std::size_t>(__builtin_ctzll(differ));
        swap_entry(row, row * width_, fa[row], fb[row], bit);
    }
    return true;
}

template <typename Visit>
void OthersSums::for_each_kept_row(Visit visit) {
    if (kept_stale_) list_kept_rows();
    for (const KeptRow& k : kept_) visit(k.row, k.limit);
}

// A voter's latest ancestor changed from `old` to `now`: consecutive meta-events of one creator
// share most entries, so only the entries that differ are taken out and put in.
void OthersSums::replace(std::size_t rank, const MetaEvent& old, const MetaEvent& now) {
    const std::uint64_t bit = std::uint64_t{1} << rank;
    const auto a_rows = old.meta_votes.rows();
    const auto b_rows = now.meta_votes.rows();
    if (replace_single_entries(bit, old.meta_votes, now.meta_votes)) return;
    const std::uint8_t* a_flags = old.meta_votes.flags_data();
    const std::uint8_t* b_flags = now.meta_votes.flags_data();
    for_each_kept_row([&](std::size_t row, std::size_t limit) {
        const model::PeerIndex peer = row_peer_[row];
        const MetaVoteRows::Row* ra = row_for(a_rows, row, peer);
        const MetaVoteRows::Row* rb = row_for(b_rows, row, peer);
        const std::size_t a_len = ra ? ra->size : 0, b_len = rb ? rb->size : 0;
        const std::uint8_t* fa = ra ? a_flags + ra->begin : nullptr;
        const std::uint8_t* fb = rb ? b_flags + rb->begin : nullptr;
        const std::size_t base = row * width_;
        const std::size_t n = std::min(std::max(a_len, b_len), limit);
        for (std::size_t pos = 0; pos < n; ++pos) {
            const bool in_a = pos < a_len, in_b = pos < b_len;
            if (in_a && in_b) {
                if (fa[pos] != fb[pos]) swap_entry(row, base + pos, fa[pos], fb[pos], bit);
                continue;
            }
            if (in_a) add_entry(row, base + pos, fa[pos], bit, false);
            if (in_b) add_entry(row, base + pos, fb[pos], bit, true);
        }
    });
}

namespace {
// Caches left by finished elections on this thread (see OthersSumsByCreator).
using Leftovers = core::ThreadLeftovers<OthersSums, 256>;
}  // namespace

OthersSumsByCreator::~OthersSumsByCreator() {
    for (auto& s : by_creator_) {
        if (!Leftovers::has_room()) return;
        s.clear();
        Leftovers::put(std::move(s));
    }
}

void OthersSumsByCreator::grow(std::size_t size) {
    by_creator_.reserve(size);
    while (by_creator_.size() < size) {
        if (auto s = Leftovers::take()) by_creator_.push_back(std::move(*s));
        else by_creator_.emplace_back();
    }
}

template <bool Add>
void OthersSums::apply(std::size_t rank, const MetaEvent& am) {
    const std::uint64_t bit = std::uint64_t{1} << rank;
    const auto& lists = am.meta_votes;
    for_each_kept_row([&](std::size_t row, std::size_t limit) {
        const MetaVoteRows::Row* r = row_for(lists.rows(), row, row_peer_[row]);
        if (!r) return;
        const std::size_t base = row * width_;
        const std::uint8_t* flags = lists.flags_data() + r->begin;
        const std::size_t n = std::min<std::size_t>(r->size, limit);
        for (std::size_t pos = 0; pos < n; ++pos) add_entry(row, base + pos, flags[pos], bit, Add);
    });
}

}  // namespace parsec::election
