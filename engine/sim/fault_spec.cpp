// Parsing of the fault, workload, membership and Byzantine SPECs (see fault_spec.hpp for the syntax).
#include "sim/fault_spec.hpp"

#include <algorithm>

#include "core/assert.hpp"

namespace parsec::sim {

using core::make_error;

namespace {

core::Error spec_error(std::string_view option, std::string_view part, const std::string& what) {
    return make_error("InvalidSpec", "\"" + std::string(part) + "\": " + what, std::string(option));
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
        if (p == std::string_view::npos) return out;
        start = p + 1;
    }
}

bool parse_u64(std::string_view s, std::uint64_t& out) {
    if (s.empty() || s.size() > 18) return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return true;
}

struct TickRange {
    Tick from = 0;
    Tick to = 0;  // exclusive end; equal to from for a single tick
    bool is_range = false;
};

core::Result<TickRange> parse_ticks(std::string_view option, std::string_view text) {
    TickRange r;
    auto dots = text.find("..");
    if (dots == std::string_view::npos) {
        if (!parse_u64(text, r.from)) return spec_error(option, text, "expected a tick number");
        r.to = r.from;
        return r;
    }
    r.is_range = true;
    if (!parse_u64(text.substr(0, dots), r.from) || !parse_u64(text.substr(dots + 2), r.to))
        return spec_error(option, text, "expected a tick range FROM..TO");
    if (r.to <= r.from) return spec_error(option, text, "the range ends before it starts");
    return r;
}

std::string known_names(const SimConfig& c) {
    std::string s;
    for (const auto& n : node_names(c.node_count())) s += (s.empty() ? "" : ", ") + n;
    return s;
}

core::Result<NodeId> parse_node(std::string_view option, std::string_view name, const SimConfig& c) {
    const auto names = node_names(c.node_count());
    for (NodeId i = 0; i < names.size(); ++i)
        if (names[i] == name) return i;
    return spec_error(option, name, "no node of that name (nodes: " + known_names(c) + ")");
}

// Splits "BODY@WHEN" into its two parts; `when` is empty without '@'.
void split_at(std::string_view spec, std::string_view& body, std::string_view& when) {
    auto at = spec.rfind('@');
    body = at == std::string_view::npos ? spec : spec.substr(0, at);
    when = at == std::string_view::npos ? std::string_view{} : spec.substr(at + 1);
}

void add_fault(SimConfig& c, Tick tick, FaultChange change) {
    ScriptEvent e;
    e.tick = tick;
    e.kind = ScriptEvent::Kind::Fault;
    e.fault = std::move(change);
    c.script.push_back(std::move(e));
}

core::Status parse_link_settings(std::string_view option, std::string_view text, LinkParams& link) {
    if (text.empty()) return spec_error(option, text, "expected settings like drop=0.1,dup=0.05,delay=1..20");
    for (std::string_view item : split(text, ',')) {
        auto eq = item.find('=');
        if (eq == std::string_view::npos) return spec_error(option, item, "expected KEY=VALUE");
        std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
        if (key == "delay" || key == "latency") {
            auto l = parse_latency(value);
            if (!l.ok()) return spec_error(option, item, l.error().message);
            link.latency = l.value();
            continue;
        }
        Ratio* target = key == "drop" ? &link.drop : key == "dup" || key == "duplicate" ? &link.duplicate
                                     : key == "reorder"                                ? &link.reorder
                                                                                        : nullptr;
        if (!target) return spec_error(option, key, "unknown setting (expected drop, dup, delay or reorder)");
        auto r = parse_ratio(value);
        if (!r.ok()) return spec_error(option, item, r.error().message);
        *target = r.value();
    }
    return {};
}

}  // namespace

