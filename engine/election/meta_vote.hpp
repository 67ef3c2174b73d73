// Meta-votes of the binary agreement and their update rules (spec §5), as pure functions.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace parsec::election {

// Bool sets are two bits: kTrue and kFalse.
inline constexpr std::uint8_t kTrue = 1;
inline constexpr std::uint8_t kFalse = 2;
inline constexpr std::uint8_t kBoth = 3;

enum class Step : std::uint8_t { ForcedTrue = 0, ForcedFalse = 1, GenuineFlip = 2 };

struct MetaVote {
    std::uint32_t round = 0;
    Step step = Step::ForcedTrue;
    bool decided = false;
    bool decision = false;     // valid if decided
    std::uint8_t est = 0;      // bool set (undecided only)
    std::uint8_t bin = 0;      // bool set (undecided only)
    std::int8_t aux = -1;      // -1 none, 0 false, 1 true (undecided only)

    bool operator==(const MetaVote&) const = default;
    // Position in a list that starts at (0, 0): lists are contiguous in (round, step).
    std::size_t position() const { return round * 3u + static_cast<std::size_t>(step); }
};

using MetaVoteList = std::vector<MetaVote>;

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

inline bool is_super(std::uint32_t c, std::size_t n) { return 3ull * c > 2ull * n; }
inline bool is_third(std::uint32_t c, std::size_t n) { return 3ull * c >= n; }

}  // namespace parsec::election
