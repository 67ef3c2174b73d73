// One PARSEC peer: the public API of the reference's Parsec instance (spec §2, §4.6, §6, §8).
// Pure: inputs are calls, outputs are returned messages and polled blocks. No I/O, no clocks.
#pragma once
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "election/meta_election.hpp"
#include "graph/graph.hpp"
#include "model/event.hpp"

namespace parsec::node {

using core::Error;
using core::Result;
using core::Status;
using crypto::PeerId;
using model::EventIndex;
using model::KeyIndex;
using model::Observation;
using model::PeerIndex;

struct Proof {
    PeerId id;
    crypto::Signature signature;
};

struct Block {
    Observation payload;
    std::vector<Proof> proofs;  // sorted by id
};

struct NodeOptions {
    model::ConsensusMode mode = model::ConsensusMode::Supermajority;
    bool malice_detection = false;  // spec §7; off in every reference recording
    bool keep_meta_history = false; // keep every event's last meta-event for inspection (debugger)
};

// One decision as it happened at this node: the deciding event and the keys in block order.
struct Decision {
    EventIndex deciding_event;
    std::vector<KeyIndex> keys;
};

class Node;
// Called at spec §4.6 step 4: the decision is known, nothing has been applied yet (dump moment).
using DecisionHook = std::function<void(const Node&, EventIndex deciding_event, const std::vector<KeyIndex>& keys)>;

class Node {
public:
    static Result<Node> from_genesis(crypto::Identity our, std::vector<PeerId> genesis_group, NodeOptions options,
                                     std::shared_ptr<const crypto::Crypto> crypto);
    // A node joining an existing section (spec §2.1): no events until Add(us) is decided.
    static Result<Node> from_existing(crypto::Identity our, std::vector<PeerId> genesis_group,
                                      std::vector<PeerId> section, NodeOptions options,
                                      std::shared_ptr<const crypto::Crypto> crypto);
    Node(Node&&) = default;
    Node& operator=(Node&&) = default;
    Node(const Node&) = default;             // a checkpoint is a copy
    Node& operator=(const Node&) = default;

    // spec §2.2
    Status vote_for(const Observation& obs);
    // spec §2.3: adds our Requesting event and returns the events to send.
    Result<model::Message> create_gossip(const PeerId& peer);
    // The same without packing the message, for a replay that would discard it.
    Status create_gossip_event(const PeerId& peer);
    // spec §2.4. `dkg_votes` are our own DkgMessage votes to create before our sync event (replay only).
    Result<model::Message> handle_request(const PeerId& src, const model::Message& msg,
                                          const std::vector<Observation>& dkg_votes = {});
    Status handle_response(const PeerId& src, const model::Message& msg,
                           const std::vector<Observation>& dkg_votes = {});
    // handle_request without packing the response, for a replay that would discard it.
    Status handle_request_discarding_response(const PeerId& src, const model::Message& msg,
                                              const std::vector<Observation>& dkg_votes = {});
    std::optional<Block> poll();

    void set_decision_hook(DecisionHook hook) { decision_hook_ = std::move(hook); }
    // A hint: about `n` events will be held (a replay knows its count); avoids regrowing.
    void reserve_events(size_t n);

    // Gossip targets: peers with DKG|RECV other than us, if we may send (spec §2.3).
    std::vector<PeerId> gossip_recipients() const;
    bool can_vote() const;