core::Result<Ratio> parse_ratio(std::string_view t) {
    auto bad = [&](const std::string& why) { return make_error("InvalidSpec", "\"" + std::string(t) + "\": " + why); };
    std::uint64_t num = 0, den = 1;
    if (auto slash = t.find('/'); slash != std::string_view::npos) {
        if (!parse_u64(t.substr(0, slash), num) || !parse_u64(t.substr(slash + 1), den) || den == 0)
            return bad("expected a fraction like 1/8");
    } else {
        // A decimal, or a decimal percentage ("5%", "2.5%").
        const bool is_percent = !t.empty() && t.back() == '%';
        const std::string_view number = is_percent ? t.substr(0, t.size() - 1) : t;
        const char* expected = is_percent ? "expected a percentage like 5%" : "expected a probability like 0.1";
        auto dot = number.find('.');
        std::string_view whole = number.substr(0, dot);
        std::string_view frac = dot == std::string_view::npos ? "" : number.substr(dot + 1);
        if ((whole.empty() && frac.empty()) || frac.size() > 7 || whole.size() > 3) return bad(expected);
        std::uint64_t w = 0, f = 0;
        if ((!whole.empty() && !parse_u64(whole, w)) || (!frac.empty() && !parse_u64(frac, f))) return bad(expected);
        for (std::size_t i = 0; i < frac.size(); ++i) den *= 10;
        num = w * den + f;
        if (is_percent) den *= 100;
    }
    if (num > den) return bad("a probability must be between 0 and 1");
    while (den > 0xFFFFFFFFull) {  // keep 32-bit terms (percentages of 9-digit decimals)
        num /= 10;
        den /= 10;
    }
    return Ratio{static_cast<std::uint32_t>(num), static_cast<std::uint32_t>(den)};
}

core::Result<Latency> parse_latency(std::string_view t) {
    auto bad = [&]() {
        return make_error("InvalidSpec", "\"" + std::string(t) + "\": expected a delay in ticks: N, A..B or exp:MEAN");
    };
    std::uint64_t a = 0, b = 0;
    if (t.rfind("exp:", 0) == 0) {
        if (!parse_u64(t.substr(4), a) || a == 0 || a > 100000) return bad();
        return Latency{LatencyShape::Exponential, static_cast<std::uint32_t>(a), 0};
    }
    if (auto dots = t.find(".."); dots != std::string_view::npos) {
        if (!parse_u64(t.substr(0, dots), a) || !parse_u64(t.substr(dots + 2), b) || a > b || b > 100000) return bad();
        return Latency{LatencyShape::Uniform, static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)};
    }
    if (!parse_u64(t, a) || a > 100000) return bad();
    return Latency{LatencyShape::Constant, static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(a)};
}

core::Status apply_faults_spec(std::string_view spec, SimConfig& c) {
    std::string_view body, when;
    split_at(spec, body, when);
    if (when.empty()) return parse_link_settings("--faults", body, c.link);
    auto range = parse_ticks("--faults", when);
    if (!range.ok()) return range.error();
    if (!range->is_range) return spec_error("--faults", when, "expected a tick range FROM..TO");
    FaultChange on = FaultChange::of(FaultKind::SetDefaultLink);
    on.link = c.link;
    if (auto s = parse_link_settings("--faults", body, on.link); !s.ok()) return s;
    FaultChange off = FaultChange::of(FaultKind::SetDefaultLink);
    off.link = c.link;
    add_fault(c, range->from, on);
    add_fault(c, range->to, off);
    return {};
}

core::Status apply_workload_spec(std::string_view spec, SimConfig& c) {
    constexpr std::string_view option = "--workload";
    if (spec.empty()) return spec_error(option, spec, "expected settings like rate=1/8,payloads=100,voters=Alice+Bob");
    for (std::string_view item : split(spec, ',')) {
        auto eq = item.find('=');
        if (eq == std::string_view::npos)
            return spec_error(option, item, "expected KEY=VALUE (rate, payloads, delay, voters or gossip)");
        std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
        if (key == "rate" || key == "gossip") {
            auto r = parse_ratio(value);
            if (!r.ok()) return spec_error(option, item, r.error().message);
            (key == "rate" ? c.workload.payload_chance : c.gossip_chance) = r.value();
        } else if (key == "payloads") {
            std::uint64_t n = 0;
            if (!parse_u64(value, n) || n == 0 || n > 0xFFFFFFFFull)
                return spec_error(option, item, "expected a number of payloads, at least 1");
            c.workload.payloads_max = static_cast<std::uint32_t>(n);
        } else if (key == "delay") {
            auto l = parse_latency(value);
            if (!l.ok()) return spec_error(option, item, l.error().message);
            c.workload.vote_delay = l.value();
        } else if (key == "voters") {
            // Names joined by '+' (',' separates the settings); "all" restores the default.
            c.workload.voters.clear();
            if (value == "all") continue;
            for (std::string_view name : split(value, '+')) {
                auto n = parse_node(option, name, c);
                if (!n.ok()) return n.error();
                if (std::find(c.workload.voters.begin(), c.workload.voters.end(), n.value()) == c.workload.voters.end())
                    c.workload.voters.push_back(n.value());
            }
            std::sort(c.workload.voters.begin(), c.workload.voters.end());
        } else {
            return spec_error(option, key, "unknown setting (expected rate, payloads, delay, voters or gossip)");
        }
    }
    return {};
}

