// OthersSums (the others' per-position sums kept across a creator's sync events) must equal a
// full summation in the others' order after any sequence of changed ancestors, including the
// first-decision lane, which depends on the order and not only on counts (spec §5.2).
#include <gtest/gtest.h>

#include <random>

#include "election/meta_election.hpp"
#include "election/others_sums.hpp"

using namespace parsec::election;

namespace {

// A meta-event with rows for some of `peers`, lists of 1..5 random entries from (0, 0); or, with
// `one_each`, a row for every peer with one entry each (early in an election: OthersSums compares
// such meta-events entry array to entry array).
std::shared_ptr<MetaEvent> random_meta_event(std::mt19937& rng, const std::vector<std::uint32_t>& peers,
                                             std::uint64_t serial, bool one_each) {
    auto m = std::make_shared<MetaEvent>();
    m->serial = serial;
    m->votes_origin = serial;  // its own meta-votes
    for (std::uint32_t p : peers) {
        if (!one_each && rng() % 5 == 0) continue;  // some peers without a row
        MetaVoteList list;
        const std::size_t len = one_each ? 1 : 1 + rng() % 5;
        for (std::size_t pos = 0; pos < len; ++pos) {
            MetaVote v = decode_flag_byte(0, pos);
            if (rng() % 4 == 0) {
                v.decided = true;
                v.decision = rng() % 2;
            } else {
                v.est = static_cast<std::uint8_t>(rng() % 4);
                v.bin = static_cast<std::uint8_t>(rng() % 4);
                v.aux = static_cast<std::int8_t>(static_cast<int>(rng() % 3) - 1);
            }
            list.push_back(v);
        }
        m->meta_votes.append(p, list);
        m->longest_list = std::max<std::uint32_t>(m->longest_list, static_cast<std::uint32_t>(len));
    }
    return m;
}

TEST(OthersSums, EqualsAFullSummationAfterEveryChange) {
    std::mt19937 rng(7);
    const std::size_t voters = 12, width = 6;
    std::vector<std::uint32_t> peers;
    for (std::uint32_t p = 0; p < voters; ++p) peers.push_back(p);
    std::vector<std::int32_t> row_of(voters);
    for (std::size_t r = 0; r < voters; ++r) row_of[r] = static_cast<std::int32_t>(r);

    OthersSums sums;
    sums.reset(peers, width, voters, voters);
    std::vector<std::shared_ptr<MetaEvent>> current(voters);  // by rank
    std::vector<std::shared_ptr<MetaEvent>> alive;            // as the election keeps them
    std::uint64_t serial = 0;
    int resets = 0;
    std::vector<std::uint32_t> limit(voters, ~std::uint32_t{0});  // positions still kept, by row
    for (int step = 0; step < 400; ++step) {
        // Change a few ranks: a new ancestor, none, or the same one again.
        for (int k = 0; k < 3; ++k) {
            const std::size_t rank = rng() % voters;
            const int what = static_cast<int>(rng() % 5);
            const bool one_each = rng() % 2 == 0;
            if (what == 0) {
                current[rank].reset();
            } else if (what < 3) {
                current[rank] = random_meta_event(rng, peers, ++serial, one_each);
                alive.push_back(current[rank]);
            } else if (what == 4 && current[rank]) {
                // A later event that voted as its parent did: another object, the same origin.
                auto later = std::make_shared<MetaEvent>(*current[rank]);
                later->serial = ++serial;
                current[rank] = later;
                alive.push_back(later);
            } else if (what == 3 && current[rank]) {
                // The same object rebuilt with other content (a reused spare).
                *current[rank] = *random_meta_event(rng, peers, ++serial, one_each);
            }
            if (!sums.set_other(rank, current[rank].get(), current[rank] ? current[rank]->serial : 0, static_cast<std::uint32_t>(step))) {
                ++resets;
                sums.reset(peers, width, voters, voters);
                for (std::size_t r = 0; r < voters; ++r) sums.limit_row(r, limit[r]);
                for (std::size_t r = 0; r < voters; ++r)
                    ASSERT_TRUE(sums.set_other(r, current[r].get(), current[r] ? current[r]->serial : 0, static_cast<std::uint32_t>(step)));
            }
        }
        // Now and then a row's first decided entry moves earlier (never later).
        if (rng() % 10 == 0) {
            const std::size_t row = rng() % voters;
            limit[row] = std::min<std::uint32_t>(limit[row], static_cast<std::uint32_t>(rng() % width));
            sums.limit_row(row, limit[row]);
        }
        const std::span<const PositionCounts> kept = sums.sums();
        std::vector<PositionCounts> full(voters * width);
        for (const auto& m : current)
            if (m) add_others(full, width, row_of, m->meta_votes);
        ASSERT_EQ(kept.size(), full.size());
        for (std::size_t i = 0; i < full.size(); ++i)
            for (int lane = 0; lane < 7 && i % width < limit[i / width]; ++lane)
                ASSERT_EQ(kept[i].lane[lane], full[i].lane[lane])
                    << "step " << step << ", row " << i / width << ", position " << i % width << ", lane " << lane;
    }
    EXPECT_GT(resets, 0);  // the rebuilt-object path was exercised
}

TEST(OthersSums, ContinuesOnlyFromTheBuildItIsBoundTo) {
    OthersSums sums;
    const std::vector<std::uint32_t> rows{0, 1, 2};
    sums.reset(rows, 4, 3, 3);
    MetaEvent a, b;
    a.serial = 1;
    b.serial = 2;
    EXPECT_FALSE(sums.continues(&a, 1, rows));  // bound to nothing yet
    sums.bind(&a, 1);
    EXPECT_TRUE(sums.continues(&a, 1, rows));
    EXPECT_FALSE(sums.continues(&a, 3, rows));  // the same object rebuilt since
    EXPECT_FALSE(sums.continues(&b, 2, rows));
    EXPECT_FALSE(sums.continues(&a, 1, std::vector<std::uint32_t>{0, 2}));
    sums.clear();
    EXPECT_FALSE(sums.continues(&a, 1, rows));
}

}  // namespace
