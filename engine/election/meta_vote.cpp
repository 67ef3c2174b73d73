// Meta-vote rules, spec §5.2–§5.5, copied literally including the quirks listed there.
#include "election/meta_vote.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <new>

#include "core/assert.hpp"
#include "election/meta_vote_flags.hpp"

namespace parsec::election {

static inline void add_contribution(Counts& c, const MetaVote& v) {
    if (v.decided) {
        if (v.decision) ++c.est_t, ++c.bin_t, ++c.aux_t;
        else ++c.est_f, ++c.bin_f, ++c.aux_f;
        if (c.decision < 0) c.decision = v.decision ? 1 : 0;
        return;
    }
    if (v.est & kTrue) ++c.est_t;
    if (v.est & kFalse) ++c.est_f;
    if (v.bin & kTrue) ++c.bin_t;
    if (v.bin & kFalse) ++c.bin_f;
    if (v.aux == 1) ++c.aux_t;
    if (v.aux == 0) ++c.aux_f;
}

Counts counts(const MetaVote& v, std::span<const MetaVoteList* const> others) {
    Counts c;
    const std::size_t pos = v.position();
    for (const MetaVoteList* o : others) {
        // Lists hold one entry per (round, step) from (0, 0), so "the last entry with the same
        // (round, step)" is the entry at that position.
        if (pos < o->size()) {
            const MetaVote& w = (*o)[pos];
            PARSEC_ASSERT(w.round == v.round && w.step == v.step, "meta-vote list not contiguous");
            add_contribution(c, w);
        }
    }
    add_contribution(c, v);
    return c;
}

// The rules are inline here so the summed variant below runs them without calls.
static inline MetaVote update_impl(MetaVote v, Counts c, bool with_coin, std::size_t n) {
    if (v.decided) return v;
    // 1. Estimates.
    if (v.est == 0) {
        if (with_coin) {
            bool value = coin(v.round);
            v.est = value ? kTrue : kFalse;
            if (value) ++c.est_t; else ++c.est_f;
        }
    } else {
        if (is_third(c.est_t, n) && !(v.est & kTrue)) v.est |= kTrue, ++c.est_t;
        if (is_third(c.est_f, n) && !(v.est & kFalse)) v.est |= kFalse, ++c.est_f;
    }
    // 2. Bin values.
    const std::uint8_t bin_before = v.bin;
    if (is_super(c.est_t, n) && !(v.bin & kTrue)) v.bin |= kTrue, ++c.bin_t;
    if (is_super(c.est_f, n) && !(v.bin & kFalse)) v.bin |= kFalse, ++c.bin_f;
    // 3. Aux: set only when bin goes from empty to non-empty in this update.
    if (v.aux < 0 && bin_before == 0) {
        if (v.bin == kTrue) v.aux = 1, ++c.aux_t;
        else if (v.bin == kFalse) v.aux = 0, ++c.aux_f;
        else if (v.bin == kBoth) v.aux = 1, ++c.aux_t;
    }
    // 5. Decision.
    std::int8_t decision = c.decision;
    if (v.step == Step::ForcedTrue) {
        if ((v.bin & kTrue) && is_super(c.aux_t, n)) decision = 1;
    } else if (v.step == Step::ForcedFalse) {
        if ((v.bin & kFalse) && is_super(c.aux_f, n)) decision = 0;
    }
    if (decision >= 0) {
        v.decided = true;
        v.decision = decision == 1;
        v.est = v.bin = 0;
        v.aux = -1;
    }
    return v;
}

MetaVote update(MetaVote v, Counts c, bool with_coin, std::size_t n) { return update_impl(v, c, with_coin, n); }

static inline MetaVote increase_step_impl(const MetaVote& p, const Counts& c, bool with_coin, std::size_t n) {
    PARSEC_ASSERT(!p.decided, "increase_step on a decided meta-vote");
    MetaVote q = p;
    switch (p.step) {
        case Step::ForcedTrue:
            q.est = is_super(c.aux_f, n) ? kFalse : kTrue;
            q.step = Step::ForcedFalse;
            break;
        case Step::ForcedFalse:
            q.est = is_super(c.aux_t, n) ? kTrue : kFalse;
            q.step = Step::GenuineFlip;
            break;
        case Step::GenuineFlip:
            if (is_super(c.aux_t, n)) q.est = kTrue;
            else if (is_super(c.aux_f, n)) q.est = kFalse;
            else if (with_coin) q.est = coin(p.round) ? kTrue : kFalse;
            else q.est = 0;
            q.round = p.round + 1;
            q.step = Step::ForcedTrue;
            break;
    }
    q.bin = 0;
    q.aux = -1;
    return q;
}

MetaVote increase_step(const MetaVote& p, const Counts& c, bool with_coin, std::size_t n) {
    return increase_step_impl(p, c, with_coin, n);
}

MetaVoteList next_votes(const MetaVoteList& prev, std::span<const MetaVoteList* const> others, bool with_coin,
                        std::size_t n) {
    MetaVoteList out;
    out.reserve(prev.size() + 1);
    for (const MetaVote& v : prev) {
        out.push_back(update(v, counts(v, others), with_coin, n));
        if (v.decided) break;  // tests the input entry, not the updated one (spec §5.5)
    }
    while (!out.empty()) {
        const MetaVote& p = out.back();
        if (p.decided) break;
        Counts c = counts(p, others);
        if (!is_super(c.aux_t + c.aux_f, n)) break;
        MetaVote q = increase_step(p, c, with_coin, n);
        q = update(q, counts(q, others), with_coin, n);
        out.push_back(q);
    }
    return out;
}

// ---- Summed counts: the same rules with the others' part of counts() precomputed ------------------

namespace {

std::array<PositionCounts, 256> make_contribution_table() {
    std::array<PositionCounts, 256> t{};
    std::array<bool, 256> filled{};
    for (int decided = 0; decided < 2; ++decided)
        for (int decision = 0; decision < 2; ++decision)
            for (int est = 0; est < 4; ++est)
                for (int bin = 0; bin < 4; ++bin)
                    for (int aux = -2; aux < 2; ++aux) {
                        alignas(MetaVote) unsigned char storage[sizeof(MetaVote)] = {};
                        auto* v = new (storage) MetaVote;
                        v->decided = decided, v->decision = decision;
                        v->est = static_cast<std::uint8_t>(est), v->bin = static_cast<std::uint8_t>(bin);
                        v->aux = static_cast<std::int8_t>(aux);
                        const std::uint8_t b = flag_byte(*v);
                        PARSEC_ASSERT(!filled[b], "MetaVote bit-fields are not all in the flag byte");
                        filled[b] = true;
                        Counts c;
                        add_contribution(c, *v);
                        auto& l = t[b].lane;
                        l[0] = static_cast<std::uint16_t>(c.est_t), l[1] = static_cast<std::uint16_t>(c.est_f);
                        l[2] = static_cast<std::uint16_t>(c.bin_t), l[3] = static_cast<std::uint16_t>(c.bin_f);
                        l[4] = static_cast<std::uint16_t>(c.aux_t), l[5] = static_cast<std::uint16_t>(c.aux_f);
                        l[6] = static_cast<std::uint16_t>(c.decision + 1);  // taken only if none yet
                    }
    return t;
}
}  // namespace

// The byte holding MetaVote's bit-fields determines the vote's contribution (spec §5.2), so one
// table lookup by that byte replaces the decoding.
const std::array<PositionCounts, 256> kContributionByFlags = make_contribution_table();

namespace {

// The eight lanes are added as one 128-bit vector (GCC/Clang vector extension): this is the
// innermost loop of meta-vote computation with many voters (spec §5.6).
typedef std::uint16_t Lanes __attribute__((vector_size(16)));
static_assert(sizeof(Lanes) == sizeof(PositionCounts));

inline void add_entry(PositionCounts& into, std::uint8_t flags) {
    Lanes a, b;
    std::memcpy(&a, into.lane, sizeof a);
    std::memcpy(&b, contribution(flags).lane, sizeof b);
    // Lane 6 keeps the first decision met (spec §5.2): b's lane 6 is dropped once a's is set.
    constexpr Lanes kDecisionLane = {0, 0, 0, 0, 0, 0, 0xffff, 0};
    const Lanes decided_before = reinterpret_cast<Lanes>(a != Lanes{}) & kDecisionLane;
    a += b & ~decided_before;
    std::memcpy(into.lane, &a, sizeof a);
}

// counts(v, others) from the others' sum at v's position.
inline Counts counts_summed(const MetaVote& v, std::span<const PositionCounts> per_position) {
    Counts c;
    const std::size_t pos = v.position();
    if (pos < per_position.size()) {
        const auto& l = per_position[pos].lane;
        c.est_t = l[0], c.est_f = l[1], c.bin_t = l[2], c.bin_f = l[3], c.aux_t = l[4], c.aux_f = l[5];
        if (l[6]) c.decision = static_cast<std::int8_t>(l[6] - 1);
    }
    add_contribution(c, v);
    return c;
}

}  // namespace

void add_others(std::span<PositionCounts> rows, std::size_t width, std::span<const std::int32_t> row_of,
                const MetaVoteRows& lists) {
    add_others(rows, width, row_of, {}, lists);
}

void add_others(std::span<PositionCounts> rows, std::size_t width, std::span<const std::int32_t> row_of,
                std::span<const std::uint32_t> row_cap, const MetaVoteRows& lists) {
    for (std::size_t i = 0; i < lists.size(); ++i) {
        const std::uint32_t peer = lists.peer(i);
        const std::int32_t row = peer < row_of.size() ? row_of[peer] : -1;
        if (row < 0) continue;
        PositionCounts* r = rows.data() + static_cast<std::size_t>(row) * width;
        const auto flags = lists.flags(i);
        std::size_t n = std::min<std::size_t>(flags.size(), width);
        if (!row_cap.empty()) n = std::min<std::size_t>(n, row_cap[static_cast<std::size_t>(row)]);
        for (std::size_t pos = 0; pos < n; ++pos) add_entry(r[pos], flags[pos]);
    }
}

// ---- MetaVoteRows -----------------------------------------------------------------------------

void MetaVoteRows::list_into(std::size_t row, MetaVoteList& out) const {
    const auto f = flags(row);
    out.clear();
    out.reserve(f.size());
    for (std::size_t pos = 0; pos < f.size(); ++pos) out.push_back(decode_flag_byte(f[pos], pos));
}

MetaVoteList MetaVoteRows::list(std::size_t row) const {
    MetaVoteList out;
    list_into(row, out);
    return out;
}

std::optional<MetaVoteList> MetaVoteRows::find(std::uint32_t peer) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].peer == peer) return list(i);
    return std::nullopt;
}

