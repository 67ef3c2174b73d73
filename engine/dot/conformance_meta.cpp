// C7 and C8: the meta-election snapshot compared event by event (spec §10.2), ignoring
// meta-events that are empty on the only side where they exist (spec §10.1 ii).
#include <map>

#include "dot/conformance_internal.hpp"

namespace parsec::dot {

namespace {

bool is_empty(const DotMetaEvent& m) {
    return m.observees.empty() && m.interesting_content.empty() && m.meta_votes.empty();
}

std::string join(const std::vector<std::string>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return s + "]";
}

std::string vote_text(const DotMetaVote& v) {
    return std::to_string(v.round) + "/" + std::to_string(v.step) + " " + v.est + " " + v.bin + " " + v.aux + " " + v.dec;
}

std::string votes_text(const std::vector<DotMetaVote>& list) {
    std::string s;
    for (const auto& v : list) s += (s.empty() ? "" : "; ") + vote_text(v);
    return s.empty() ? "none" : s;
}

std::string compare_one(const DotMetaEvent& a, const DotMetaEvent& b) {
    const std::string at = "event " + a.event;
    if (a.observees != b.observees)
        return at + ", field observees: expected " + join(a.observees) + ", got " + join(b.observees);
    if (a.interesting_content != b.interesting_content)
        return at + ", field interesting_content: expected " + join(a.interesting_content) + ", got " +
               join(b.interesting_content);
    std::map<std::string, const std::vector<DotMetaVote>*> va, vb;
    for (const auto& [p, l] : a.meta_votes) va[p] = &l;
    for (const auto& [p, l] : b.meta_votes) vb[p] = &l;
    for (const auto& [p, l] : va) {
        auto it = vb.find(p);
        std::string got = it == vb.end() ? "none" : votes_text(*it->second);
        if (got != votes_text(*l)) return at + ", peer " + p + ", field meta_votes: expected " + votes_text(*l) + ", got " + got;
    }
    for (const auto& [p, l] : vb)
        if (!va.count(p)) return at + ", peer " + p + ", field meta_votes: expected none, got " + votes_text(*l);
    return {};
}

}  // namespace

std::string compare_meta_election(const DotFile& expected, const DotFile& got, size_t& checked) {
    // C8: a decided vote prints its value in all four columns.
    for (const auto& m : expected.meta_events)
        for (const auto& [p, list] : m.meta_votes)
            for (const auto& v : list)
                if (v.dec != '-' && (v.est != v.dec || v.bin != v.dec || v.aux != v.dec))
                    return "event " + m.event + ", peer " + p + ": decided vote not printed in all four columns";
    if (expected.all_voters != got.all_voters)
        return "all_voters: expected " + join(expected.all_voters) + ", got " + join(got.all_voters);
    std::map<std::string, const DotMetaEvent*> ea, eb;
    for (const auto& m : expected.meta_events) ea[m.event] = &m;
    for (const auto& m : got.meta_events) eb[m.event] = &m;
    for (const auto& [name, m] : ea) {
        auto it = eb.find(name);
        if (it == eb.end()) {
            if (!is_empty(*m)) return "event " + name + ": meta-event expected, got none";
            continue;
        }
        if (auto d = compare_one(*m, *it->second); !d.empty()) return d;
        ++checked;
    }
    for (const auto& [name, m] : eb)
        if (!ea.count(name) && !is_empty(*m)) return "event " + name + ": no meta-event expected, got one";
    if (expected.interesting_events != got.interesting_events) {
        for (const auto& [id, evs] : expected.interesting_events) {
            std::vector<std::string> other;
            for (const auto& [gid, gevs] : got.interesting_events)
                if (gid == id) other = gevs;
            if (other != evs) return "peer " + id + ", field interesting_events: expected " + join(evs) + ", got " + join(other);
        }
        return "interesting_events: unexpected peers in ours";
    }
    if (expected.unconsensused_events != got.unconsensused_events)
        return "unconsensused_events: expected " + join(expected.unconsensused_events) + ", got " +
               join(got.unconsensused_events);
    return {};
}

}  // namespace parsec::dot
