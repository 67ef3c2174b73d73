// Invariants checked as the run goes (TigerBeetle's state checker, spec §11.2 pass criteria):
// agreement (honest block sequences are prefixes of one another, no duplicates), no honest node
// accused, and progress after the network heals. A violation is a Marker, never an abort.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "sim/cluster.hpp"

namespace parsec::sim {

enum class MarkerKind : std::uint8_t {
    Agreement = 0,      // violation: two honest nodes polled different blocks at one position
    Integrity = 1,      // violation: an honest node polled the same payload twice
    HonestAccused = 2,  // violation: an honest node was accused
    Progress = 3,       // violation: no new block within the bound after healing
    Accusation = 4,     // information: a node accused another (spec §7.3)
    NodeError = 5,      // information: an honest engine refused an honest message
};
const char* marker_kind_name(MarkerKind k);
bool is_violation(MarkerKind k);
struct Marker {
    Tick tick = 0;
    InputIndex input = 0;
    MarkerKind kind = MarkerKind::Agreement;
    std::vector<NodeId> nodes;
    std::string text;
    bool operator==(const Marker&) const = default;
};
// When and what kind: "t=195 input 2525 node-error".
std::string marker_heading(const Marker& m);
// One line for people: "t=195 input 2525 node-error [Dave,Hank] Dave refused ...".
std::string describe_marker(const Marker& m, const std::vector<std::string>& names);

class Checkers {
public:
    explicit Checkers(const SimConfig& config);

    // After each applied input (index = its position along the path).
    // `sender` is the sender of a delivered message (kNoNode otherwise).
    void after_input(const Cluster& cluster, InputIndex index, const Input& input, const Outcome& outcome,
                     NodeId sender);
    // At the end of each tick: the progress bound.
    void after_tick(const Cluster& cluster, Tick now, InputIndex next_index);
    // A checker taking over a restored cluster (seek, branch) starts from its blocks and votes.
    void adopt(const Cluster& cluster);
    // When the run stops: requested blocks not reached is a progress violation.
    void at_end(const Cluster& cluster, InputIndex next_index);

    // Takes every marker produced since the last call.
    std::vector<Marker> take_markers();
    std::size_t violation_count() const { return violations_; }
    std::size_t marker_count(MarkerKind k) const;

    // Workload payloads voted by an honest node, and how many of them each node has decided.
    std::size_t expected_payloads() const { return first_vote_tick_.size(); }
    std::size_t decided_payloads(NodeId n) const { return decided_[n].size(); }
    // Every live honest node polled every workload payload an honest node voted, and at least `blocks`.
    bool reached(const Cluster& cluster, std::uint32_t blocks) const;
    bool is_expected(const ClusterNode& n) const;  // counted by reached() and progress

private:
    void emit(Tick tick, InputIndex index, MarkerKind kind, std::vector<NodeId> nodes, std::string text);
    void check_blocks(const Cluster& cluster, InputIndex index, NodeId node);
    void check_accusations(const Cluster& cluster, InputIndex index, NodeId node);

    SimConfig config_;
    std::vector<core::Hash32> canonical_;        // the longest honest block sequence seen
    std::vector<NodeId> canonical_owner_;        // who first polled each position
    std::vector<std::size_t> checked_;           // blocks already checked, per node
    std::vector<bool> diverged_;                 // reported once per node
    std::vector<std::set<core::Hash32>> seen_;   // payloads polled, per node
    std::vector<std::set<std::string>> decided_; // workload payload texts polled, per node
    std::vector<std::size_t> accusations_seen_;  // made_accusations() already reported, per node
    std::map<std::string, Tick> first_vote_tick_;
    std::vector<Tick> last_block_tick_;
    std::vector<std::size_t> progress_reports_;
    std::vector<Marker> pending_;
    std::set<std::string> reported_errors_;
    std::size_t violations_ = 0;
    std::map<MarkerKind, std::size_t> counts_;
};

}  // namespace parsec::sim