void MetaVoteRows::append(std::uint32_t peer, const MetaVoteList& list) {
    PARSEC_ASSERT(rows_.empty() || rows_.back().peer < peer, "meta-vote rows out of peer order");
    begin_row(peer);
    for (std::size_t pos = 0; pos < list.size(); ++pos) {
        PARSEC_ASSERT(list[pos].position() == pos, "meta-vote list not contiguous from (0, 0)");
        push(flag_byte(list[pos]));
    }
}

namespace {

// ---- spec §5.3-§5.5 on flag bytes ----------------------------------------------------------------
// The same rules as update_impl / increase_step_impl / next_votes_summed, worked on the stored byte
// and the others' lane sums directly (update_flags, meta_vote_flags.hpp): a row is computed for
// nearly every meta-event, and decoding each entry into a MetaVote and its counts into 32-bit
// fields cost more than the rules themselves.
using namespace flags;

// next_votes (spec §5.5) on flag bytes: `prev` holds entries at positions 0.., results are pushed
// to `out` (anything with push_back(std::uint8_t)).
template <typename Out>
inline void next_votes_flags(std::span<const std::uint8_t> prev, std::span<const PositionCounts> per_position,
                             bool with_coin, std::size_t n, Out& out) {
    static constexpr PositionCounts kNone{};
    const Thresholds th(n);
    auto lanes = [&](std::size_t pos) { return (pos < per_position.size() ? per_position[pos] : kNone).lane; };
    auto coin_at = [&](std::uint32_t round) { return with_coin ? static_cast<int>(coin(round)) : -1; };
    std::uint8_t p = 0;
    std::size_t pos = 0;
    unsigned step = 0;
    std::uint32_t round = 0;
    for (; pos < prev.size(); ++pos) {
        const std::uint8_t v = prev[pos];
        p = (v & kDecidedBit) ? v : update_flags(v, step, coin_at(round), lanes(pos), th);
        out.push_back(p);
        if (v & kDecidedBit) return;  // tests the input entry, not the updated one (spec §5.5)
        if (++step == 3) step = 0, ++round;
    }
    if (pos == 0) return;
    // `step` and `round` are now those of position `pos`, one past p's.
    while (!(p & kDecidedBit)) {
        const std::uint16_t* l = lanes(pos - 1);
        const unsigned aux = p >> kAuxShift;
        const std::uint32_t aux_t = l[4] + (aux == kAuxTrueBits ? 1u : 0u);
        const std::uint32_t aux_f = l[5] + (aux == kAuxFalseBits ? 1u : 0u);
        if (aux_t + aux_f < th.super) break;
        // increase_step (spec §5.4) from p's step, which is the one before `step`.
        unsigned est;
        if (step == 1) est = aux_f >= th.super ? kFalse : kTrue;       // from ForcedTrue
        else if (step == 2) est = aux_t >= th.super ? kTrue : kFalse;  // from ForcedFalse
        else if (aux_t >= th.super) est = kTrue;                        // from GenuineFlip
        else if (aux_f >= th.super) est = kFalse;
        else if (with_coin) est = coin(round - 1) ? kTrue : kFalse;
        else est = 0;
        const auto q = static_cast<std::uint8_t>((p & kDecisionBit) | est << kEstShift | kAuxNone);
        p = update_flags(q, step, coin_at(round), lanes(pos), th);
        out.push_back(p);
        ++pos;
        if (++step == 3) step = 0, ++round;
    }
}

// coin_pass_keeps on flag bytes.
inline bool coin_pass_keeps_flags(std::span<const std::uint8_t> list, std::size_t n) {
    if (n < 4) return false;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i] & kDecidedBit) {
            if (i + 1 != list.size()) return false;
        } else if (((list[i] >> kEstShift) & 3u) == 0) {
            return false;
        }
    }
    return true;
}

