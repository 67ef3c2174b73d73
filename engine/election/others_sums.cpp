#include "election/others_sums.hpp"

#include <algorithm>
#include <cstring>

#include "election/meta_election.hpp"

namespace parsec::election {

namespace {
typedef std::uint16_t Lanes __attribute__((vector_size(16)));
constexpr Lanes kCountLanes = {0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0, 0};
}  // namespace

bool OthersSums::continues(const MetaEvent* parent, std::uint64_t parent_serial,
                           std::span<const model::PeerIndex> row_peer, std::size_t width) const {
    return meta_ != nullptr && meta_ == parent && serial_ == parent_serial && width <= width_ &&
           std::equal(row_peer.begin(), row_peer.end(), row_peer_.begin(), row_peer_.end());
}

void OthersSums::reset(std::span<const model::PeerIndex> row_peer, std::size_t width, std::size_t peer_count,
                       std::size_t voter_count) {
    meta_ = nullptr;
    row_peer_.assign(row_peer.begin(), row_peer.end());
    row_of_.assign(peer_count, -1);
    for (std::size_t r = 0; r < row_peer_.size(); ++r)
        if (row_peer_[r] < peer_count) row_of_[row_peer_[r]] = static_cast<std::int32_t>(r);
    limit_.assign(row_peer_.size(), ~std::uint32_t{0});
    width_ = width;
    sums_.assign(row_peer_.size() * width, PositionCounts{});
    decided_true_.assign(row_peer_.size() * width, 0);
    decided_false_.assign(row_peer_.size() * width, 0);
    other_.assign(voter_count, nullptr);
    other_serial_.assign(voter_count, 0);
}

bool OthersSums::change_other(std::size_t rank, const MetaEvent* am) {
    // The previous contribution can only be taken out while its meta-event is unchanged.
    if (other_[rank] && other_[rank]->serial != other_serial_[rank]) return false;
    if (other_[rank]) apply<false>(rank, *other_[rank]);
    other_[rank] = am;
    other_serial_[rank] = am ? am->serial : 0;
    if (am) apply<true>(rank, *am);
    return true;
}

template <bool Add>
void OthersSums::apply(std::size_t rank, const MetaEvent& am) {
    const std::uint64_t bit = std::uint64_t{1} << rank;
    const auto& lists = am.meta_votes;
    const auto rows = lists.rows();
    for (const auto& r : rows) {
        if (r.peer >= row_of_.size()) continue;
        const std::int32_t row = row_of_[r.peer];
        if (row < 0) continue;
        const std::size_t base = static_cast<std::size_t>(row) * width_;
        const std::uint8_t* flags = lists.flags_data() + r.begin;
        const std::size_t n = std::min<std::size_t>({r.size, width_, limit_[static_cast<std::size_t>(row)]});
        for (std::size_t pos = 0; pos < n; ++pos) {
            const PositionCounts& c = contribution(flags[pos]);
            Lanes a, b;
            std::memcpy(&a, sums_[base + pos].lane, sizeof a);
            std::memcpy(&b, c.lane, sizeof b);
            b &= kCountLanes;
            if constexpr (Add) a += b;
            else a -= b;  // 16-bit lanes wrap; every subtraction follows its addition
            std::memcpy(sums_[base + pos].lane, &a, sizeof a);
            if (c.lane[6]) {  // decided: 1 false, 2 true
                auto& mask = c.lane[6] == 2 ? decided_true_[base + pos] : decided_false_[base + pos];
                if constexpr (Add) mask |= bit;
                else mask &= ~bit;
            }
        }
    }
}

void OthersSums::materialize(std::vector<PositionCounts>& out) const {
    out.resize(sums_.size());
    for (std::size_t r = 0; r < row_peer_.size(); ++r) {
        PositionCounts* o = out.data() + r * width_;
        const std::size_t n = std::min<std::size_t>(width_, limit_[r]);
        if (n == 0) continue;
        std::memcpy(static_cast<void*>(o), sums_.data() + r * width_, n * sizeof(PositionCounts));
        for (std::size_t pos = 0; pos < n; ++pos) {
            const std::size_t i = r * width_ + pos;
            const std::uint64_t any = decided_true_[i] | decided_false_[i];
            // The first decision met in the others' (ascending voter) order (spec §5.2).
            if (any) o[pos].lane[6] = (decided_true_[i] & (any & (~any + 1))) ? 2 : 1;
        }
    }
}

}  // namespace parsec::election
