// SimCliOptions → SimConfig: defaults for the run length, then every SPEC in a fixed order so the
// same command line always yields the same configuration.
#include "cli/sim_options.hpp"

#include <CLI/CLI.hpp>

#include "sim/fault_spec.hpp"

namespace parsec::app {

using core::make_error;

namespace {
constexpr std::uint32_t kDefaultBlocks = 10;
constexpr std::uint64_t kDefaultTicksMax = 50000;  // a bound for --until-blocks runs
}  // namespace

const char* sim_spec_help() {
    return "SPECs (ticks are virtual time; probabilities as 0.1, 1/8 or 5%):\n"
           "  --workload rate=1/8,payloads=100,delay=0..12,voters=Alice+Bob,gossip=1/2\n"
           "                                       rate: chance per tick of a new payload; payloads: then no more;\n"
           "                                       delay: from the proposal to each vote; voters: who votes\n"
           "                                       (each of them, or one at random in Single mode; 'all');\n"
           "                                       gossip: each node's chance per tick to start a gossip\n"
           "  --faults drop=0.1,dup=0.05,delay=1..20,reorder=0.1   default link; delay N | A..B | exp:MEAN;\n"
           "                                       add @T1..T2 to apply only between those ticks\n"
           "  --link 'Alice>Bob:drop=1@10..50'     one direction ('Alice-Bob:...' both ways)\n"
           "  --partition 'Alice,Bob|Carol,Dave@100..400'   groups split at 100, healed at 400;\n"
           "                                       unlisted nodes form one more group\n"
           "  --crash NODE@T   --pause NODE@T1..T2   --restart NODE@T1..T2 (down T1, back up at T2)\n"
           "  --add [NAME]@T   --remove NAME@T     membership changes voted by the members (spec §8); a\n"
           "                                       removed node stops at T, then is voted out; a removal\n"
           "                                       or crash waits while the rest would not stay >2/3\n"
           "  --byzantine fork=1,double-vote=1     that many genesis nodes of each kind, chosen from the seed\n"
           "  --byzantine-node NAME=KIND           kinds: fork, double-vote, bad-signature, premature-gossip,\n"
           "                                       same-creator-other-parent, withhold\n"
           "Without --safety-only, faulty nodes (Byzantine or crashed) must stay below a third.\n";
}

void add_cluster_options(CLI::App& cmd, SimCliOptions& o) {
    cmd.add_option("--mode", o.mode, "Consensus mode: single or supermajority")
        ->check(CLI::IsMember({"single", "supermajority"}))
        ->capture_default_str();
    cmd.add_option("--identities", o.identities, "real (Ed25519, every event signed and verified) or mock")
        ->check(CLI::IsMember({"real", "mock"}))
        ->capture_default_str();
    cmd.add_option("--ticks", o.ticks, "Run this many ticks (with --until-blocks: at most this many)");
    cmd.add_option("--until-blocks", o.until_blocks,
                   "Run until every live honest node polled B opaque blocks (default 10 without --ticks)");
    cmd.add_flag("--safety-only", o.safety_only, "Unlimited faults; check agreement only, not progress");
    cmd.add_option("--workload", o.workload,
                   "Votes and gossip: rate=P,payloads=N,delay=A..B,voters=A+B,gossip=P (default "
                   "rate=1/8,delay=0..12,voters=all,gossip=1/2)");
    cmd.add_option("--faults", o.faults, "Default link faults: drop=P,dup=P,delay=A..B,reorder=P[@T1..T2]");
    cmd.add_option("--link", o.links, "Faults of one link: 'FROM>TO:SETTINGS[@T1..T2]'");
    cmd.add_option("--partition", o.partitions, "Partition and heal: 'A,B|C,D@T1..T2'");
    cmd.add_option("--crash", o.crashes, "NODE@TICK: the node stops for good");
    cmd.add_option("--pause", o.pauses, "NODE@T1..T2: the node is frozen, messages to it wait");
    cmd.add_option("--restart", o.restarts, "NODE@T1..T2: the node is down (messages lost), then resumes");
    cmd.add_option("--add", o.adds, "[NAME]@TICK: a new node joins and is voted in");
    cmd.add_option("--remove", o.removes, "NAME@TICK: a member stops at TICK and is voted out");
    cmd.add_option("--byzantine", o.byzantine, "KIND=COUNT,...: Byzantine nodes chosen from the seed");
    cmd.add_option("--byzantine-node", o.byzantine_nodes, "NAME=KIND: this node is Byzantine");
}

core::Result<sim::SimConfig> build_sim_config(const SimCliOptions& o, std::uint32_t nodes, std::uint64_t seed) {
    sim::SimConfig c;
    if (nodes < 1 || nodes > sim::kNodesMax)
        return make_error("InvalidOption", "--nodes must be 1 to " + std::to_string(sim::kNodesMax) + ", got " +
                                               std::to_string(nodes));
    c.seed = seed;
    c.genesis_count = static_cast<std::uint16_t>(nodes);
    c.mode = o.mode == "single" ? model::ConsensusMode::Single : model::ConsensusMode::Supermajority;
    c.identities = o.identities == "mock" ? crypto::IdentityKind::Mock : crypto::IdentityKind::Ed25519;
    c.safety_only = o.safety_only;
    if (o.ticks == 0 && o.until_blocks == 0) {
        c.until_blocks = kDefaultBlocks;
        c.ticks_max = kDefaultTicksMax;
    } else {
        c.until_blocks = o.until_blocks;
        c.ticks_max = o.ticks != 0 ? o.ticks : kDefaultTicksMax;
    }
    // Joiners first: every later SPEC may name them (a partition, a crash, a link of a joiner).
    for (const auto& s : o.adds)
        if (auto st = sim::add_join_spec(s, c); !st.ok()) return st.error();
    if (!o.workload.empty())
        if (auto st = sim::apply_workload_spec(o.workload, c); !st.ok()) return st.error();
    for (const auto& s : o.faults)
        if (auto st = sim::apply_faults_spec(s, c); !st.ok()) return st.error();
    for (const auto& s : o.links)
        if (auto st = sim::add_link_spec(s, c); !st.ok()) return st.error();
    for (const auto& s : o.partitions)
        if (auto st = sim::add_partition_spec(s, c); !st.ok()) return st.error();
    for (const auto& s : o.crashes)
        if (auto st = sim::add_crash_spec(s, c); !st.ok()) return st.error();
    for (const auto& s : o.pauses)
        if (auto st = sim::add_pause_spec(s, c); !st.ok()) return st.error();
    for (const auto& s : o.restarts)
        if (auto st = sim::add_restart_spec(s, c); !st.ok()) return st.error();
    for (const auto& s : o.removes)
        if (auto st = sim::add_remove_spec(s, c); !st.ok()) return st.error();
    for (const auto& s : o.byzantine_nodes)
        if (auto st = sim::add_byzantine_node_spec(s, c); !st.ok()) return st.error();
    if (!o.byzantine.empty())
        if (auto st = sim::apply_byzantine_spec(o.byzantine, c); !st.ok()) return st.error();
    sim::finalize_spec(c);
    if (auto st = sim::validate(c); !st.ok()) return st.error();
    return c;
}

}  // namespace parsec::app