    // Read-only access for views, exports and tests.
    const crypto::Identity& identity() const { return our_; }
    const graph::Graph& graph() const { return graph_; }
    const graph::PeerList& peers() const { return peers_; }
    const election::ObservationStore& store() const { return store_; }
    const election::MetaElection& election() const { return election_; }
    election::ElectionContext context() const { return {graph_, peers_, store_, options_.mode}; }
    const std::vector<Decision>& decisions() const { return decisions_; }
    // Work counters: events processed (spec §4.6), each re-processing after a decision (§6.4)
    // counted again, and how many of those processings were such re-processings; the packed events
    // received in messages, and how many of those we held already (§2.4 step 3a).
    std::uint64_t processed_events() const { return processed_events_; }
    std::uint64_t reprocessed_events() const { return reprocessed_events_; }
    std::uint64_t received_events() const { return received_events_; }
    std::uint64_t received_held() const { return received_held_; }
    const NodeOptions& options() const { return options_; }
    const crypto::Crypto& crypto() const { return *crypto_; }
    // Accusations detected but not yet voted, and those we voted (spec §7.3).
    const std::vector<std::pair<PeerIndex, model::Malice>>& pending_accusations() const { return pending_accusations_; }
    const std::vector<std::pair<PeerIndex, model::Malice>>& made_accusations() const { return made_accusations_; }
    // The event as we would gossip it: the packed event it was made from, shared.
    const model::SealedRef& pack(EventIndex e) const { return graph_[e].sealed; }

private:
    Node() = default;
    enum class MessageKind { Request, Response };
    // Returns our response to a Request when `respond`, else an empty message.
    Result<model::Message> handle_message(MessageKind kind, const PeerId& src, const model::Message& msg,
                                          const std::vector<Observation>& dkg_votes, bool respond);
    // Adds our Requesting event for `peer` (spec §2.3) and returns the peer's index.
    Result<PeerIndex> add_requesting_event(const PeerId& peer);
    Result<EventIndex> unpack_and_add(const model::SealedRef& sealed);
    // Where a held copy of `packed` would be: its creator's events at its index (one unless the
    // creator forked), found through the creator's slots rather than the graph's hash table (a
    // cache miss per lookup in a large graph). Empty when the creator (`creator` =
    // peers_.find(packed.creator)) or the self-parent is unknown: then packed is not held.
    // `self_parent` receives the self-parent found (kNoEvent for an Initial event).
    const graph::Slot& held_place(PeerIndex creator, const model::PackedEvent& packed, EventIndex& self_parent) const;
    // The event at `place` whose packed form has every field encode_content reads equal to
    // packed's, so the same content and hash, found without encoding or hashing. kNoEvent means
    // "not found this way", not "not held": the hashes decide then.
    EventIndex find_held_copy(const graph::Slot& place, EventIndex self_parent, const model::SealedEvent& sealed) const;
    // graph_.find(h) for a self-parent of `creator`: usually its latest event, checked first.
    EventIndex find_self_parent(PeerIndex creator, const core::Hash32& h) const;
    Status add_own_event(model::PackedEvent packed);
    // Our signature of a vote's payload, hashed as it is signed: every peer that verifies the vote
    // later then finds the memo entry (a memoising crypto).
    crypto::Signature sign_vote(const Observation& obs) const;
    // The event's hash under our crypto and whether its signature verifies: from its seal when it
    // was sealed under our scheme (the usual case), else computed here.
    core::Hash32 checked_hash(const model::SealedEvent& sealed, bool& valid) const;
    // The event `sealed` makes, its signature checked.
    Result<model::Event> unpack(const model::SealedRef& sealed);
    // unpack into `e`, a default-constructed event (the hot paths: no copy of the result) whose
    // creator may already be set to the packed creator's index; `hash` is checked_hash's, and the
    // signature is known to be valid.
    Status unpack_into(model::Event& e, const model::SealedRef& sealed, const core::Hash32& hash);
    Status add_event(model::Event&& e);
    model::PackedEvent new_own_event(model::CauseKind cause) const;
    std::vector<EventIndex> events_to_gossip_to_peer(PeerIndex peer) const;
    model::Message pack_all(const std::vector<EventIndex>& events) const;
    election::ObservationKey key_for(const Observation& obs, PeerIndex creator, const core::Hash32& hash) const;
    bool new_peer_can_recv(PeerIndex x) const;

    // Processing (spec §4.6) and what a decision does (§6.3, §8).
    Status process_events(EventIndex start);
    Result<EventIndex> process_event(EventIndex i);   // returns the restart index or kNoEvent
    Status create_blocks(const std::vector<KeyIndex>& keys);
    void handle_consensus(KeyIndex key, EventIndex deciding_event, std::vector<election::MembershipChange>& changes);

    // Malice detection (spec §7), active only with NodeOptions::malice_detection.
    Status detect_malice(const model::Event& e, const model::PackedEvent& packed);
    void accuse(PeerIndex offender, model::Malice malice);
    bool is_valid_sync(const model::Event& e) const;
    void update_awaiting(EventIndex inserted);
    Status create_accusation_events(EventIndex other_parent);
    // The genesis group: the stored Genesis vote's, else the voters' ids, built in `scratch`.
    const std::vector<crypto::PeerId>& genesis_group(std::vector<crypto::PeerId>& scratch) const;
    bool have_accused(PeerIndex offender, const model::Malice& malice) const;
    bool has_own_events() const { return !peers_[model::kOurIndex].slots.empty(); }
    // Our events due while we have none yet are queued, then made once our Initial exists (§2.6).
    Status add_or_queue_own_event(model::PackedEvent packed);
    Status flush_pending_events();
    void insert_our_initial_event();

    crypto::Identity our_;
    std::shared_ptr<const crypto::Crypto> crypto_;
    NodeOptions options_;
    graph::Graph graph_;
    graph::PeerList peers_;
    election::ObservationStore store_;
    election::MetaElection election_;
    std::deque<std::vector<Block>> block_groups_;
    std::vector<Decision> decisions_;
    std::uint64_t processed_events_ = 0, reprocessed_events_ = 0, received_events_ = 0, received_held_ = 0;
    DecisionHook decision_hook_;
    std::vector<std::pair<PeerIndex, model::Malice>> pending_accusations_;
    std::vector<std::pair<PeerIndex, model::Malice>> made_accusations_;  // ours, already voted
    std::vector<model::PackedEvent> pending_events_;  // joining node only
    std::vector<EventIndex> awaiting_;   // Requesting/Request events not yet answered (spec §7.1)
};

}  // namespace parsec::node