core::Status add_link_spec(std::string_view spec, SimConfig& c) {
    const std::string_view option = "--link";
    auto colon = spec.find(':');
    if (colon == std::string_view::npos) return spec_error(option, spec, "expected FROM>TO:SETTINGS or A-B:SETTINGS");
    std::string_view ends = spec.substr(0, colon), rest = spec.substr(colon + 1), body, when;
    split_at(rest, body, when);
    const bool both = ends.find('-') != std::string_view::npos;
    auto sep = ends.find(both ? '-' : '>');
    if (sep == std::string_view::npos) return spec_error(option, ends, "expected FROM>TO or A-B");
    auto a = parse_node(option, ends.substr(0, sep), c);
    if (!a.ok()) return a.error();
    auto b = parse_node(option, ends.substr(sep + 1), c);
    if (!b.ok()) return b.error();
    if (a.value() == b.value()) return spec_error(option, ends, "a link needs two different nodes");
    LinkParams params = c.link;
    if (auto s = parse_link_settings(option, body, params); !s.ok()) return s;
    TickRange range;
    if (!when.empty()) {
        auto r = parse_ticks(option, when);
        if (!r.ok()) return r.error();
        range = r.value();
    }
    for (int dir = 0; dir < (both ? 2 : 1); ++dir) {
        FaultChange on = FaultChange::of(FaultKind::SetLink, dir == 0 ? a.value() : b.value(),
                                         dir == 0 ? b.value() : a.value());
        on.link = params;
        add_fault(c, range.from, on);
        if (range.is_range) add_fault(c, range.to, FaultChange::of(FaultKind::ClearLink, on.node, on.peer));
    }
    return {};
}

core::Status add_partition_spec(std::string_view spec, SimConfig& c) {
    const std::string_view option = "--partition";
    std::string_view body, when;
    split_at(spec, body, when);
    if (when.empty()) return spec_error(option, spec, "expected GROUPS@FROM..TO, e.g. 'A,B|C,D@100..400'");
    auto range = parse_ticks(option, when);
    if (!range.ok()) return range.error();
    const auto groups = split(body, '|');
    if (groups.size() < 2) return spec_error(option, body, "expected at least two groups separated by '|'");
    const auto unlisted = static_cast<std::uint8_t>(groups.size());
    std::vector<std::uint8_t> group_of(c.node_count(), unlisted);
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (std::string_view name : split(groups[g], ',')) {
            auto n = parse_node(option, name, c);
            if (!n.ok()) return n.error();
            if (group_of[n.value()] != unlisted) return spec_error(option, name, "is in two groups");
            group_of[n.value()] = static_cast<std::uint8_t>(g);
        }
    FaultChange on = FaultChange::of(FaultKind::Partition);
    on.groups = std::move(group_of);
    add_fault(c, range->from, on);
    if (range->is_range) add_fault(c, range->to, FaultChange::of(FaultKind::Heal));
    return {};
}

namespace {
core::Status add_node_window(std::string_view option, std::string_view spec, SimConfig& c, FaultKind start,
                             FaultKind end, bool needs_range) {
    std::string_view body, when;
    split_at(spec, body, when);
    if (when.empty()) return spec_error(option, spec, needs_range ? "expected NODE@FROM..TO" : "expected NODE@TICK");
    auto n = parse_node(option, body, c);
    if (!n.ok()) return n.error();
    auto range = parse_ticks(option, when);
    if (!range.ok()) return range.error();
    if (needs_range != range->is_range)
        return spec_error(option, when, needs_range ? "expected a tick range FROM..TO" : "expected one tick");
    add_fault(c, range->from, FaultChange::of(start, n.value()));
    if (needs_range) add_fault(c, range->to, FaultChange::of(end, n.value()));
    return {};
}
}  // namespace

core::Status add_crash_spec(std::string_view spec, SimConfig& c) {
    return add_node_window("--crash", spec, c, FaultKind::Crash, FaultKind::Crash, false);
}
core::Status add_pause_spec(std::string_view spec, SimConfig& c) {
    return add_node_window("--pause", spec, c, FaultKind::Pause, FaultKind::Resume, true);
}
core::Status add_restart_spec(std::string_view spec, SimConfig& c) {
    return add_node_window("--restart", spec, c, FaultKind::Stop, FaultKind::Restart, true);
}

