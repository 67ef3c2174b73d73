// Meta-votes of the binary agreement and their update rules (spec §5), as pure functions.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/small_vector.hpp"

namespace parsec::election {

// Bool sets are two bits: kTrue and kFalse.
inline constexpr std::uint8_t kTrue = 1;
inline constexpr std::uint8_t kFalse = 2;
inline constexpr std::uint8_t kBoth = 3;

enum class Step : std::uint8_t { ForcedTrue = 0, ForcedFalse = 1, GenuineFlip = 2 };

// Eight bytes: meta-events hold one list per voter, so with many voters this is most of the
// election's memory and of what each new event reads (spec §5.6).
struct MetaVote {
    std::uint32_t round = 0;
    Step step = Step::ForcedTrue;
    bool decided : 1 = false;
    bool decision : 1 = false;  // valid if decided
    std::uint8_t est : 2 = 0;   // bool set (undecided only)
    std::uint8_t bin : 2 = 0;   // bool set (undecided only)
    std::int8_t aux : 2 = -1;   // -1 none, 0 false, 1 true (undecided only)

    bool operator==(const MetaVote&) const = default;
    // Position in a list that starts at (0, 0): lists are contiguous in (round, step).
    std::size_t position() const { return round * 3u + static_cast<std::size_t>(step); }
};

// Lists hold 1-6 entries in practice (spec §5.1), so they live inline in their meta-event.
using MetaVoteList = core::SmallVector<MetaVote, 4>;

// The coin in force at v0.7.3: true in odd rounds (spec §5.7).
inline bool coin(std::uint32_t round) { return (round % 2) == 1; }

struct Counts {
    std::uint32_t est_t = 0, est_f = 0, bin_t = 0, bin_f = 0, aux_t = 0, aux_f = 0;
    std::int8_t decision = -1;
};

// spec §5.2: the others' entries at V's (round, step), then V's own contribution.
Counts counts(const MetaVote& v, std::span<const MetaVoteList* const> others);
// spec §5.3, §5.4 with N = voter_count; `with_coin` supplies coin(round) when needed.
MetaVote update(MetaVote v, Counts c, bool with_coin, std::size_t voter_count);
MetaVote increase_step(const MetaVote& p, const Counts& c, bool with_coin, std::size_t voter_count);
// spec §5.5. `with_coin` = the coins map holds every round (pass 2) or none (pass 1).
MetaVoteList next_votes(const MetaVoteList& prev, std::span<const MetaVoteList* const> others, bool with_coin,
                        std::size_t voter_count);

// The others' contributions summed per list position (spec §5.2 without V's own part), so that
// next_votes costs one addition per entry instead of a walk over every other voter's list.
// Lanes 0-5: est_t, est_f, bin_t, bin_f, aux_t, aux_f (16 bits each: up to 65535 voters).
// Lane 6: the first decision met in the others' order (0 none, 1 false, 2 true).
struct alignas(16) PositionCounts {
    std::uint16_t lane[8] = {};
};
// The byte that holds all of a MetaVote's flags (decided, decision, est, bin, aux): what
// MetaVoteRows stores per entry. They fill exactly the byte after `step`.
inline constexpr std::size_t kFlagByte = 5;
static_assert(sizeof(MetaVote) == 8, "MetaVote layout: round, step, one byte of bit-fields, padding");
inline std::uint8_t flag_byte(const MetaVote& v) {
    std::uint8_t b;
    std::memcpy(&b, reinterpret_cast<const unsigned char*>(&v) + kFlagByte, 1);
    return b;
}
inline MetaVote decode_flag_byte(std::uint8_t flags, std::size_t position) {
    MetaVote v;
    v.round = static_cast<std::uint32_t>(position / 3);
    v.step = static_cast<Step>(position % 3);
    std::memcpy(reinterpret_cast<unsigned char*>(&v) + kFlagByte, &flags, 1);
    return v;
}
// The bit of `decided` in the flag byte (meta_vote.cpp checks it at start-up).
inline constexpr std::uint8_t kFlagDecidedBit = 1;
// Whether the entry with these flags is decided (the position does not matter).
inline bool flag_decided(std::uint8_t flags) { return (flags & kFlagDecidedBit) != 0; }

// A meta-event's lists, one row per peer voted on (ascending peer), stored as one byte per
// entry: entry i of a list is at position i (round i/3, step i%3, spec §5.1), so only the
// entry's flags need storing. A meta-event with 16 voters then takes ~100 bytes instead of
// ~800, and the summing of the others' lists (the inner loop of spec §5.6) reads 2 cache
// lines per ancestor instead of 12.
class MetaVoteRows {
public:
    static constexpr std::uint32_t kNoneDecided = ~std::uint32_t{0};
    struct Row {
        std::uint32_t peer;
        std::uint32_t begin;  // first entry in flags_
        std::uint32_t size;
        // Position of the list's first decided entry, kNoneDecided if none: a child's next_votes
        // reads the others' sums only before it (spec §5.5), and every child asks.
        std::uint32_t first_decided;
    };

