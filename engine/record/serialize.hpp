// cereal serialization of the simulator's and the recording's types (portable binary only: never
// JSON-archive hashes, toolchain §5). Internal to engine/record; found by ADL.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/variant.hpp>
#include <cereal/types/vector.hpp>

#include "record/recording.hpp"

namespace parsec::sim {

template <class A> void serialize(A& a, Ratio& r) { a(r.numerator, r.denominator); }
template <class A> void serialize(A& a, Latency& l) { a(l.shape, l.ticks_a, l.ticks_b); }
template <class A> void serialize(A& a, LinkParams& l) { a(l.latency, l.drop, l.duplicate, l.reorder); }
template <class A> void serialize(A& a, FaultChange& f) { a(f.kind, f.node, f.peer, f.link, f.groups); }
template <class A> void serialize(A& a, ScriptEvent& e) { a(e.tick, e.kind, e.fault, e.node); }
template <class A> void serialize(A& a, WorkloadConfig& w) { a(w.payload_chance, w.payloads_max, w.vote_delay, w.voters); }
template <class A> void serialize(A& a, SimConfig& c) {
    a(c.seed, c.genesis_count, c.joiner_count, c.mode, c.identities, c.malice_detection, c.safety_only);
    a(c.ticks_max, c.until_blocks, c.gossip_chance, c.link, c.script, c.byzantine, c.byzantine_chance);
    a(c.workload, c.progress_ticks_max);
}

template <class A> void serialize(A& a, GossipInput& i) { a(i.from, i.to); }
template <class A> void serialize(A& a, DeliverInput& i) { a(i.message); }
template <class A> void serialize(A& a, DropInput& i) { a(i.message, i.reason); }
template <class A> void serialize(A& a, DuplicateInput& i) { a(i.message); }
template <class A> void serialize(A& a, VoteInput& i) { a(i.node, i.kind, i.text, i.peer); }
template <class A> void serialize(A& a, FaultInput& i) { a(i.change, i.script_index); }
template <class A> void serialize(A& a, ByzantineInput& i) { a(i.node, i.kind, i.victim_a, i.victim_b); }
template <class A> void serialize(A& a, JoinInput& i) { a(i.node); }
template <class A> void serialize(A& a, Input& i) { a(i.tick, i.body); }

template <class A> void serialize(A& a, CreatedEvent& e) { a(e.node, e.hash); }
template <class A> void serialize(A& a, Insertion& e) { a(e.node, e.count, e.fold); }
template <class A> void serialize(A& a, PolledBlock& e) { a(e.node, e.payload); }
template <class A> void serialize(A& a, NodeError& e) { a(e.node, e.kind); }
template <class A> void serialize(A& a, Outcome& o) { a(o.created, o.inserted, o.blocks, o.errors, o.sent); }
template <class A> void serialize(A& a, Marker& m) { a(m.tick, m.input, m.kind, m.nodes, m.text); }

}  // namespace parsec::sim

namespace parsec::record {

template <class A> void serialize(A& a, PeerKey& p) { a(p.name, p.public_key); }
template <class A> void serialize(A& a, Checkpoint& c) { a(c.input, c.tick, c.digest); }

}  // namespace parsec::record
