// Meta-vote rules of spec §5 on hand-built vote lists, including the cases the reference
// recordings never exercise (spec Appendix B 12a-c): the coin, the 1/3 boundary, truncation.
#include <gtest/gtest.h>

#include "election/meta_vote.hpp"
#include "election/meta_vote_flags.hpp"

using namespace parsec::election;

namespace {

MetaVote undecided(std::uint32_t round, Step step, std::uint8_t est, std::uint8_t bin = 0, std::int8_t aux = -1) {
    MetaVote v;
    v.round = round;
    v.step = step;
    v.est = est;
    v.bin = bin;
    v.aux = aux;
    return v;
}

MetaVote decided(std::uint32_t round, Step step, bool value) {
    MetaVote v;
    v.round = round;
    v.step = step;
    v.decided = true;
    v.decision = value;
    return v;
}

// A list from (0,0) up to and including `last`, every entry a copy of `fill` with its own position.
MetaVoteList list_up_to(std::uint32_t round, Step step, MetaVote fill) {
    MetaVoteList l;
    for (std::uint32_t r = 0; r <= round; ++r)
        for (int s = 0; s < 3; ++s) {
            if (r == round && s > static_cast<int>(step)) break;
            MetaVote v = fill;
            v.round = r;
            v.step = static_cast<Step>(s);
            l.push_back(v);
        }
    return l;
}

std::vector<const MetaVoteList*> ptrs(const std::vector<MetaVoteList>& v) {
    std::vector<const MetaVoteList*> out;
    for (const auto& l : v) out.push_back(&l);
    return out;
}

// The others' lists summed per position (what set_meta_votes reads), as wide as the longest list.
std::vector<PositionCounts> summed(const std::vector<MetaVoteList>& others) {
    std::size_t width = 1;
    for (const auto& o : others) width = std::max(width, o.size());
    std::vector<PositionCounts> sums(width);
    for (const auto& o : others) {
        MetaVoteRows one;
        one.append(0, o);
        add_others(sums, width, std::vector<std::int32_t>{0}, one);
    }
    return sums;
}

}  // namespace

// App. B 1: supermajority is strict (3c > 2N) and "a third" is not (3c >= N).
TEST(MetaVote, AppB1_Thresholds) {
    EXPECT_FALSE(is_super(2, 3));
    EXPECT_TRUE(is_super(3, 4));
    EXPECT_FALSE(is_super(4, 6));
    EXPECT_TRUE(is_super(5, 7));
    EXPECT_TRUE(is_third(1, 3));
    EXPECT_TRUE(is_third(2, 6));
    EXPECT_FALSE(is_third(1, 4));
}

// App. B 12b: with N = 3 and N = 6, exactly N/3 opposite estimates add the other value (>=).
TEST(MetaVote, AppB12b_ThirdBoundaryAddsEstimate) {
    for (std::size_t n : {3u, 6u}) {
        std::vector<MetaVoteList> others;
        for (std::size_t i = 0; i < n / 3; ++i) others.push_back({undecided(0, Step::ForcedTrue, kFalse)});
        for (std::size_t i = n / 3; i + 1 < n; ++i) others.push_back({undecided(0, Step::ForcedTrue, kTrue)});
        auto p = ptrs(others);
        MetaVote v = undecided(0, Step::ForcedTrue, kTrue);
        MetaVote u = update(v, counts(v, p), false, n);
        EXPECT_EQ(u.est, kBoth) << "N=" << n;
    }
    // One fewer opposite estimate than a third: nothing is added (N = 6, one false).
    std::vector<MetaVoteList> others{{undecided(0, Step::ForcedTrue, kFalse)}};
    for (int i = 0; i < 4; ++i) others.push_back({undecided(0, Step::ForcedTrue, kTrue)});
    auto p = ptrs(others);
    MetaVote v = undecided(0, Step::ForcedTrue, kTrue);
    EXPECT_EQ(update(v, counts(v, p), false, 6).est, kTrue);
}

