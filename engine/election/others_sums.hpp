// The others' per-position sums of spec §5.6 for a creator's latest meta-event, kept so the
// creator's next sync event updates them only for the voters whose latest ancestor changed
// instead of summing every voter again: in a 16-node cluster three in four ancestors are the
// same between a creator's consecutive sync events, and summing is a third of the engine's work.
// It also knows which rows the next event can copy from its parent: nine in ten rows come out
// of next_votes unchanged, and next_votes is a pure function of the parent's row and its sums.
// A cache: the sums equal a full summation exactly. They are used only by the event whose
// self-sync-parent they belong to (checked by build serial), and dropped at every new election,
// the only time meta-events they read can be rebuilt: until then an ancestor event's meta-event
// is built once, so an unchanged ancestor event means an unchanged contribution.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "election/meta_vote.hpp"
#include "model/ids.hpp"

namespace parsec::election {

struct MetaEvent;

class OthersSums {
public:
    // The first-decision lane is kept as bit masks by voter rank, so at most 64 voters.
    static constexpr std::size_t kMaxVoters = 64;
    // Whether keeping the sums pays off with `voters` voters: up to 6 a full summation costs less
    // (bench-replay: at 4 voters 3-5% slower with them, at 8 voters 3-9% faster).
    static bool pays_off(std::size_t voters) { return voters > 6 && voters <= kMaxVoters; }

    // True when these sums belong to `parent` (built with `parent_serial`) and have the rows
    // `row_peer`.
    bool continues(const MetaEvent* parent, std::uint64_t parent_serial,
                   std::span<const model::PeerIndex> row_peer) const;
    // Starts over with rows `row_peer` and `width` positions, nothing summed, every row changed.
    void reset(std::span<const model::PeerIndex> row_peer, std::size_t width, std::size_t peer_count,
               std::size_t voter_count);
    // The row's sums are read only below position `cap` from now on: its parent list's first
    // decided entry is there, and a descendant's first decided entry is never later (spec §5.5
    // keeps a decided entry and stops). Positions at or after it are no longer kept.
    void limit_row(std::size_t row, std::uint32_t cap) {
        if (cap >= limit_[row]) return;
        limit_[row] = cap;
        kept_stale_ = true;
    }
    // Voter rank `rank` now contributes `am` (null: nothing); the previous contribution is taken
    // out. False, changing nothing, if the previous meta-event was rebuilt since it was added (its
    // contribution is unknown): then reset() and add every voter again. The meta-events added must
    // outlive their use here (the election keeps them until its next new election).
    // `serial` is am's (0 for null); `event` is the ancestor event am belongs to (kNoEvent: none).
    bool set_other(std::size_t rank, const MetaEvent* am, std::uint64_t serial, model::EventIndex event) {
        other_event_[rank] = event;
        if (other_[rank] == am && other_serial_[rank] == serial) return true;
        return change_other(rank, am);
    }
    // The ancestor event rank `rank` contributes, as last given to set_other; kUnknown after reset.
    static constexpr model::EventIndex kUnknown = model::kNoEvent - 1;
    model::EventIndex other_event(std::size_t rank) const { return other_event_[rank]; }

    // True when next_votes for `row` is known to return its input unchanged: it did so for the
    // event these sums belong to, and the row's sums have not changed since.
    bool row_unchanged(std::size_t row) const { return fixed_[row] && !dirty_[row]; }
    // The row was computed for the event about to be bound; `fixed`: its output equals its input.
    void finish_row(std::size_t row, bool fixed) {
        fixed_[row] = fixed;
        dirty_[row] = 0;
    }
    // rows x width() sums in the layout set_meta_votes reads (lane 6: the first decision by
    // rank), read in place. Only each row's kept positions are exact: later ones are never read.
    std::span<const PositionCounts> sums() const { return sums_; }
    std::size_t width() const { return width_; }
    // The sums now belong to `meta` (built with `serial`).
    void bind(const MetaEvent* meta, std::uint64_t serial) {
        meta_ = meta;
        serial_ = serial;
    }
    void clear() { meta_ = nullptr; }
    // Starts loading what the next event's update reads first (the ancestors by rank, the row flags).
    void prefetch() const {
        __builtin_prefetch(other_event_.data());
        __builtin_prefetch(other_.data());
        __builtin_prefetch(limit_.data(), 1);
        __builtin_prefetch(dirty_.data(), 1);
        __builtin_prefetch(fixed_.data(), 1);
    }

private:
    bool change_other(std::size_t rank, const MetaEvent* am);
    void replace(std::size_t rank, const MetaEvent& old, const MetaEvent& now);
    void add_entry(std::size_t row, std::size_t at, std::uint8_t flags, std::uint64_t bit, bool add);
    void swap_entry(std::size_t row, std::size_t at, std::uint8_t from, std::uint8_t to, std::uint64_t bit);
    void set_decided(std::size_t at, std::uint16_t decision, std::uint64_t bit, bool add);
    template <bool Add>
    void apply(std::size_t rank, const MetaEvent& am);
    template <typename Visit>
    void for_each_kept_row(Visit visit);

    const MetaEvent* meta_ = nullptr;  // null: nothing valid
    std::uint64_t serial_ = 0;
    std::vector<model::PeerIndex> row_peer_;
    std::size_t peer_count_ = 0;        // rows for peers beyond it are never summed
    std::vector<std::uint32_t> limit_;  // row -> positions still kept
    // The rows that keep a position, with their number of kept positions, listed again when a
    // limit changed: every ancestor change walks them, and most rows are soon kept nowhere.
    struct KeptRow {
        std::uint32_t row, limit;
    };
    std::vector<KeptRow> kept_;
    std::uint64_t kept_mask_ = 0;  // the same rows as bits (at most kMaxVoters rows)
    bool kept_stale_ = true;
    void list_kept_rows();
    bool replace_single_entries(std::uint64_t bit, const MetaVoteRows& a, const MetaVoteRows& b);
    std::size_t width_ = 0;
    std::vector<PositionCounts> sums_;  // rows x width; lane 6 follows the decided masks
    std::vector<std::uint64_t> decided_true_, decided_false_;  // rows x width: ranks with a decided entry
    std::vector<const MetaEvent*> other_;                       // by rank
    std::vector<std::uint64_t> other_serial_;
    std::vector<model::EventIndex> other_event_;  // by rank
    std::vector<std::uint8_t> dirty_;             // row -> sums changed since finish_row
    std::vector<std::uint8_t> fixed_;             // row -> the last output equalled its input
};

// One OthersSums per creator. Copies start empty: a checkpoint need not carry a cache.
// A finished election hands its caches, with their buffers, to the next one on this thread:
// each replay of a recording starts a fresh engine, and each cache holds ten buffers.
class OthersSumsByCreator {
public:
    OthersSumsByCreator() = default;
    OthersSumsByCreator(const OthersSumsByCreator&) {}
    OthersSumsByCreator& operator=(const OthersSumsByCreator&) {
        by_creator_.clear();
        return *this;
    }
    OthersSumsByCreator(OthersSumsByCreator&&) noexcept = default;
    OthersSumsByCreator& operator=(OthersSumsByCreator&&) noexcept = default;
    ~OthersSumsByCreator();

    OthersSums& operator[](model::PeerIndex creator) {
        if (creator >= by_creator_.size()) grow(creator + 1);
        return by_creator_[creator];
    }
    void clear_all() {
        for (auto& s : by_creator_) s.clear();
    }

private:
    void grow(std::size_t size);  // new entries come from this thread's finished elections if any
    std::vector<OthersSums> by_creator_;
};

}  // namespace parsec::election
