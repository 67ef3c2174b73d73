// Meta-vote rules, spec §5.2–§5.5, copied literally including the quirks listed there.
#include "election/meta_vote.hpp"

#include "core/assert.hpp"

namespace parsec::election {

static void add_contribution(Counts& c, const MetaVote& v) {
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

MetaVote update(MetaVote v, Counts c, bool with_coin, std::size_t n) {
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

MetaVote increase_step(const MetaVote& p, const Counts& c, bool with_coin, std::size_t n) {
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

}  // namespace parsec::election
