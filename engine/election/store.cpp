#include "election/store.hpp"

namespace parsec::election {

KeyIndex ObservationStore::insert(const ObservationKey& key, const model::Observation& obs) {
    auto [it, inserted] = index_.emplace(std::make_pair(key.hash, key.creator), static_cast<KeyIndex>(entries_.size()));
    if (inserted) entries_.push_back(StoreEntry{obs, key, false, false, {}});
    return it->second;
}

KeyIndex ObservationStore::find(const ObservationKey& key) const {
    auto it = index_.find(std::make_pair(key.hash, key.creator));
    return it == index_.end() ? model::kNoKey : it->second;
}

bool ObservationStore::derived_less(KeyIndex a, KeyIndex b) const {
    const auto& ka = entries_[a].key;
    const auto& kb = entries_[b].key;
    if (ka.is_single() != kb.is_single()) return ka.is_single();
    if (ka.hash != kb.hash) return ka.hash < kb.hash;
    return ka.creator < kb.creator;
}

bool ObservationStore::consistent_less(KeyIndex a, KeyIndex b, const graph::PeerList& peers) const {
    const auto& ka = entries_[a].key;
    const auto& kb = entries_[b].key;
    if (ka.hash != kb.hash) return ka.hash < kb.hash;
    if (ka.is_single() != kb.is_single()) return !ka.is_single();
    if (!ka.is_single()) return false;
    return peers[ka.creator].id < peers[kb.creator].id;
}

model::ConsensusMode mode_of(const model::Observation& obs, model::ConsensusMode instance_mode) {
    if (obs.kind == model::ObsKind::OpaquePayload) return instance_mode;
    if (obs.kind == model::ObsKind::DkgMessage) return model::ConsensusMode::Single;
    return model::ConsensusMode::Supermajority;
}

}  // namespace parsec::election
