// Graph relations of spec §3 on hand-built graphs: fork-aware ancestry, sees (the table of §3),
// strongly sees counting non-voters, and a differential check against naive graph search.
#include <gtest/gtest.h>

#include <map>

#include "graph/graph.hpp"

using namespace parsec;
using graph::Graph;
using graph::PeerList;
using model::EventIndex;
using model::PeerIndex;

namespace {

struct Builder {
    Graph g;
    PeerList peers;
    std::map<std::string, EventIndex> by_name;
    std::uint32_t counter = 0;

    explicit Builder(std::vector<std::string> names) {
        for (auto& n : names) peers.add(crypto::PeerId{n, {}}, model::state::kActive);
    }
    EventIndex add(const std::string& name, PeerIndex creator, const std::string& self = "",
                   const std::string& other = "") {
        model::Event e;
        e.creator = creator;
        e.cause = self.empty() ? model::CauseKind::Initial
                               : (other.empty() ? model::CauseKind::Requesting : model::CauseKind::Request);
        if (!self.empty()) e.self_parent = by_name.at(self);
        if (!other.empty()) e.other_parent = by_name.at(other);
        e.index_by_creator = self.empty() ? 0 : g[e.self_parent].index_by_creator + 1;
        e.hash[0] = static_cast<std::uint8_t>(++counter);
        e.hash[1] = static_cast<std::uint8_t>(counter >> 8);
        graph::compute_ancestor_info(e, g, peers);
        EventIndex i = g.insert(std::move(e));
        peers.add_event_to_slot(creator, g[i].index_by_creator, i);
        by_name[name] = i;
        return i;
    }
    const model::Event& operator[](const std::string& n) const { return g[by_name.at(n)]; }
};

// A random fork-free graph: `n` peers with an initial event each, then `events` events, each by
// a random peer on its latest event and on another random peer's latest (none if the same peer).
struct RandomDag {
    Builder b;
    std::vector<std::vector<EventIndex>> by_creator;  // each peer's events in order
};
template <typename Next>
RandomDag random_dag(PeerIndex n, int events, Next& next) {
    std::vector<std::string> names;
    for (PeerIndex p = 0; p < n; ++p) names.push_back(std::string(1, static_cast<char>('A' + p)));
    RandomDag d{Builder(names), std::vector<std::vector<EventIndex>>(n)};
    std::vector<std::string> last(n);
    for (PeerIndex p = 0; p < n; ++p) {
        last[p] = names[p] + "0";
        d.by_creator[p].push_back(d.b.add(last[p], p));
    }
    for (int k = 0; k < events; ++k) {
        PeerIndex p = next(n), q = next(n);
        std::string name = names[p] + std::to_string(k + 1);
        d.by_creator[p].push_back(d.b.add(name, p, last[p], q == p ? "" : last[q]));
        last[p] = name;
    }
    return d;
}

// The graph of spec §3: C forks at index 2; A2 descends from C2,0, B2 from C2,1, A3 from both.
Builder fork_graph() {
    Builder b({"A", "B", "C"});
    b.add("C0", 2);
    b.add("C1", 2, "C0");
    b.add("C2,0", 2, "C1");
    b.add("C2,1", 2, "C1");
    b.add("A0", 0);
    b.add("A1", 0, "A0");
    b.add("A2", 0, "A1", "C2,0");
    b.add("B0", 1);
    b.add("B1", 1, "B0");
    b.add("B2", 1, "B1", "C2,1");
    b.add("A3", 0, "A2", "B2");
    return b;
}

}  // namespace

// spec §3 table: descendant and sees for A2, A3, B2 against C1, C2,0, C2,1.
TEST(GraphRelations, Spec3_SeesTableWithFork) {
    Builder b = fork_graph();
    struct Row { const char* x; bool desc[3]; bool sees[3]; };
    const Row rows[] = {{"A2", {true, true, false}, {true, true, false}},
                        {"A3", {true, true, true}, {false, false, false}},
                        {"B2", {true, false, true}, {true, false, true}}};
    const char* ys[] = {"C1", "C2,0", "C2,1"};
    for (const auto& r : rows)
        for (int i = 0; i < 3; ++i) {
            EXPECT_EQ(graph::is_descendant_of(b[r.x], b[ys[i]]), r.desc[i]) << r.x << " desc " << ys[i];
            EXPECT_EQ(graph::sees(b[r.x], b[ys[i]]), r.sees[i]) << r.x << " sees " << ys[i];
        }
    EXPECT_EQ(b["C2,1"].fork_number, 1u);
    EXPECT_EQ(graph::non_fork_last_ancestor(b["A3"], 2), -1) << "A3 knows C forked";
    EXPECT_EQ(graph::non_fork_last_ancestor(b["A2"], 2), 2);
}