// spec §5.3: bin values need a supermajority of estimates; aux is the first bin value; step 0
// decides true on a supermajority of true aux values with true in the bin values.
TEST(MetaVote, Spec5_3_BinAuxAndForcedTrueDecision) {
    std::vector<MetaVoteList> others(3, MetaVoteList{undecided(0, Step::ForcedTrue, kTrue, kTrue, 1)});
    auto p = ptrs(others);
    MetaVote v = undecided(0, Step::ForcedTrue, kTrue);
    MetaVote u = update(v, counts(v, p), false, 4);
    EXPECT_TRUE(u.decided);
    EXPECT_TRUE(u.decision);
    // Without the others' aux values, only bin and aux are set.
    std::vector<MetaVoteList> est_only(3, MetaVoteList{undecided(0, Step::ForcedTrue, kTrue)});
    auto q = ptrs(est_only);
    MetaVote w = update(v, counts(v, q), false, 4);
    EXPECT_FALSE(w.decided);
    EXPECT_EQ(w.bin, kTrue);
    EXPECT_EQ(w.aux, 1);
}

// spec §5.3 step 3: when both bin values arrive in one update, aux is true.
TEST(MetaVote, Spec5_3_BothBinValuesTogetherGiveTrueAux) {
    std::vector<MetaVoteList> others{{undecided(0, Step::ForcedTrue, kBoth)}, {undecided(0, Step::ForcedTrue, kBoth)},
                                     {undecided(0, Step::ForcedTrue, kBoth)}};
    auto p = ptrs(others);
    MetaVote v = undecided(0, Step::ForcedTrue, kBoth);
    MetaVote u = update(v, counts(v, p), false, 4);
    EXPECT_EQ(u.bin, kBoth);
    EXPECT_EQ(u.aux, 1);
}

// App. B 12a / spec §5.7: a genuine flip with split aux takes the coin: true after round 0
// (coin(1) = odd = true) and false after round 1 (coin(2) = false). Pass 1 leaves est empty.
TEST(MetaVote, AppB12a_GenuineFlipWithSplitAuxUsesParityCoin) {
    for (std::uint32_t round : {0u, 1u}) {
        const std::size_t n = 4;
        // Everyone at (round, 2): two true aux, two false aux: a supermajority of aux values but
        // no supermajority on either side.
        MetaVote fill_t = undecided(round, Step::GenuineFlip, kBoth, kBoth, 1);
        MetaVote fill_f = undecided(round, Step::GenuineFlip, kBoth, kBoth, 0);
        std::vector<MetaVoteList> others{list_up_to(round, Step::GenuineFlip, fill_t),
                                         list_up_to(round, Step::GenuineFlip, fill_f),
                                         list_up_to(round, Step::GenuineFlip, fill_f)};
        auto p = ptrs(others);
        MetaVoteList mine = list_up_to(round, Step::GenuineFlip, fill_t);
        MetaVoteList pass1 = next_votes(mine, p, false, n);
        ASSERT_EQ(pass1.size(), mine.size() + 1);
        EXPECT_EQ(pass1.back().round, round + 1);
        EXPECT_EQ(pass1.back().step, Step::ForcedTrue);
        EXPECT_EQ(pass1.back().est, 0) << "pass 1 has no coin";
        MetaVoteList pass2 = next_votes(pass1, {}, true, n);
        EXPECT_EQ(pass2.back().est, round == 0 ? kTrue : kFalse) << "round " << round;
    }
}