core::Status add_join_spec(std::string_view spec, SimConfig& c) {
    const std::string_view option = "--add";
    std::string_view body, when;
    split_at(spec, body, when);
    if (when.empty()) return spec_error(option, spec, "expected [NAME]@TICK");
    const std::string next = node_name(c.node_count());
    if (!body.empty() && body != next)
        return spec_error(option, body, "joining nodes take the next free name, here " + next);
    if (c.node_count() >= kNodesMax) return spec_error(option, spec, "the cluster is full");
    auto range = parse_ticks(option, when);
    if (!range.ok()) return range.error();
    if (range->is_range) return spec_error(option, when, "expected one tick");
    ++c.joiner_count;
    ScriptEvent e;
    e.tick = range->from;
    e.kind = ScriptEvent::Kind::AddPeer;
    e.node = static_cast<NodeId>(c.node_count() - 1);
    c.script.push_back(e);
    return {};
}

core::Status add_remove_spec(std::string_view spec, SimConfig& c) {
    const std::string_view option = "--remove";
    std::string_view body, when;
    split_at(spec, body, when);
    if (when.empty()) return spec_error(option, spec, "expected NAME@TICK");
    auto n = parse_node(option, body, c);
    if (!n.ok()) return n.error();
    auto range = parse_ticks(option, when);
    if (!range.ok()) return range.error();
    if (range->is_range) return spec_error(option, when, "expected one tick");
    ScriptEvent e;
    e.tick = range->from;
    e.kind = ScriptEvent::Kind::RemovePeer;
    e.node = n.value();
    c.script.push_back(e);
    return {};
}

core::Status add_byzantine_node_spec(std::string_view spec, SimConfig& c) {
    const std::string_view option = "--byzantine-node";
    auto eq = spec.find('=');
    if (eq == std::string_view::npos) return spec_error(option, spec, "expected NAME=KIND");
    auto n = parse_node(option, spec.substr(0, eq), c);
    if (!n.ok()) return n.error();
    ByzantineKind kind;
    if (!parse_byzantine_kind(std::string(spec.substr(eq + 1)), kind))
        return spec_error(option, spec.substr(eq + 1),
                          "unknown kind (expected fork, double-vote, bad-signature, premature-gossip, "
                          "same-creator-other-parent or withhold)");
    c.byzantine.resize(c.node_count(), ByzantineKind::Honest);
    c.byzantine[n.value()] = kind;
    return {};
}

core::Status apply_byzantine_spec(std::string_view spec, SimConfig& c) {
    const std::string_view option = "--byzantine";
    c.byzantine.resize(c.node_count(), ByzantineKind::Honest);
    // Chosen from the seed on a stream of their own, so the choice does not shift the run's stream.
    Prng prng(c.seed ^ 0xB7A2'0000'0000'0001ULL);
    for (std::string_view item : split(spec, ',')) {
        auto eq = item.find('=');
        if (eq == std::string_view::npos) return spec_error(option, item, "expected KIND=COUNT");
        ByzantineKind kind;
        if (!parse_byzantine_kind(std::string(item.substr(0, eq)), kind))
            return spec_error(option, item.substr(0, eq),
                              "unknown kind (expected fork, double-vote, bad-signature, premature-gossip, "
                              "same-creator-other-parent or withhold)");
        std::uint64_t count = 0;
        if (!parse_u64(item.substr(eq + 1), count)) return spec_error(option, item, "expected a count");
        for (std::uint64_t k = 0; k < count; ++k) {
            std::vector<NodeId> honest;
            for (NodeId i = 0; i < c.genesis_count; ++i)
                if (c.byzantine[i] == ByzantineKind::Honest) honest.push_back(i);
            if (honest.empty()) return spec_error(option, item, "not enough honest nodes left to turn");
            c.byzantine[honest[prng.below(honest.size())]] = kind;
        }
    }
    return {};
}

void finalize_spec(SimConfig& c) {
    std::stable_sort(c.script.begin(), c.script.end(),
                     [](const ScriptEvent& a, const ScriptEvent& b) { return a.tick < b.tick; });
    const bool any = std::any_of(c.byzantine.begin(), c.byzantine.end(),
                                 [](ByzantineKind k) { return k != ByzantineKind::Honest; });
    if (!any) c.byzantine.clear();
    else c.byzantine.resize(c.node_count(), ByzantineKind::Honest);
}

}  // namespace parsec::sim