// spec §3: a fork by someone other than Y's creator does not stop X seeing Y.
TEST(GraphRelations, Spec3_TransitiveForkDoesNotBlockSeeing) {
    Builder b = fork_graph();
    EXPECT_TRUE(graph::sees(b["A3"], b["B1"]));
    EXPECT_TRUE(graph::sees(b["A3"], b["A1"]));
}

// spec §3 strongly_sees: counts every creator in the ancestry (voters or not) against 2/3 of N.
TEST(GraphRelations, Spec3_StronglySeesCountsNonVoters) {
    Builder b({"A", "B", "C", "D"});
    b.add("A0", 0);
    b.add("B0", 1);
    b.add("C0", 2);
    b.add("D0", 3);
    b.add("B1", 1, "B0", "A0");
    b.add("C1", 2, "C0", "B1");
    b.add("D1", 3, "D0", "C1");
    b.add("A1", 0, "A0", "D1");
    // A1's latest ancestors by A, B, C, D all see A0: 4 creators.
    EXPECT_TRUE(graph::strongly_sees(b["A1"], b["A0"], b.g, b.peers, 4));
    EXPECT_TRUE(graph::strongly_sees(b["A1"], b["A0"], b.g, b.peers, 5)) << "4 of 5 > 2/3";
    EXPECT_FALSE(graph::strongly_sees(b["A1"], b["A0"], b.g, b.peers, 6)) << "4 of 6 is not > 2/3";
    // B1 sees A0 through only A and B.
    EXPECT_FALSE(graph::strongly_sees(b["B1"], b["A0"], b.g, b.peers, 4));
}

// Differential: is_descendant_of agrees with a naive walk over parents on random fork-free DAGs.
TEST(GraphRelations, DifferentialAncestryAgainstNaiveSearch) {
    std::uint64_t s = 12345;
    auto next = [&](std::uint32_t bound) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>((s >> 33) % bound);
    };
    for (int trial = 0; trial < 50; ++trial) {
        const RandomDag d = random_dag(2 + next(5), 40, next);
        const auto& g = d.b.g;
        for (EventIndex x = 0; x < g.size(); ++x) {
            std::vector<char> anc(g.size(), 0);
            std::vector<EventIndex> stack{x};
            while (!stack.empty()) {
                EventIndex e = stack.back();
                stack.pop_back();
                if (anc[e]) continue;
                anc[e] = 1;
                if (g[e].self_parent != model::kNoEvent) stack.push_back(g[e].self_parent);
                if (g[e].other_parent != model::kNoEvent) stack.push_back(g[e].other_parent);
            }
            for (EventIndex y = 0; y < g.size(); ++y)
                ASSERT_EQ(graph::is_descendant_of(g[x], g[y]), anc[y] != 0) << "trial " << trial << " x " << x << " y " << y;
        }
    }
}

// strongly_sees_each (the observer test's batch form, spec §4.4) agrees with strongly_sees for
// every candidate on random fork-free DAGs: candidates by peers 0, 1, 2... in order (its dense
// path) and candidate lists with peers missing or out of order.
TEST(GraphRelations, StronglySeesEachAgreesWithStronglySees) {
    std::uint64_t s = 4242;
    auto next = [&](std::uint32_t bound) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>((s >> 33) % bound);
    };
    std::size_t dense = 0, seen = 0, checked = 0;
    for (int trial = 0; trial < 60; ++trial) {
        const PeerIndex n = 2 + next(8);
        const RandomDag d = random_dag(n, 60, next);
        const Builder& b = d.b;
        const auto& by_creator = d.by_creator;
        for (int round = 0; round < 4; ++round) {
            std::vector<EventIndex> ys;
            const bool all = round % 2 == 0;
            for (PeerIndex p = 0; p < n; ++p)
                if (all || next(3) != 0) ys.push_back(by_creator[p][next(std::min<std::uint32_t>(5, by_creator[p].size()))]);
            if (round == 3 && ys.size() > 1) std::swap(ys.front(), ys.back());
            bool in_order = true;
            for (std::size_t i = 0; i < ys.size(); ++i) in_order = in_order && b.g[ys[i]].creator == i;
            dense += in_order;
            const std::size_t voters = 1 + next(n);
            std::vector<std::uint8_t> out;
            for (EventIndex x = 0; x < b.g.size(); ++x) {
                graph::strongly_sees_each(b.g[x], ys, b.g, b.peers, voters, out);
                ASSERT_EQ(out.size(), ys.size());
                for (std::size_t i = 0; i < ys.size(); ++i) {
                    const bool expect = graph::strongly_sees(b.g[x], b.g[ys[i]], b.g, b.peers, voters);
                    ASSERT_EQ(out[i] != 0, expect) << "trial " << trial << " x " << x << " candidate " << i;
                    seen += expect;
                    ++checked;
                }
            }
        }
    }
    EXPECT_GT(dense, 60u);                 // the dense path ran
    EXPECT_LT(dense, 240u - 30u);          // and the general one
    EXPECT_GT(seen, checked / 10);         // both answers occur often
    EXPECT_LT(seen, checked - checked / 10);
}
