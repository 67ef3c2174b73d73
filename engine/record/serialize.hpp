// cereal serialization of the simulator's and the recording's types (portable binary only: never
// JSON-archive hashes, toolchain §5). Internal to engine/record; found by ADL.
//
// Sequences and strings go through `seq`/`text` rather than cereal's own vector/string support:
// those resize to the stored count before reading, so one damaged count could ask for terabytes.
// Here elements are read one by one, so memory never outgrows the bytes actually present. Booleans
// travel as a byte checked to be 0 or 1 (a bool holding 7 is undefined behaviour).
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/variant.hpp>
#include <string>
#include <vector>

#include "record/recording.hpp"

namespace parsec::record::wire {

template <class A, class T>
void seq(A& a, std::vector<T>& v) {
    if constexpr (A::is_loading::value) {
        cereal::size_type n = 0;
        a(cereal::make_size_tag(n));
        v.clear();
        for (cereal::size_type i = 0; i < n; ++i) {
            T item{};
            a(item);
            v.push_back(std::move(item));
        }
    } else {
        a(cereal::make_size_tag(static_cast<cereal::size_type>(v.size())));
        for (auto& item : v) a(item);
    }
}

template <class A>
void text(A& a, std::string& s) {
    if constexpr (A::is_loading::value) {
        cereal::size_type n = 0;
        a(cereal::make_size_tag(n));
        s.clear();
        constexpr cereal::size_type kBlock = 4096;
        while (n > 0) {
            const auto take = static_cast<std::size_t>(n < kBlock ? n : kBlock);
            const std::size_t old = s.size();
            s.resize(old + take);
            a(cereal::binary_data(s.data() + old, take));
            n -= take;
        }
    } else {
        a(cereal::make_size_tag(static_cast<cereal::size_type>(s.size())));
        a(cereal::binary_data(s.data(), s.size()));
    }
}

template <class A>
void flag(A& a, bool& b) {
    std::uint8_t byte = b ? 1 : 0;
    a(byte);
    if constexpr (A::is_loading::value) {
        if (byte > 1) throw cereal::Exception("a boolean field holds " + std::to_string(byte));
        b = byte == 1;
    }
}

// A vector of trivially small integers: one size tag, then the elements.
template <class A, class T>
void ints(A& a, std::vector<T>& v) {
    seq(a, v);
}

}  // namespace parsec::record::wire

namespace parsec::sim {

template <class A> void serialize(A& a, Ratio& r) { a(r.numerator, r.denominator); }
template <class A> void serialize(A& a, Latency& l) { a(l.shape, l.ticks_a, l.ticks_b); }
template <class A> void serialize(A& a, LinkParams& l) { a(l.latency, l.drop, l.duplicate, l.reorder); }
template <class A> void serialize(A& a, FaultChange& f) {
    a(f.kind, f.node, f.peer, f.link);
    record::wire::ints(a, f.groups);
}
template <class A> void serialize(A& a, ScriptEvent& e) { a(e.tick, e.kind, e.fault, e.node); }
template <class A> void serialize(A& a, WorkloadConfig& w) {
    a(w.payload_chance, w.payloads_max, w.vote_delay);
    record::wire::ints(a, w.voters);
}
template <class A> void serialize(A& a, SimConfig& c) {
    a(c.seed, c.genesis_count, c.joiner_count, c.mode, c.identities);
    record::wire::flag(a, c.malice_detection);
    record::wire::flag(a, c.safety_only);
    a(c.ticks_max, c.until_blocks, c.gossip_chance, c.link);
    record::wire::seq(a, c.script);
    record::wire::ints(a, c.byzantine);
    a(c.byzantine_chance, c.workload, c.progress_ticks_max);
}

template <class A> void serialize(A& a, GossipInput& i) { a(i.from, i.to); }
template <class A> void serialize(A& a, DeliverInput& i) { a(i.message); }
template <class A> void serialize(A& a, DropInput& i) { a(i.message, i.reason); }
template <class A> void serialize(A& a, DuplicateInput& i) { a(i.message); }
template <class A> void serialize(A& a, VoteInput& i) {
    a(i.node, i.kind);
    record::wire::text(a, i.text);
    a(i.peer);
}
template <class A> void serialize(A& a, FaultInput& i) { a(i.change, i.script_index); }
template <class A> void serialize(A& a, ByzantineInput& i) { a(i.node, i.kind, i.victim_a, i.victim_b); }
template <class A> void serialize(A& a, JoinInput& i) { a(i.node); }
template <class A> void serialize(A& a, Input& i) { a(i.tick, i.body); }

template <class A> void serialize(A& a, CreatedEvent& e) { a(e.node, e.hash); }
template <class A> void serialize(A& a, Insertion& e) { a(e.node, e.count, e.fold); }
template <class A> void serialize(A& a, PolledBlock& e) { a(e.node, e.payload); }
template <class A> void serialize(A& a, NodeError& e) {
    a(e.node);
    record::wire::text(a, e.kind);
}
template <class A> void serialize(A& a, Outcome& o) {
    record::wire::seq(a, o.created);
    record::wire::seq(a, o.inserted);
    record::wire::seq(a, o.blocks);
    record::wire::seq(a, o.errors);
    record::wire::ints(a, o.sent);
}
template <class A> void serialize(A& a, Marker& m) {
    a(m.tick, m.input, m.kind);
    record::wire::ints(a, m.nodes);
    record::wire::text(a, m.text);
}

}  // namespace parsec::sim

namespace parsec::record {

template <class A> void serialize(A& a, PeerKey& p) {
    wire::text(a, p.name);
    a(p.public_key);
}
template <class A> void serialize(A& a, Checkpoint& c) { a(c.input, c.tick, c.digest); }

}  // namespace parsec::record
