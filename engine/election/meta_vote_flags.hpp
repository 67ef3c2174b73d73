// spec §5.3-§5.5 worked on a stored entry's flag byte and the others' 16-bit lane sums: the
// form the engine runs (meta_vote.cpp), shared with set_meta_votes' shortcut for one-entry rows.
// The same rules as update / increase_step / next_votes; tests/unit/meta_vote_test.cpp checks
// that they agree with the literal rules on random lists. Internal to engine/election.
#pragma once
#include <cstddef>
#include <cstdint>

#include "election/meta_vote.hpp"

namespace parsec::election::flags {

// The flag byte's bits (what flag_byte stores; meta_vote.cpp checks them against MetaVote at start-up).
constexpr std::uint8_t kDecidedBit = kFlagDecidedBit;
constexpr std::uint8_t kDecisionBit = 1u << 1;
constexpr unsigned kEstShift = 2, kBinShift = 4, kAuxShift = 6;
constexpr unsigned kAuxFalseBits = 0, kAuxTrueBits = 1;  // aux 0 and 1; 2 and 3 (-2, -1) are "none"
constexpr std::uint8_t kAuxNone = 3u << kAuxShift;        // aux -1

// spec §5.2 thresholds as counts: 3c >= n is c >= third, 3c > 2n is c >= super.
struct Thresholds {
    explicit Thresholds(std::size_t n)
        : third(static_cast<std::uint32_t>((n + 2) / 3)), super(static_cast<std::uint32_t>(2 * n / 3 + 1)) {}
    std::uint32_t third, super;
};

// update (spec §5.3) of an undecided entry with flags `f` at a position of step `step`; `coin` is
// -1 without the coin, else coin(round). `l` = the others' sums at that position.
inline std::uint8_t update_flags(std::uint8_t f, unsigned step, int coin, const std::uint16_t* l,
                                 const Thresholds& th) {
    // Written as arithmetic on comparison results rather than branches: which way each test goes
    // depends on the data, and the branches were mispredicted often.
    unsigned est = (f >> kEstShift) & 3u, bin = (f >> kBinShift) & 3u, aux = f >> kAuxShift;
    // 1. Estimates: an empty set takes the coin if there is one; a non-empty one gains each value
    //    a third of the others hold.
    if (est == 0) {
        if (coin >= 0) est = coin ? kTrue : kFalse;
    } else {
        est |= (l[0] >= th.third ? kTrue : 0u) | (l[1] >= th.third ? kFalse : 0u);
    }
    // 2. Bin values: the others' estimates and this entry's own.
    const unsigned bin_before = bin;
    bin |= (l[0] + (est & kTrue) >= th.super ? kTrue : 0u) | (l[1] + (est >> 1) >= th.super ? kFalse : 0u);
    // 3. Aux: only when bin goes from empty to non-empty.
    if (aux > kAuxTrueBits && bin_before == 0 && bin != 0) aux = bin == kFalse ? kAuxFalseBits : kAuxTrueBits;
    // 5. Decision: this step's rule, else another voter's decided entry here.
    const bool decide_true = step == 0 && (bin & kTrue) && l[4] + (aux == kAuxTrueBits ? 1u : 0u) >= th.super;
    const bool decide_false = step == 1 && (bin & kFalse) && l[5] + (aux == kAuxFalseBits ? 1u : 0u) >= th.super;
    if (decide_true | decide_false | (l[6] != 0)) {
        const bool decision = decide_true || (!decide_false && l[6] == 2);
        return static_cast<std::uint8_t>(kDecidedBit | (decision ? kDecisionBit : 0u) | kAuxNone);
    }
    return static_cast<std::uint8_t>((f & kDecisionBit) | est << kEstShift | bin << kBinShift | aux << kAuxShift);
}

// next_votes' two passes (spec §5.5, §5.6) on a one-entry list {v} at (round 0, step 0), `at0`
// being the others' sums there: the one entry they return, or -1 when the list grows or the coin
// might be asked (the caller then runs the passes). Most rows of most meta-events are such lists.
// Pass 1 updates v and stops at a decided entry or when the aux values fall short of a
// supermajority; pass 2 then keeps pass 1's list when its entry is decided or has an estimate
// (coin_pass_keeps).
inline int single_entry_next(std::uint8_t v, const PositionCounts& at0, std::size_t n, const Thresholds& th) {
    if (n < 4) return -1;
    if (v & kDecidedBit) return v;
    const std::uint8_t p = update_flags(v, 0, -1, at0.lane, th);
    if (p & kDecidedBit) return p;
    if (((p >> kEstShift) & 3u) == 0) return -1;
    const unsigned aux = p >> kAuxShift;
    const std::uint32_t aux_t = at0.lane[4] + (aux == kAuxTrueBits ? 1u : 0u);
    const std::uint32_t aux_f = at0.lane[5] + (aux == kAuxFalseBits ? 1u : 0u);
    return aux_t + aux_f < th.super ? p : -1;
}

}  // namespace parsec::election::flags