// The bit constants above describe flag_byte's layout.
[[maybe_unused]] const bool kFlagBitsChecked = [] {
    MetaVote v;
    PARSEC_ASSERT(flag_byte(v) == kAuxNone, "flag byte: aux -1 by default");
    v.decided = true, v.decision = true, v.aux = 0;
    PARSEC_ASSERT(flag_byte(v) == (kDecidedBit | kDecisionBit), "flag byte: decided and decision bits");
    v = MetaVote{};
    v.est = kFalse, v.bin = kTrue, v.aux = 1;
    PARSEC_ASSERT(flag_byte(v) == (kFalse << kEstShift | kTrue << kBinShift | kAuxTrueBits << kAuxShift),
                  "flag byte: est, bin and aux fields");
    return true;
}();

}  // namespace

bool coin_pass_keeps(const MetaVoteList& list, std::size_t n) {
    if (n < 4) return false;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].decided) {
            if (i + 1 != list.size()) return false;
        } else if (list[i].est == 0) {
            return false;
        }
    }
    return true;
}

// spec §5.5 with the others' counts summed (the MetaVote form: the coin trace explains with it).
void next_votes_summed(const MetaVoteList& prev, std::span<const PositionCounts> per_position, bool with_coin,
                       std::size_t n, MetaVoteList& out) {
    out.clear();
    out.reserve(prev.size() + 1);
    for (const MetaVote& v : prev) {
        out.push_back(update_impl(v, counts_summed(v, per_position), with_coin, n));
        if (v.decided) break;  // tests the input entry, not the updated one (spec §5.5)
    }
    while (!out.empty() && !out.back().decided) {
        const MetaVote p = out.back();
        Counts c = counts_summed(p, per_position);
        if (!is_super(c.aux_t + c.aux_f, n)) break;
        MetaVote q = increase_step_impl(p, c, with_coin, n);
        out.push_back(update_impl(q, counts_summed(q, per_position), with_coin, n));
    }
}

namespace {
struct RowAppender {
    MetaVoteRows& rows;
    void push_back(std::uint8_t f) { rows.push(f); }
};
}  // namespace

void append_next_votes_row(std::uint32_t peer, std::span<const std::uint8_t> prev,
                           std::span<const PositionCounts> others, bool coin_pass, std::size_t n, MetaVoteRows& out) {
    out.begin_row(peer);
    RowAppender row{out};
    if (!coin_pass) {
        next_votes_flags(prev, others, false, n, row);
        return;
    }
    // Pass 1 into the row itself; pass 2 only when it can change something, then replacing it.
    const std::size_t begin = out.flags_size();
    next_votes_flags(prev, others, false, n, row);
    const std::span<const std::uint8_t> p1 = out.flags(out.size() - 1);
    if (coin_pass_keeps_flags(p1, n)) return;
    thread_local std::vector<std::uint8_t> pass1;
    pass1.assign(p1.begin(), p1.end());
    out.truncate_last_row(begin);
    next_votes_flags(pass1, {}, true, n, row);
}

}  // namespace parsec::election