// App. B 12c / spec §5.5: an entry that becomes decided in the middle of the list keeps the
// later entries this time, and the next re-update stops at it (dropping what followed).
TEST(MetaVote, AppB12c_DecidedMiddleEntryTruncatesNextTime) {
    const std::size_t n = 4;
    MetaVoteList mine{undecided(0, Step::ForcedTrue, kTrue, kTrue, 1), undecided(0, Step::ForcedFalse, kTrue)};
    // Others decided true at (0,0): their decision is adopted by our (0,0) entry.
    std::vector<MetaVoteList> others(3, MetaVoteList{decided(0, Step::ForcedTrue, true)});
    auto p = ptrs(others);
    MetaVoteList once = next_votes(mine, p, false, n);
    ASSERT_GE(once.size(), 2u);
    EXPECT_TRUE(once[0].decided);
    EXPECT_FALSE(once[1].decided) << "the later entry survives this update";
    MetaVoteList twice = next_votes(once, p, false, n);
    ASSERT_EQ(twice.size(), 1u) << "the next update stops at the originally decided entry";
    EXPECT_TRUE(twice[0].decided);
}

// spec §5.2: a decided contribution counts for est, bin and aux of its value and carries the decision.
TEST(MetaVote, Spec5_2_DecidedContributionCountsEverywhere) {
    MetaVoteList d{decided(0, Step::ForcedTrue, false)};
    std::vector<const MetaVoteList*> p{&d};
    Counts c = counts(undecided(0, Step::ForcedTrue, kTrue), p);
    EXPECT_EQ(c.est_f, 1u);
    EXPECT_EQ(c.bin_f, 1u);
    EXPECT_EQ(c.aux_f, 1u);
    EXPECT_EQ(c.decision, 0);
    EXPECT_EQ(c.est_t, 1u) << "plus our own estimate";
}

// spec §5.4: step transitions set the next estimate from aux supermajorities.
TEST(MetaVote, Spec5_4_IncreaseStep) {
    Counts c;
    c.aux_f = 3;
    MetaVote q = increase_step(undecided(0, Step::ForcedTrue, kTrue, kTrue, 1), c, false, 4);
    EXPECT_EQ(q.step, Step::ForcedFalse);
    EXPECT_EQ(q.est, kFalse);
    EXPECT_EQ(q.bin, 0);
    EXPECT_EQ(q.aux, -1);
    Counts none;
    MetaVote r = increase_step(undecided(0, Step::ForcedFalse, kTrue), none, false, 4);
    EXPECT_EQ(r.est, kFalse) << "step 1 defaults to false";
    MetaVote s = increase_step(undecided(2, Step::GenuineFlip, kTrue), none, true, 4);
    EXPECT_EQ(s.round, 3u);
    EXPECT_EQ(s.est, kFalse) << "coin of the round being left (2) is false";
}

// spec §5.6 consequence: with N = 1 the lone vote decides by itself in pass 2.
TEST(MetaVote, Spec5_6_SingleVoterDecidesAlone) {
    MetaVoteList mine{undecided(0, Step::ForcedTrue, kTrue)};
    MetaVoteList out = next_votes(mine, {}, false, 1);
    ASSERT_FALSE(out.empty());
    EXPECT_TRUE(out.back().decided);
    EXPECT_TRUE(out.back().decision);
}

// The coin pass shortcut (spec §5.6 pass 2 skipped when it cannot change the list) must agree with
// running the pass: every list it keeps is one the pass returns unchanged. Lists are built from
// every flag combination per entry, so the est-empty (coin) and decided-in-the-middle cases occur.
TEST(MetaVote, Spec5_6_CoinPassShortcutOnlyWhenThePassKeepsTheList) {
    std::uint32_t state = 12345;
    auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
    size_t kept = 0, checked = 0, rejected_but_equal = 0;
    for (int trial = 0; trial < 20000; ++trial) {
        const std::size_t n = 1 + next() % 12;
        const std::size_t len = 1 + next() % 6;
        MetaVoteList l;
        for (std::size_t pos = 0; pos < len; ++pos) {
            const auto round = static_cast<std::uint32_t>(pos / 3);
            const auto step = static_cast<Step>(pos % 3);
            if (next() % 5 == 0) {
                l.push_back(decided(round, step, next() % 2));
            } else {
                const auto est = static_cast<std::uint8_t>(next() % 4);
                const auto bin = static_cast<std::uint8_t>(next() % 4);
                const auto aux = static_cast<std::int8_t>(static_cast<int>(next() % 3) - 1);
                l.push_back(undecided(round, step, est, bin, aux));
            }
        }
        const MetaVoteList pass = next_votes(l, {}, true, n);
        const bool same = pass.size() == l.size() && std::equal(l.begin(), l.end(), pass.begin());
        ++checked;
        if (coin_pass_keeps(l, n)) {
            ++kept;
            EXPECT_TRUE(same) << "trial " << trial << ": n=" << n << ", " << len << " entries";
        } else if (same) {
            ++rejected_but_equal;
        }
    }
    EXPECT_GT(kept, checked / 10) << "the shortcut must apply to a good share of lists";
    EXPECT_GT(checked - kept, checked / 10) << "and refuse many others";
}