    std::size_t size() const { return rows_.size(); }
    bool empty() const { return rows_.empty(); }
    void clear() {
        rows_.clear();
        flags_.clear();
    }
    void reserve(std::size_t rows, std::size_t entries) {
        rows_.reserve(rows);
        flags_.reserve(entries);
    }
    std::uint32_t peer(std::size_t row) const { return rows_[row].peer; }
    // Starts loading the storage of the rows and entries (a few cache lines) to overwrite them.
    void prefetch_for_write() const {
        const char* r = reinterpret_cast<const char*>(rows_.data());
        for (std::size_t at = 0; at < rows_.capacity() * sizeof(Row); at += 64) __builtin_prefetch(r + at, 1);
        __builtin_prefetch(flags_.data(), 1);
    }
    std::size_t list_size(std::size_t row) const { return rows_[row].size; }
    std::span<const std::uint8_t> flags(std::size_t row) const {
        return {flags_.data() + rows_[row].begin, rows_[row].size};
    }
    std::span<const Row> rows() const { return rows_; }
    const std::uint8_t* flags_data() const { return flags_.data(); }
    // The row's list, decoded.
    MetaVoteList list(std::size_t row) const;
    void list_into(std::size_t row, MetaVoteList& out) const;
    // The list for `peer`, if it has a row.
    std::optional<MetaVoteList> find(std::uint32_t peer) const;
    // Appends a row; rows must be appended in ascending peer order.
    void append(std::uint32_t peer, const MetaVoteList& list);
    // Appends a row entry by entry: begin_row, then push each entry's flag byte in position order.
    void begin_row(std::uint32_t peer) { add_row(peer, 0, kNoneDecided); }
    void push(std::uint8_t flags) {
        flags_.push_back(flags);
        Row& r = rows_.back();
        if (flag_decided(flags) && r.first_decided == kNoneDecided) r.first_decided = r.size;
        ++r.size;
    }
    std::size_t flags_size() const { return flags_.size(); }
    // The entries from `begin` on: the last row's, if it started there. Read this way rather than
    // through the row just appended, whose fields were written piecewise and would be reloaded whole.
    std::span<const std::uint8_t> flags_from(std::size_t begin) const {
        return {flags_.data() + begin, flags_.size() - begin};
    }
    // Empties the last row, whose entries start at flags_size() == `begin`.
    void truncate_last_row(std::size_t begin) {
        flags_.resize(begin);
        rows_.back().size = 0;
        rows_.back().first_decided = kNoneDecided;
    }
    // Appends a copy of a row of `from`.
    void append_copy(const MetaVoteRows& from, std::size_t row) {
        const Row& r = from.rows_[row];
        add_row(r.peer, r.size, r.first_decided);
        const std::uint8_t* f = from.flags_.data() + r.begin;
        for (std::uint32_t i = 0; i < r.size; ++i) flags_.push_back(f[i]);  // a byte or two: no memmove call
    }
    // Appends the row's first entry alone.
    void append_first(const MetaVoteRows& from, std::size_t row) {
        const Row& r = from.rows_[row];
        const std::uint8_t f = from.flags_[r.begin];
        add_row(r.peer, 1, flag_decided(f) ? 0 : kNoneDecided);
        flags_.push_back(f);
    }

