// The observation store: payload keys with their flags (spec §1.3).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/peer_list.hpp"
#include "model/observation.hpp"

namespace parsec::election {

using model::KeyIndex;
using model::PeerIndex;

// Single(hash, creator) when the payload's mode is Single, else Supermajority(hash) (spec §1.3).
struct ObservationKey {
    core::Hash32 hash{};
    PeerIndex creator = model::kNoPeer;  // kNoPeer for Supermajority keys
    bool is_single() const { return creator != model::kNoPeer; }
    bool operator==(const ObservationKey&) const = default;
};

struct StoreEntry {
    model::Observation observation;
    ObservationKey key;
    bool consensused = false;
    bool created_by_us = false;
    // Every event voting this key, in insertion order: the duplicate-vote check (spec §7.1 #5)
    // looks here instead of walking the creator's whole history.
    std::vector<model::EventIndex> vote_events;
};

class ObservationStore {
public:
    // Returns the key's index, inserting the observation the first time.
    KeyIndex insert(const ObservationKey& key, const model::Observation& obs);
    KeyIndex find(const ObservationKey& key) const;
    size_t size() const { return entries_.size(); }
    StoreEntry& operator[](KeyIndex k) { return entries_[k]; }
    const StoreEntry& operator[](KeyIndex k) const { return entries_[k]; }

    // Derived order (variant: Single < Supermajority, then hash, then local index): spec §1.3.
    bool derived_less(KeyIndex a, KeyIndex b) const;
    // Consistent order (hash, then creator id with absent first): spec §1.3.
    bool consistent_less(KeyIndex a, KeyIndex b, const graph::PeerList& peers) const;

private:
    std::vector<StoreEntry> entries_;
    std::map<std::pair<core::Hash32, PeerIndex>, KeyIndex> index_;
};

model::ConsensusMode mode_of(const model::Observation& obs, model::ConsensusMode instance_mode);

}  // namespace parsec::election