// The flag-byte rows (what meta-events store, spec §5.6 with the others summed per position) must
// give exactly the literal rules' lists (spec §5.5 next_votes over the others' lists), for any
// entry flags, voter count and others: pass 1 with the others, then pass 2 alone with the coin,
// and the observers' single pass. Entries of a trial lean towards shared values so that the
// third, supermajority and decision thresholds are crossed often.
TEST(MetaVote, Spec5_6_FlagRowsAgreeWithTheLiteralRules) {
    std::uint32_t state = 987654321;
    auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
    const std::size_t sizes[] = {1, 2, 3, 4, 5, 6, 7, 8, 10, 13, 16, 17, 31, 48, 64};
    std::size_t trials = 0, coin_filled = 0, decided_rows = 0, extended = 0;
    for (const std::size_t n : sizes)
        for (int trial = 0; trial < 4000; ++trial) {
            const auto mood_est = static_cast<std::uint8_t>(1 + next() % 3);
            const auto mood_aux = static_cast<std::int8_t>(static_cast<int>(next() % 2));
            const int decided_share = static_cast<int>(next() % 12);  // per 100 entries
            auto random_list = [&](std::size_t len) {
                MetaVoteList l;
                for (std::size_t pos = 0; pos < len; ++pos) {
                    const auto round = static_cast<std::uint32_t>(pos / 3);
                    const auto step = static_cast<Step>(pos % 3);
                    if (static_cast<int>(next() % 100) < decided_share) {
                        l.push_back(decided(round, step, next() % 2));
                        continue;
                    }
                    const bool lean = next() % 10 < 7;
                    const auto est = lean ? mood_est : static_cast<std::uint8_t>(next() % 4);
                    const auto bin = lean ? mood_est : static_cast<std::uint8_t>(next() % 4);
                    const auto aux = lean ? mood_aux : static_cast<std::int8_t>(static_cast<int>(next() % 4) - 2);
                    MetaVote v = undecided(round, step, est, bin, aux);
                    v.decision = next() % 8 == 0;  // meaningless while undecided, yet kept as is
                    l.push_back(v);
                }
                return l;
            };
            const MetaVoteList prev = random_list(1 + next() % 6);
            std::vector<MetaVoteList> others;
            for (std::size_t k = next() % n; k > 0; --k) others.push_back(random_list(next() % 8));
            const std::vector<PositionCounts> sums = summed(others);
            MetaVoteRows prev_row;
            prev_row.append(3, prev);
            for (const bool coin_pass : {true, false}) {
                MetaVoteList expect = next_votes(prev, ptrs(others), false, n);
                if (coin_pass) {
                    const MetaVoteList pass2 = next_votes(expect, {}, true, n);
                    coin_filled += !(pass2 == expect);
                    expect = pass2;
                }
                MetaVoteRows got;
                append_next_votes_row(3, prev_row.flags(0), sums, coin_pass, n, got);
                ASSERT_EQ(got.size(), 1u);
                EXPECT_EQ(got.peer(0), 3u);
                EXPECT_TRUE(got.list(0) == expect) << "n=" << n << " trial " << trial << " coin pass " << coin_pass
                                                   << ": " << got.list(0).size() << " entries, expected "
                                                   << expect.size();
                // The row knows its first decided entry (what a child's find_rows reads).
                std::uint32_t first_decided = MetaVoteRows::kNoneDecided;
                for (std::size_t pos = expect.size(); pos-- > 0;)
                    if (expect[pos].decided) first_decided = static_cast<std::uint32_t>(pos);
                EXPECT_EQ(got.rows()[0].first_decided, first_decided);
                MetaVoteRows copy;
                copy.append_copy(got, 0);
                copy.append_first(prev_row, 0);
                EXPECT_EQ(copy.rows()[0].first_decided, first_decided);
                EXPECT_EQ(copy.rows()[1].first_decided, prev[0].decided ? 0u : MetaVoteRows::kNoneDecided);
                decided_rows += !expect.empty() && expect.back().decided;
                extended += expect.size() > prev.size();
            }
            ++trials;
        }
    // The cases must all occur, or the comparison above proves little.
    EXPECT_GT(coin_filled, trials / 50);
    EXPECT_GT(decided_rows, trials / 10);
    EXPECT_GT(extended, trials / 10);
}