    // (peer, decoded list) pairs, so views can iterate `for (const auto& [peer, list] : rows)`.
    std::pair<std::uint32_t, MetaVoteList> operator[](std::size_t row) const { return {peer(row), list(row)}; }
    class const_iterator {
    public:
        using value_type = std::pair<std::uint32_t, MetaVoteList>;
        using difference_type = std::ptrdiff_t;
        const_iterator() = default;
        const_iterator(const MetaVoteRows* rows, std::size_t row) : rows_(rows), row_(row) {}
        value_type operator*() const { return (*rows_)[row_]; }
        const_iterator& operator++() {
            ++row_;
            return *this;
        }
        const_iterator operator++(int) {
            auto old = *this;
            ++row_;
            return old;
        }
        bool operator==(const const_iterator& o) const { return row_ == o.row_; }

    private:
        const MetaVoteRows* rows_ = nullptr;
        std::size_t row_ = 0;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, rows_.size()}; }

private:
    // Writes the row's fields in place: a Row built on the stack and copied in is stored as three
    // 4-byte writes and reloaded as 8 bytes, a store-forwarding stall on every row appended.
    void add_row(std::uint32_t peer, std::uint32_t size, std::uint32_t first_decided) {
        const auto begin = static_cast<std::uint32_t>(flags_.size());
        Row& r = rows_.emplace_back();
        r.peer = peer;
        r.begin = begin;
        r.size = size;
        r.first_decided = first_decided;
    }

    // Inline for up to 16 voters with lists of two entries: a meta-event is then one block, so a
    // rebuild after a decision (spec §6.4), which finds it cold, waits for one chain of loads.
    core::SmallVector<Row, 16> rows_;
    core::SmallVector<std::uint8_t, 32> flags_;
};

// What one entry with these flags adds to the others' counts at its position (lanes 0-5), and
// in lane 6 its decision (0 undecided, 1 false, 2 true).
extern const std::array<PositionCounts, 256> kContributionByFlags;
inline const PositionCounts& contribution(std::uint8_t flags) { return kContributionByFlags[flags]; }

// Adds each row of a meta-event, as the next "other", into rows[row_of[peer]] (rows of `width` positions;
// row_of[peer] < 0 skips the peer). With a non-empty `row_cap`, row r sums only its first
// row_cap[r] positions (the ones its next_votes will read).
void add_others(std::span<PositionCounts> rows, std::size_t width, std::span<const std::int32_t> row_of,
                const MetaVoteRows& lists);
void add_others(std::span<PositionCounts> rows, std::size_t width, std::span<const std::int32_t> row_of,
                std::span<const std::uint32_t> row_cap, const MetaVoteRows& lists);
// One row of spec §5.6 on flag bytes: next_votes(prev, others) without the coin (pass 1) and,
// if `coin_pass`, next_votes(pass 1, {}) with the coin (pass 2) unless coin_pass_keeps says it
// changes nothing. Appended to `out` as `peer`'s row.
void append_next_votes_row(std::uint32_t peer, std::span<const std::uint8_t> prev,
                           std::span<const PositionCounts> others, bool coin_pass, std::size_t n, MetaVoteRows& out);

// next_votes(prev, others, with_coin, n) where `per_position` = the others added in order.
void next_votes_summed(const MetaVoteList& prev, std::span<const PositionCounts> per_position, bool with_coin,
                       std::size_t voter_count, MetaVoteList& out);

inline bool is_super(std::uint32_t c, std::size_t n) { return 3ull * c > 2ull * n; }

// True when next_votes(list, {}, /*with_coin=*/true, n) == list, so the coin pass (spec §5.6
// pass 2) can be skipped: with no others, a list's own contribution is 1 per value, which is
// neither a third (n >= 4) nor a supermajority (n >= 2), so an entry changes only if its
// estimate is empty (the coin fills it), and the list is cut only after a decided entry.
bool coin_pass_keeps(const MetaVoteList& list, std::size_t n);
inline bool is_third(std::uint32_t c, std::size_t n) { return 3ull * c >= n; }

}  // namespace parsec::election