// set_meta_votes' shortcut for a one-entry row (flags::single_entry_next) must give what the
// literal two passes give (spec §5.6: next_votes with the others, then alone with the coin)
// whenever it answers, and must answer for the usual rows: an undecided (0, 0) entry whose list
// neither grows nor needs the coin. Others lean towards shared values so thresholds are crossed.
TEST(MetaVote, Spec5_6_SingleEntryShortcutAgreesWithBothPasses) {
    std::uint32_t state = 24681357;
    auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7fff; };
    const std::size_t sizes[] = {1, 3, 4, 5, 7, 10, 16, 17, 31, 64};
    std::size_t answered = 0, unchanged = 0, changed = 0, declined = 0, grew = 0;
    for (const std::size_t n : sizes)
        for (int trial = 0; trial < 3000; ++trial) {
            const auto mood_est = static_cast<std::uint8_t>(1 + next() % 3);
            const auto mood_aux = static_cast<std::int8_t>(static_cast<int>(next() % 2));
            auto random_entry = [&](std::size_t pos) {
                const auto round = static_cast<std::uint32_t>(pos / 3);
                const auto step = static_cast<Step>(pos % 3);
                if (next() % 20 == 0) return decided(round, step, next() % 2);
                const bool lean = next() % 10 < 7;
                return undecided(round, step, lean ? mood_est : static_cast<std::uint8_t>(next() % 4),
                                 lean ? mood_est : static_cast<std::uint8_t>(next() % 4),
                                 lean ? mood_aux : static_cast<std::int8_t>(static_cast<int>(next() % 3) - 1));
            };
            MetaVoteList prev;
            prev.push_back(random_entry(0));
            std::vector<MetaVoteList> others;
            for (std::size_t k = next() % n; k > 0; --k) {
                MetaVoteList o;
                for (std::size_t pos = 0, len = next() % 4; pos < len; ++pos) o.push_back(random_entry(pos));
                others.push_back(o);
            }
            const std::vector<PositionCounts> sums = summed(others);
            const MetaVoteList expect = next_votes(next_votes(prev, ptrs(others), false, n), {}, true, n);
            const int got = flags::single_entry_next(flag_byte(prev[0]), sums[0], n, flags::Thresholds(n));
            if (got < 0) {
                ++declined;
                grew += expect.size() > 1;
                continue;
            }
            ++answered;
            ASSERT_EQ(expect.size(), 1u) << "n=" << n << " trial " << trial;
            EXPECT_EQ(got, flag_byte(expect[0])) << "n=" << n << " trial " << trial;
            (got == flag_byte(prev[0]) ? unchanged : changed) += 1;
        }
    // Both answers and both declines must occur, or the comparison proves little.
    EXPECT_GT(unchanged, answered / 10);
    EXPECT_GT(changed, answered / 10);
    EXPECT_GT(grew, declined / 10);
    EXPECT_GT(answered, (answered + declined) / 4);
}
